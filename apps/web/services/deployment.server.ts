import "server-only";

import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

import {
  bridgedTokenAbi,
  getDeployment,
  type ContractDeployment,
  type DeployedContractName,
  type Deployment,
} from "@dmex/deployments";
import { createPublicClient, http, type Address } from "viem";

import { rpcUrl, targetChain } from "./chains";
import type { TokenInfo, TokenMap } from "./tokens";

/** Addresses the client needs, resolved on the server at request time (a restarted local chain needs no rebuild). */
export interface AppDeployment {
  readonly chainId: number;
  readonly exchange: Address | null;
  readonly oracle: Address | null;
  readonly tokens: TokenMap;
  /** The DAO's contracts (issue D), or null where this deployment has none. */
  readonly dao: DaoAddresses | null;
  /** Trading (issue 11): listings, auctions and DMC trading rewards, or null where this deployment has none. */
  readonly trading: TradingAddresses | null;
  /** Lending (issue 12): the PositionLoans locker, or null where this deployment has none. */
  readonly lending: Address | null;
  /** Every deployed contract: lowercase address -> deployment name (decodes proposal actions). */
  readonly contracts: Readonly<Record<string, string>>;
}

export interface DaoAddresses {
  readonly dmc: Address;
  readonly governor: Address;
  readonly timelock: Address;
  readonly applications: Address;
  readonly parameters: Address | null;
  readonly insuranceFund: Address | null;
  readonly council: Address | null;
}

export interface TradingAddresses {
  readonly listings: Address;
  readonly auctions: Address;
  readonly rewards: Address | null;
}

/** Deployment names of the trading contracts (packages/deployments, the deploy script). */
const TRADING_NAMES = {
  listings: "PositionListings",
  auctions: "PositionAuctions",
  rewards: "TradingRewards",
} as const;

/**
 * Read by name from the record: a deployment made before the trading contracts existed simply has none
 * (the lookup is by string so this compiles against @dmex/deployments builds with and without them).
 */
function tradingOf(contracts: Deployment["contracts"] | undefined): TradingAddresses | null {
  const byName = (contracts ?? {}) as Readonly<Record<string, ContractDeployment | undefined>>;
  const listings = byName[TRADING_NAMES.listings];
  const auctions = byName[TRADING_NAMES.auctions];
  if (listings === undefined || auctions === undefined) return null;
  return {
    listings: listings.address,
    auctions: auctions.address,
    rewards: byName[TRADING_NAMES.rewards]?.address ?? null,
  };
}

/** Deployment name of the loans contract (read by string, as the trading names: older records lack it). */
const LENDING_NAME = "PositionLoans";

function lendingOf(contracts: Deployment["contracts"] | undefined): Address | null {
  const byName = (contracts ?? {}) as Readonly<Record<string, ContractDeployment | undefined>>;
  return byName[LENDING_NAME]?.address ?? null;
}

const TOKEN_NAMES: readonly DeployedContractName[] = ["USDT", "IFIL", "WBTC", "DMCToken"];
/** Symbols of tokens whose deployment name is not their symbol. */
const TOKEN_SYMBOL: Partial<Record<DeployedContractName, string>> = { DMCToken: "DMC" };
let cached: { version: number; value: Promise<AppDeployment> } | undefined;

export const publicClient = createPublicClient({ chain: targetChain.chain, transport: http(rpcUrl) });

/**
 * The generated deployment record `<dir>/<chainId>.json`, read from disk at request time (Next
 * bundles workspace packages, so a plain import would freeze the addresses at build time).
 * `npm run dev` rewrites it on every local restart; the file's mtime versions the cache. The
 * directory is `DMEX_DEPLOYMENTS_DIR` (as for the subgraph manifest and the devstack's web step),
 * else the @dmex/deployments package's `deployments/`. Without a record, the build's copy is used.
 */
function recordFile(): string {
  const dir = process.env.DMEX_DEPLOYMENTS_DIR ?? join(process.cwd(), "node_modules/@dmex/deployments/deployments");
  return join(resolve(dir), `${targetChain.id}.json`);
}

function recordVersion(): number {
  try {
    return statSync(recordFile()).mtimeMs;
  } catch {
    return 0;
  }
}

function readDeployment(version: number): Deployment | undefined {
  if (version === 0) return getDeployment(targetChain.id);
  try {
    const record = JSON.parse(readFileSync(recordFile(), "utf8")) as Deployment & { $comment?: string };
    return record.chainId === targetChain.id && typeof record.contracts === "object" ? record : undefined;
  } catch {
    return getDeployment(targetChain.id);
  }
}

async function load(version: number): Promise<AppDeployment> {
  const d = readDeployment(version);
  const tokens: Record<string, TokenInfo> = {};
  if (d !== undefined) {
    const entries = TOKEN_NAMES.flatMap((name) => {
      const c = d.contracts[name];
      return c === undefined ? [] : [{ name, address: c.address }];
    });
    const decimals = await publicClient
      .multicall({
        contracts: entries.map(
          (e) => ({ address: e.address, abi: bridgedTokenAbi, functionName: "decimals" }) as const,
        ),
        allowFailure: true,
      })
      .catch(() => entries.map(() => ({ status: "failure" as const, result: undefined })));
    entries.forEach((e, i) => {
      const r = decimals[i];
      // Fallback to the stand-ins' known decimals when the chain is unreachable.
      const known = e.name === "USDT" ? 6 : e.name === "WBTC" ? 8 : 18;
      tokens[e.address.toLowerCase()] = {
        address: e.address,
        symbol: TOKEN_SYMBOL[e.name] ?? e.name,
        decimals: r?.status === "success" ? Number(r.result) : known,
      };
    });
  }
  const c = d?.contracts;
  const dao: DaoAddresses | null =
    c?.DMCToken && c.DmexGovernor && c.DmexTimelock && c.MinerApplications
      ? {
          dmc: c.DMCToken.address,
          governor: c.DmexGovernor.address,
          timelock: c.DmexTimelock.address,
          applications: c.MinerApplications.address,
          parameters: c.ProtocolParameters?.address ?? null,
          insuranceFund: c.InsuranceFund?.address ?? null,
          council: c.CouncilSafe?.address ?? null,
        }
      : null;
  const contracts: Record<string, string> = {};
  for (const [name, entry] of Object.entries(c ?? {}))
    if (entry !== undefined) contracts[entry.address.toLowerCase()] = name;
  return {
    chainId: targetChain.id,
    exchange: c?.HashpowerExchange?.address ?? null,
    oracle: c?.MarketRateOracle?.address ?? null,
    tokens,
    dao,
    trading: tradingOf(c),
    lending: lendingOf(c),
    contracts,
  };
}

export function getAppDeployment(): Promise<AppDeployment> {
  const version = recordVersion();
  if (cached === undefined || cached.version !== version) {
    const value = load(version);
    cached = { version, value };
    // Never keep a failed or empty read: the chain may just be starting.
    value.then(
      (v) => v.exchange === null && cached?.value === value && (cached = undefined),
      () => cached?.value === value && (cached = undefined),
    );
  }
  return cached.value;
}
