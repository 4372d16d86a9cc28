"use client";
import { uniswapV2PairAbi } from "@dmex/deployments";
import { useReadContracts } from "wagmi";
import type { Address } from "viem";

import { pairState, type PairState } from "~/lib/stake/pair";
import { targetChain } from "~/services/chains";

export interface PairRef {
  readonly pair: Address;
  readonly quoteDecimals: number;
}

/**
 * The pairs' reserves, tokens and LP supply, each pair read in one batch, oriented DMC / other token. `undefined`
 * while loading or where a read failed.
 */
export function usePairs(
  pairs: readonly PairRef[],
  dmc: Address | undefined,
): {
  states: readonly (PairState | undefined)[];
  refetch: () => Promise<unknown>;
} {
  const calls = pairs.flatMap((p) =>
    (["token0", "token1", "getReserves", "totalSupply"] as const).map(
      (functionName) => ({ address: p.pair, abi: uniswapV2PairAbi, functionName, chainId: targetChain.id }) as const,
    ),
  );
  const reads = useReadContracts({
    allowFailure: true,
    contracts: calls,
    query: { enabled: pairs.length > 0 && dmc !== undefined, refetchInterval: 5_000 },
  });
  const states = pairs.map((p, i) => {
    const r = reads.data?.slice(4 * i, 4 * i + 4);
    if (dmc === undefined || r === undefined || r.some((x) => x.status !== "success")) return undefined;
    const [token0, token1, reserves, totalSupply] = r.map((x) => x.result) as [
      Address,
      Address,
      readonly [bigint, bigint, number],
      bigint,
    ];
    return pairState({
      token0,
      token1,
      reserve0: reserves[0],
      reserve1: reserves[1],
      totalSupply,
      dmc,
      quoteDecimals: p.quoteDecimals,
    });
  });
  return { states, refetch: reads.refetch };
}
