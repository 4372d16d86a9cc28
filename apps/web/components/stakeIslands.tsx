"use client";
/** The Stake and DMC pages' islands (wallet + Apollo, loaded on the first interaction like components/islands). */
import dynamic from "next/dynamic";

import { gated } from "./islands";
import { SkeletonRows } from "./ui";

const StakeDeskIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/stake/_components/StakeDesk")]).then(([w, m]) =>
      w.withWeb3Apollo(m.StakeDesk),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={6} /> },
);

const DmcMarketIslandLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/dmc/_components/DmcMarket")]).then(([w, m]) =>
      w.withWeb3Apollo(m.DmcMarket),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={6} /> },
);

export const StakeDeskIsland = gated(StakeDeskIslandLazy, () => <SkeletonRows rows={6} />);
export const DmcMarketIsland = gated(DmcMarketIslandLazy, () => <SkeletonRows rows={6} />);
