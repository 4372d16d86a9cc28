"use client";
import { hashpowerExchangeAbi } from "@dmex/deployments";
import { useReadContracts } from "wagmi";

import { useExchangeAddress } from "~/components/DeploymentContext";
import { targetChain } from "~/services/chains";

/** Claimable rewards and refundable escrow of positions at the latest block (what a claim would pay now). */
export function usePositionsLive(tokenIds: readonly bigint[]) {
  const exchange = useExchangeAddress();
  const result = useReadContracts({
    allowFailure: true,
    contracts: exchange
      ? tokenIds.flatMap((id) => [
          {
            address: exchange,
            abi: hashpowerExchangeAbi,
            functionName: "claimableRewards",
            args: [id],
            chainId: targetChain.id,
          } as const,
          {
            address: exchange,
            abi: hashpowerExchangeAbi,
            functionName: "refundableOf",
            args: [id],
            chainId: targetChain.id,
          } as const,
        ])
      : [],
    query: { enabled: exchange !== null && tokenIds.length > 0, refetchInterval: 2_000 },
  });
  const live = new Map<string, { claimable: bigint; refundable: bigint }>();
  tokenIds.forEach((id, i) => {
    const c = result.data?.[2 * i];
    const r = result.data?.[2 * i + 1];
    if (c?.status === "success" && r?.status === "success")
      live.set(id.toString(), { claimable: c.result as bigint, refundable: r.result as bigint });
  });
  return { live, isLoading: result.isLoading, refetch: result.refetch };
}
