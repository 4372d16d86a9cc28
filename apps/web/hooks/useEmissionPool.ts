"use client";
import { positionStakingAbi } from "@dmex/deployments";
import { currentRate, earnedAt, type EmissionSnapshot } from "@dmex/money-math/emission";
import { useRef } from "react";
import type { Abi, Address } from "viem";
import { useReadContracts } from "wagmi";

import { useChainNow } from "./useChainNow";
import { useTickingChainNow } from "./useTickingChainNow";
import { targetChain } from "~/services/chains";

const NOBODY = "0x0000000000000000000000000000000000000000" as const;
/** Every pool shares IDmcEmissionPool's views: PositionStaking's ABI reads LiquidityMining's too. */
const poolAbi = positionStakingAbi as Abi;
const VIEWS = ["earned", "weightOf", "totalWeight", "ratePerSecond", "emitted", "budget", "period"] as const;

/**
 * One read of a DMC emission pool and the account, all pinned to the latest block (so the snapshot's figures
 * belong to one second), and the account's earned DMC ticking each second from it (@dmex/money-math earnedAt:
 * the pool's stream at its rate, weight and budget; the next block's read resyncs).
 */
export function useEmissionPool(pool: Address | null, account: Address | undefined) {
  const { seconds, blockNumber } = useChainNow();
  const who = account ?? NOBODY;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: pool
      ? VIEWS.map((functionName) => ({
          address: pool,
          abi: poolAbi,
          functionName,
          args: functionName === "earned" || functionName === "weightOf" ? [who] : [],
          chainId: targetChain.id,
        }))
      : [],
    ...(blockNumber !== undefined && { blockNumber }),
    query: { enabled: pool !== null && blockNumber !== undefined && seconds !== undefined },
  });
  const now = useTickingChainNow();
  const r = reads.data;
  let snapshot: EmissionSnapshot | undefined;
  if (r !== undefined && seconds !== undefined && r.every((x) => x.status === "success")) {
    const [earned, weight, totalWeight, rate, emitted, budget, period] = r.map((x) => x.result) as [
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
      readonly [bigint, bigint],
    ];
    snapshot = {
      at: BigInt(seconds),
      earned,
      weight,
      totalWeight,
      rate,
      emitted,
      budget,
      start: period[0],
      end: period[1],
    };
  }
  // While the next block's read loads, keep projecting from the last complete one (its own `at`), not from nothing.
  const last = useRef<{ key: string; snapshot: EmissionSnapshot } | null>(null);
  const key = `${pool ?? ""}-${who}`;
  if (snapshot !== undefined) last.current = { key, snapshot };
  else if (last.current?.key === key) snapshot = last.current.snapshot;
  const at = snapshot === undefined ? undefined : BigInt(Math.max(now ?? 0, Number(snapshot.at)));
  return {
    snapshot,
    /** Earned DMC wei at the ticking chain clock. */
    earnedNow: snapshot && at !== undefined ? earnedAt(snapshot, at) : undefined,
    /** DMC wei per second the pool emits now (`rewardRate()`). */
    rateNow: snapshot && at !== undefined ? currentRate(snapshot, at) : undefined,
    error: r?.find((x) => x.status === "failure")?.error,
    refetch: reads.refetch,
  };
}
