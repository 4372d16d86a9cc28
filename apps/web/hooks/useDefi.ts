"use client";
import { useMemo } from "react";
import type { Address } from "viem";

import { useDeployment } from "~/components/DeploymentContext";
import { defiAddresses, type DefiAddresses } from "~/lib/stake/contracts";
import type { TokenInfo } from "~/services/tokens";

/** The issue-13 DeFi contracts of this deployment (by deployment name) and the tokens they trade. */
export function useDefi(): DefiAddresses & {
  tokens: { dmc: TokenInfo | null; usdt: TokenInfo | null; ifil: TokenInfo | null };
} {
  const deployment = useDeployment();
  return useMemo(() => {
    const bySymbol = (symbol: string): TokenInfo | null =>
      Object.values(deployment.tokens).find((t) => t.symbol === symbol) ?? null;
    return {
      ...defiAddresses(deployment.contracts),
      tokens: { dmc: bySymbol("DMC"), usdt: bySymbol("USDT"), ifil: bySymbol("IFIL") },
    };
  }, [deployment]);
}

/** The token a pool's pair trades DMC against. */
export function quoteTokenOf(
  tokens: { usdt: TokenInfo | null; ifil: TokenInfo | null },
  symbol: "USDT" | "IFIL",
): TokenInfo | null {
  return symbol === "USDT" ? tokens.usdt : tokens.ifil;
}

export type { Address };
