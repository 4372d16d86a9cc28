import type { Metadata } from "next";
import Link from "next/link";

import { ApplyWizardIsland } from "~/components/islands";
import { ErrorBox } from "~/components/ui";
import { executionLeadSeconds } from "~/lib/dao/application";
import { formatAmount } from "~/lib/format";
import { APPLY_QUERY } from "~/lib/graphql/dao";
import type { ApplyData } from "~/lib/graphql/daoTypes";
import { chainNow } from "~/services/chainTime.server";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { tokenOf } from "~/services/tokens";
import type { ApplyAsset } from "./_components/ApplyWizard";

export const metadata: Metadata = { title: "Apply to list an offering" };

/** The stand-in reward token of an asset when no offering of it exists yet (IFIL for FIL, WBTC for BTC). */
const REWARD_SYMBOL: Readonly<Record<string, string>> = { FIL: "IFIL", BTC: "WBTC" };

export default async function ApplyPage() {
  const [deployment, result] = await Promise.all([getAppDeployment(), querySubgraph<ApplyData>(APPLY_QUERY)]);
  if (result.error !== null) return <ErrorBox title="The application form cannot load">{result.error}</ErrorBox>;
  const dao = result.data.daos[0];
  const now = await chainNow(result.data._meta.block.timestamp);
  const tokens = Object.values(deployment.tokens);
  const usdt = tokens.find((t) => t.symbol === "USDT");
  const assets: ApplyAsset[] = result.data.assets.flatMap((a) => {
    const fromOffering = a.offerings[0]?.rewardToken.id;
    const reward = fromOffering
      ? tokenOf(deployment.tokens, fromOffering)
      : tokens.find((t) => t.symbol === REWARD_SYMBOL[a.symbol]);
    if (!reward || reward.symbol === "?") return [];
    const suggested = a.symbol === "FIL" ? "0.00045" : a.symbol === "BTC" ? "0.0000005" : "";
    const exampleTokenId = a.cards[0]?.positions[0]?.tokenId ?? null;
    return [
      {
        id: a.assetId,
        symbol: a.symbol,
        unitLabel: a.unitLabel,
        rewardToken: { address: reward.address, decimals: reward.decimals, symbol: reward.symbol },
        suggestedReward: suggested,
        exampleTokenId,
      },
    ];
  });
  const governanceSeconds = dao ? executionLeadSeconds(dao) : 0;
  const stakeHint = dao
    ? `at least ${formatAmount(BigInt(dao.minStake), 18, 0)} DMC, or ${formatAmount(BigInt(dao.stakePerValueWad), 18, 4)} DMC per ${usdt?.symbol ?? "USDT"} of offering value if more`
    : null;

  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/miner" className="underline-offset-2 hover:underline">
          Miner desk
        </Link>{" "}
        / Apply
      </nav>
      <h1 className="text-2xl font-bold">Apply to list an offering</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Offerings exist only once DMC holders approve them. Submit your terms and disclosure with a DMC stake
        {stakeHint ? ` (${stakeHint})` : ""}: the application opens a proposal, and when it passes and the timelock
        executes it, your offering goes live. A rejected application gets its stake back; an approved one stays locked
        until the term ends{dao ? ` plus ${dao.lockGraceDays} days` : ""}.
      </p>
      {!dao || !usdt || assets.length === 0 ? (
        <ErrorBox title="Applications are not open">
          The DAO or its tokens are not deployed (or not indexed yet) on this chain.
        </ErrorBox>
      ) : (
        <ApplyWizardIsland
          assets={assets}
          paymentToken={{ address: usdt.address, decimals: usdt.decimals, symbol: usdt.symbol }}
          governanceSeconds={governanceSeconds}
          renderedAt={now}
        />
      )}
    </div>
  );
}
