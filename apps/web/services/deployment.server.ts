import "server-only";

import { bridgedTokenAbi, getDeployment, type DeployedContractName } from "@dmex/deployments";
import { createPublicClient, http, type Address } from "viem";

import { rpcUrl, targetChain } from "./chains";
import type { TokenInfo, TokenMap } from "./tokens";

/** Addresses the client needs, resolved on the server at request time (a restarted local chain needs no rebuild). */
export interface AppDeployment {
  readonly chainId: number;
  readonly exchange: Address | null;
  readonly oracle: Address | null;
  readonly tokens: TokenMap;
}

const TOKEN_NAMES: readonly DeployedContractName[] = ["USDT", "IFIL", "WBTC"];
let cached: Promise<AppDeployment> | undefined;

export const publicClient = createPublicClient({ chain: targetChain.chain, transport: http(rpcUrl) });

async function load(): Promise<AppDeployment> {
  const d = getDeployment(targetChain.id);
  const tokens: Record<string, TokenInfo> = {};
  if (d !== undefined) {
    const entries = TOKEN_NAMES.flatMap((name) => {
      const c = d.contracts[name];
      return c === undefined ? [] : [{ name, address: c.address }];
    });
    const decimals = await publicClient
      .multicall({ contracts: entries.map((e) => ({ address: e.address, abi: bridgedTokenAbi, functionName: "decimals" }) as const), allowFailure: true })
      .catch(() => entries.map(() => ({ status: "failure" as const, result: undefined })));
    entries.forEach((e, i) => {
      const r = decimals[i];
      // Fallback to the stand-ins' known decimals when the chain is unreachable.
      const known = e.name === "USDT" ? 6 : e.name === "WBTC" ? 8 : 18;
      tokens[e.address.toLowerCase()] = { address: e.address, symbol: e.name, decimals: r?.status === "success" ? Number(r.result) : known };
    });
  }
  return {
    chainId: targetChain.id,
    exchange: d?.contracts.HashpowerExchange?.address ?? null,
    oracle: d?.contracts.MarketRateOracle?.address ?? null,
    tokens,
  };
}

export function getAppDeployment(): Promise<AppDeployment> {
  cached ??= load();
  return cached;
}
