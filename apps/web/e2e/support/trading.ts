/**
 * Trading helpers for the scenarios: the subgraph and chain reads they need to pick what the seed left
 * (a position to list, an open auction, an account with trading rewards) and precise time travel (a bid
 * in an auction's last minute, past its end). The trading contracts are found by their deployment names.
 */
import {
  bridgedTokenAbi,
  hashpowerExchangeAbi,
  positionAuctionsAbi,
  tradingRewardsAbi,
  type ContractDeployment,
  type Deployment,
} from "@dmex/deployments";
import type { Page } from "playwright-core";
import { createPublicClient, http, type Address } from "viem";

import { ANVIL } from "./accounts";
import { rpc } from "./chain";
import { walletReady } from "./page";

export async function graph<T>(graphUrl: string, query: string): Promise<T> {
  const res = await fetch(graphUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || body.data === undefined)
    throw new Error(`subgraph query failed: ${body.errors?.[0]?.message ?? "no data"}`);
  return body.data;
}

export type TradingName = "PositionListings" | "PositionAuctions" | "TradingRewards";

/** A trading contract's address from the deployment record (by name: absent before the trading deploy). */
export function tradingAddress(deployment: Deployment, name: TradingName): Address {
  const byName = deployment.contracts as Readonly<Record<string, ContractDeployment | undefined>>;
  const c = byName[name];
  if (c === undefined)
    throw new Error(`the local deployment has no ${name}: deploy the trading contracts (npm run dev)`);
  return c.address;
}

export function exchangeAddress(deployment: Deployment): Address {
  const c = deployment.contracts.HashpowerExchange;
  if (c === undefined) throw new Error("the local deployment has no HashpowerExchange");
  return c.address;
}

export function usdtAddress(deployment: Deployment): Address {
  const c = deployment.contracts.USDT;
  if (c === undefined) throw new Error("the local deployment has no USDT");
  return c.address;
}

export const client = (rpcUrl: string) => createPublicClient({ transport: http(rpcUrl) });

export async function chainNow(rpcUrl: string): Promise<number> {
  return Number((await client(rpcUrl).getBlock()).timestamp);
}

/**
 * Moves the chain to `timestamp` (one mined block there), then waits until the page's chain clock has
 * seen it (the app polls the latest block every few seconds). The dev clock only has fixed steps; an
 * auction's last minute needs an exact second.
 */
export async function travelTo(page: Page, rpcUrl: string, timestamp: number): Promise<void> {
  if (timestamp <= (await chainNow(rpcUrl))) return;
  await rpc(rpcUrl, "evm_setNextBlockTimestamp", [timestamp]);
  await rpc(rpcUrl, "evm_mine");
  await page.waitForTimeout(5_000);
}

export async function usdtBalance(rpcUrl: string, deployment: Deployment, account: Address): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: usdtAddress(deployment),
    abi: bridgedTokenAbi,
    functionName: "balanceOf",
    args: [account],
  });
}

export async function claimableRewards(rpcUrl: string, deployment: Deployment, tokenId: bigint): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: exchangeAddress(deployment),
    abi: hashpowerExchangeAbi,
    functionName: "claimableRewards",
    args: [tokenId],
  });
}

export async function ownerOf(rpcUrl: string, deployment: Deployment, tokenId: bigint): Promise<Address> {
  return client(rpcUrl).readContract({
    address: exchangeAddress(deployment),
    abi: hashpowerExchangeAbi,
    functionName: "ownerOf",
    args: [tokenId],
  });
}

/** The auction's end on chain (0 before its first bid). */
export async function auctionEnd(rpcUrl: string, deployment: Deployment, auctionId: bigint): Promise<number> {
  const a = await client(rpcUrl).readContract({
    address: tradingAddress(deployment, "PositionAuctions"),
    abi: positionAuctionsAbi,
    functionName: "getAuction",
    args: [auctionId],
  });
  return Number(a.endTime);
}

export async function auctionWithdrawable(rpcUrl: string, deployment: Deployment, account: Address): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: tradingAddress(deployment, "PositionAuctions"),
    abi: positionAuctionsAbi,
    functionName: "withdrawable",
    args: [account, usdtAddress(deployment)],
  });
}

/** The first anvil account (by index) with DMC of finished epochs to claim, and how much. */
export async function accountWithTradingRewards(
  rpcUrl: string,
  deployment: Deployment,
): Promise<{ index: number; claimable: bigint } | undefined> {
  const rewards = tradingAddress(deployment, "TradingRewards");
  const pub = client(rpcUrl);
  for (const [index, account] of ANVIL.entries()) {
    const [claimable] = await pub.readContract({
      address: rewards,
      abi: tradingRewardsAbi,
      functionName: "earned",
      args: [account],
    });
    if (claimable > 0n) return { index, claimable };
  }
  return undefined;
}

/** Waits for a test id's text to match without reloading (client islands poll the subgraph and the chain). */
export async function untilLive(page: Page, testId: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  await walletReady(page);
  const started = Date.now();
  for (;;) {
    const texts = await page
      .getByTestId(testId)
      .allInnerTexts()
      .catch(() => [] as string[]);
    const hit = texts.find((t) => pattern.test(t));
    if (hit !== undefined) return hit;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${testId} never matched ${pattern}: ${JSON.stringify(texts)}`);
    await page.waitForTimeout(1_000);
  }
}

/** "1,234.5 USDT" -> base units with `decimals`. */
export function parseShown(text: string, decimals: number): bigint {
  const m = /(-?[\d,]+(?:\.\d+)?)/.exec(text);
  if (m?.[1] === undefined) throw new Error(`no amount in "${text}"`);
  const [whole = "0", frac = ""] = m[1].replace(/,/g, "").split(".");
  return BigInt(whole + frac.padEnd(decimals, "0").slice(0, decimals));
}
