"use client";
/**
 * Interactive islands: each loads the wallet stack (and Apollo where needed) on the client only,
 * after the server-rendered page is on screen. The placeholders keep the layout stable.
 */
import dynamic from "next/dynamic";
import type { ComponentType, ReactNode } from "react";

import { requestConnect, useInteractionGate } from "./interactionGate";
import { NetworkBadge } from "./NetworkBadge";
import { SkeletonRows } from "./ui";

/** Renders `placeholder` until the interaction gate opens, then the (lazily loaded) island. */
export function gated<P extends object>(Island: ComponentType<P>, placeholder: () => ReactNode): ComponentType<P> {
  function Gated(props: P) {
    const open = useInteractionGate();
    return open ? <Island {...props} /> : <>{placeholder()}</>;
  }
  return Gated;
}

const box = (h: string) =>
  // biome-ignore lint/correctness/noComponentHookFactories: called once per island at module load, never during a render
  function Placeholder() {
    return <div className={`skeleton ${h} w-full`} aria-hidden="true" />;
  };

const WalletIslandLazy = dynamic(
  () => Promise.all([import("./Web3Providers"), import("./WalletArea")]).then(([w, m]) => w.withWeb3(m.WalletArea)),
  { ssr: false, loading: () => <WalletPlaceholder /> },
);

const BuyPanelIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("~/app/offerings/[id]/_components/BuyPanel")]).then(([w, m]) =>
      w.withWeb3(m.BuyPanel),
    ),
  { ssr: false, loading: box("h-72") },
);

const DefaultActionsIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("~/app/offerings/[id]/_components/DefaultActions")]).then(([w, m]) =>
      w.withWeb3(m.DefaultActions),
    ),
  { ssr: false, loading: box("mt-3 h-9") },
);

const NftPreviewIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("~/app/offerings/[id]/_components/NftPreview")]).then(([w, m]) =>
      w.withWeb3(m.NftPreview),
    ),
  { ssr: false, loading: box("h-96") },
);

const PortfolioIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/portfolio/_components/PortfolioView")]).then(([w, m]) =>
      w.withWeb3Apollo(m.PortfolioView),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={4} /> },
);

const PositionIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/portfolio/_components/PositionDetail")]).then(
      ([w, m]) => w.withWeb3Apollo(m.PositionDetail),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={4} /> },
);

const MinerDeskIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/miner/_components/MinerDesk")]).then(([w, m]) =>
      w.withWeb3Apollo(m.MinerDesk),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={3} /> },
);

const ProposalActionsIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("~/app/governance/[proposalId]/_components/ProposalActions")]).then(
      ([w, m]) => w.withWeb3(m.ProposalActions),
    ),
  { ssr: false, loading: box("h-48") },
);

const DelegationBannerIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("./DelegationStatus")]).then(([w, m]) =>
      w.withWeb3(m.DelegationStatus),
    ),
  { ssr: false, loading: () => null },
);

const DelegationPanelIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("./DelegationStatus")]).then(([w, m]) => {
      // biome-ignore lint/correctness/noComponentHookFactories: built once, when the island's chunk has loaded
      const Panel = () => <m.DelegationStatus panel />;
      return w.withWeb3(Panel);
    }),
  { ssr: false, loading: box("h-64") },
);

const ApplyWizardIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("~/app/miner/apply/_components/ApplyWizard")]).then(([w, m]) =>
      w.withWeb3(m.ApplyWizard),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={6} /> },
);

const CouncilCheckIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3Providers"), import("~/app/council/_components/CouncilCheck")]).then(([w, m]) =>
      w.withWeb3(m.CouncilCheck),
    ),
  { ssr: false, loading: box("h-32") },
);

const AuctionRoomIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/auctions/[id]/_components/AuctionRoom")]).then(
      ([w, m]) => w.withWeb3Apollo(m.AuctionRoom),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={5} /> },
);

const TradingRewardsIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/rewards/_components/TradingRewardsPanel")]).then(
      ([w, m]) => w.withWeb3Apollo(m.TradingRewardsPanel),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={4} /> },
);

const TradingBalancesIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/portfolio/_components/TradingBalances")]).then(
      ([w, m]) => w.withWeb3Apollo(m.TradingBalances),
    ),
  { ssr: false, loading: () => null },
);

const LoanDueBannerIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("./LoanDueBanner")]).then(([w, m]) =>
      w.withWeb3Apollo(m.LoanDueBanner),
    ),
  { ssr: false, loading: () => null },
);

const LendingDeskIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/lending/_components/LendingDesk")]).then(([w, m]) =>
      w.withWeb3Apollo(m.LendingDesk),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={6} /> },
);

const MyLoansIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/loans/_components/MyLoans")]).then(([w, m]) =>
      w.withWeb3Apollo(m.MyLoans),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={5} /> },
);

function WalletPlaceholder() {
  return (
    <span className="flex items-center gap-2">
      <NetworkBadge />
      <button type="button" className="btn-primary whitespace-nowrap" onClick={requestConnect}>
        Connect Wallet
      </button>
    </span>
  );
}

const skel = (h: string) => () => <div className={`skeleton ${h} w-full`} aria-hidden="true" />;
export const WalletIsland = gated(WalletIslandLazy, () => <WalletPlaceholder />);
export const BuyPanelIsland = gated(BuyPanelIslandLazy, skel("h-72"));
export const DefaultActionsIsland = gated(DefaultActionsIslandLazy, skel("mt-3 h-9"));
export const NftPreviewIsland = gated(NftPreviewIslandLazy, skel("h-96"));
export const PortfolioIsland = gated(PortfolioIslandLazy, () => <SkeletonRows rows={4} />);
export const PositionIsland = gated(PositionIslandLazy, () => <SkeletonRows rows={4} />);
export const MinerDeskIsland = gated(MinerDeskIslandLazy, () => <SkeletonRows rows={3} />);
export const ProposalActionsIsland = gated(ProposalActionsIslandLazy, skel("h-48"));
export const DelegationBannerIsland = gated(DelegationBannerIslandLazy, () => null);
export const DelegationPanelIsland = gated(DelegationPanelIslandLazy, skel("h-64"));
export const ApplyWizardIsland = gated(ApplyWizardIslandLazy, () => <SkeletonRows rows={6} />);
export const CouncilCheckIsland = gated(CouncilCheckIslandLazy, skel("h-32"));
export const AuctionRoomIsland = gated(AuctionRoomIslandLazy, () => <SkeletonRows rows={5} />);
export const TradingBalancesIsland = gated(TradingBalancesIslandLazy, () => null);
export const TradingRewardsIsland = gated(TradingRewardsIslandLazy, () => <SkeletonRows rows={4} />);
export const LoanDueBannerIsland = gated(LoanDueBannerIslandLazy, () => null);
export const LendingDeskIsland = gated(LendingDeskIslandLazy, () => <SkeletonRows rows={6} />);
export const MyLoansIsland = gated(MyLoansIslandLazy, () => <SkeletonRows rows={5} />);
