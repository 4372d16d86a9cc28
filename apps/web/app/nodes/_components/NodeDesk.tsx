"use client";
/**
 * The connected account's promotion node: register (main, or light under the main node that invited it),
 * status and exit, its referral link, recruits, commissions per token with the on-chain history, and
 * node-staking DMC. Live figures from PromotionNodes (wagmi); lists and history from the subgraph.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { promotionNodesAbi } from "@dmex/deployments";
import { useAccount, useReadContracts } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { ErrorBox, SkeletonRows } from "~/components/ui";
import { useDeployedContract } from "~/hooks/useDeployedContract";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { NODE_QUERY } from "~/lib/graphql/nodes";
import type { NodeDeskData } from "~/lib/graphql/nodesTypes";
import { nodePhase, type NodeRecord } from "~/lib/nodes/node";
import { targetChain } from "~/services/chains";
import { CommissionsCard } from "./CommissionsCard";
import { NodeStakingCard } from "./NodeStakingCard";
import { NodeStatusCard } from "./NodeStatusCard";
import { RecruitsCard } from "./RecruitsCard";
import { ReferralLinkCard } from "./ReferralLinkCard";
import { RegisterNode } from "./RegisterNode";

export interface NodeParams {
  readonly mainStake: bigint;
  readonly lightStake: bigint;
  readonly cooldown: number;
  readonly commissionBps: number;
  readonly mainShareBps: number;
  readonly maxRecruits: number;
}

export function NodeDesk() {
  const nodes = useDeployedContract("PromotionNodes");
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const me = address?.toLowerCase() ?? "";
  const { data, error, refetch } = useQuery<NodeDeskData>(NODE_QUERY, {
    variables: { id: me, account: me },
    skip: !address || nodes === null,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const c = { address: nodes ?? undefined, abi: promotionNodesAbi, chainId: targetChain.id } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      nodes && address
        ? [
            { ...c, functionName: "nodeOf", args: [address] },
            { ...c, functionName: "mainStake" },
            { ...c, functionName: "lightStake" },
            { ...c, functionName: "cooldown" },
            { ...c, functionName: "commissionBps" },
            { ...c, functionName: "mainShareBps" },
            { ...c, functionName: "maxRecruits" },
          ]
        : [],
    query: { enabled: Boolean(nodes && address), refetchInterval: 4_000 },
  });

  if (nodes === null)
    return (
      <ErrorBox title="Promotion nodes are not deployed">This deployment has no PromotionNodes contract.</ErrorBox>
    );
  if (!isConnected || !address)
    return (
      <div className="card space-y-2 text-sm">
        <p>Connect a wallet to run a node or see yours.</p>
        <ConnectPrompt />
      </div>
    );
  const ok = reads.data?.every((r) => r.status === "success") ?? false;
  if (reads.error) return <ErrorBox title="The node registry cannot be read">{reads.error.message}</ErrorBox>;
  if (!ok || !reads.data || now === undefined) return <SkeletonRows rows={4} />;
  const r = reads.data.map((x) => x.result);
  const node = r[0] as NodeRecord;
  const params: NodeParams = {
    mainStake: r[1] as bigint,
    lightStake: r[2] as bigint,
    cooldown: Number(r[3]),
    commissionBps: Number(r[4]),
    mainShareBps: Number(r[5]),
    maxRecruits: Number(r[6]),
  };
  const phase = nodePhase(node, now);
  const refresh = () => void Promise.allSettled([reads.refetch(), refetch()]);

  return (
    <div className="space-y-4" data-testid="node-desk" data-phase={phase.name}>
      {error && <ErrorBox title="The node's history cannot load">{error.message}</ErrorBox>}
      {phase.name === "none" ? (
        <RegisterNode nodes={nodes} params={params} invites={data?.invitesToMe ?? []} onDone={refresh} />
      ) : (
        <NodeStatusCard nodes={nodes} node={node} phase={phase} now={now} onDone={refresh} />
      )}
      {phase.name !== "none" && <ReferralLinkCard node={address} live={phase.name === "live"} />}
      {phase.name !== "none" && phase.kind === "Main" && (
        <RecruitsCard
          nodes={nodes}
          node={data?.node ?? null}
          params={params}
          live={phase.name === "live"}
          onDone={refresh}
        />
      )}
      <CommissionsCard nodes={nodes} account={address} node={data?.node ?? null} params={params} />
      <NodeStakingCard account={address} />
    </div>
  );
}
