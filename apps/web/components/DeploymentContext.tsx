"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Address } from "viem";

import type { AppDeployment } from "~/services/deployment.server";
import { tokenOf, type TokenInfo } from "~/services/tokens";

const Ctx = createContext<AppDeployment | null>(null);

export function DeploymentProvider({ value, children }: { value: AppDeployment; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDeployment(): AppDeployment {
  const d = useContext(Ctx);
  if (d === null) throw new Error("useDeployment outside DeploymentProvider");
  return d;
}

/** The exchange address, or null when DMEX is not deployed on the target chain. */
export function useExchangeAddress(): Address | null {
  return useDeployment().exchange;
}

/** The trading contracts (listings, auctions, DMC trading rewards), or null when this deployment has none. */
export function useTrading(): AppDeployment["trading"] {
  return useDeployment().trading;
}

/** The loans contract (PositionLoans), or null when this deployment has none. */
export function useLending(): Address | null {
  return useDeployment().lending;
}

/** The DAO's contracts, or null when this deployment has none. */
export function useDao(): AppDeployment["dao"] {
  return useDeployment().dao;
}

export function useToken(address: string): TokenInfo {
  return tokenOf(useDeployment().tokens, address);
}
