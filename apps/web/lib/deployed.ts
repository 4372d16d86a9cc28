/**
 * A deployed contract's address by its deployment name (e.g. "PromotionNodes"), from the record's
 * address -> name map the server resolves per request (services/deployment.server.ts). A deployment made
 * before the contract existed has none: null, and the page says so.
 */
import { getAddress, type Address } from "viem";

export function contractAddress(contracts: Readonly<Record<string, string>>, name: string): Address | null {
  for (const [address, n] of Object.entries(contracts)) if (n === name) return getAddress(address);
  return null;
}
