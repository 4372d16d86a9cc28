"use client";
import { useBlock } from "wagmi";

import { dayOf } from "~/lib/days";
import { targetChain } from "~/services/chains";

/**
 * The chain's clock (latest block timestamp), not the wall clock: the local chain can be time
 * travelled, and the contracts' "today" is `block.timestamp / 86400`.
 */
export function useChainNow(fallbackSeconds?: number): {
  seconds: number | undefined;
  day: number | undefined;
  blockNumber: bigint | undefined;
} {
  const { data } = useBlock({ chainId: targetChain.id, watch: true, query: { refetchInterval: 4_000 } });
  const seconds = data ? Number(data.timestamp) : fallbackSeconds;
  return { seconds, day: seconds === undefined ? undefined : dayOf(seconds), blockNumber: data?.number };
}
