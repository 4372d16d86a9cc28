"use client";
/** Node-staking DMC (NodeStakingRewards): a live node's weight is its stake; earned DMC ticks up and is claimed here. */
import { nodeStakingRewardsAbi } from "@dmex/deployments";
import type { Abi, Address } from "viem";
import { useReadContracts } from "wagmi";

import { TickingAmount } from "~/components/TickingAmount";
import { TxMessage } from "~/components/TxMessage";
import { useDeployedContract } from "~/hooks/useDeployedContract";
import { useSend } from "~/hooks/useSend";
import { formatAmount } from "~/lib/format";
import { targetChain } from "~/services/chains";

export function NodeStakingCard({ account }: { account: Address }) {
  const pool = useDeployedContract("NodeStakingRewards");
  const { send, busy, message } = useSend();
  const c = { address: pool ?? undefined, abi: nodeStakingRewardsAbi, chainId: targetChain.id } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: pool
      ? [
          { ...c, functionName: "earned", args: [account] },
          { ...c, functionName: "weightOf", args: [account] },
          { ...c, functionName: "totalWeight" },
          { ...c, functionName: "ratePerSecond" },
        ]
      : [],
    query: { enabled: pool !== null, refetchInterval: 2_000 },
  });
  if (pool === null) return null;
  const v = (i: number) => (reads.data?.[i]?.status === "success" ? (reads.data[i].result as bigint) : undefined);
  const [earned, weight, total, rate] = [v(0), v(1), v(2), v(3)];
  const perDay =
    weight !== undefined && total !== undefined && rate !== undefined && total > 0n
      ? (rate * 86_400n * weight) / total
      : undefined;
  return (
    <section className="card space-y-2 text-sm" aria-labelledby="nodestake-h">
      <h2 id="nodestake-h" className="text-lg font-semibold">
        Node-staking DMC
      </h2>
      <p className="text-slate-700">
        Live nodes share the node-staking emission in proportion to their staked DMC
        {perDay !== undefined ? `: yours earns about ${formatAmount(perDay, 18, 2)} DMC a day now` : ""}.
      </p>
      <p>
        Earned:{" "}
        {earned === undefined ? (
          "…"
        ) : (
          <TickingAmount value={earned} decimals={18} symbol="DMC" testId="node-dmc-earned" />
        )}
      </p>
      <button
        type="button"
        className="btn-primary"
        disabled={busy || earned === undefined || earned === 0n}
        onClick={async () => {
          await send("Claim node-staking DMC", pool, nodeStakingRewardsAbi as Abi, "claim", [account]);
          await reads.refetch();
        }}
      >
        Claim DMC
      </button>
      <TxMessage message={message} />
    </section>
  );
}
