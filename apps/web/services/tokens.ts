/**
 * Token metadata. The subgraph's Token entity carries amounts only, so symbols come from the
 * deployment record (the stand-in tokens are named by their symbol) and decimals are read from
 * the token contracts on the server once per process.
 */
import type { Address } from "viem";

export interface TokenInfo {
  readonly address: Address;
  readonly symbol: string;
  readonly decimals: number;
}

export type TokenMap = Readonly<Record<string, TokenInfo>>;

export function tokenOf(tokens: TokenMap, address: string): TokenInfo {
  return tokens[address.toLowerCase()] ?? { address: address as Address, symbol: "?", decimals: 18 };
}
