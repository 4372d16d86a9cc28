"use client";
import { useMemo } from "react";
import type { Address } from "viem";

import { useDeployment } from "~/components/DeploymentContext";
import { contractAddress } from "~/lib/deployed";

/** A deployed contract's address by deployment name ("PromotionNodes", "MutualInsurance"...), or null. */
export function useDeployedContract(name: string): Address | null {
  const { contracts } = useDeployment();
  return useMemo(() => contractAddress(contracts, name), [contracts, name]);
}
