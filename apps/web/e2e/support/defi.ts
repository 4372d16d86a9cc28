/**
 * Staking, liquidity and buyback helpers for scenarios 19-21: the issue-13 contracts by deployment name, their
 * chain reads (stakes, LP, buyback totals), picking a position to stake from what the seed left, and the off-app
 * preconditions a standalone run may lack (fees collected from the exchange to the splitter, liquidity in the
 * DMC/USDT pair). With the seed's DeFi chapters in place the preconditions already hold and nothing is sent.
 */
import {
  bridgedTokenAbi,
  feeBuybackAbi,
  hashpowerExchangeAbi,
  liquidityMiningAbi,
  positionStakingAbi,
  uniswapV2PairAbi,
  uniswapV2Router02Abi,
  type ContractDeployment,
  type Deployment,
} from "@dmex/deployments";
import type { Page } from "playwright-core";
import { createWalletClient, http, parseUnits, type Abi, type Address } from "viem";

import { ANVIL, anvilAddress, FRESH, FRESH_2 } from "./accounts";
import { claimableRewards, client, graph } from "./trading";

export type DefiName =
  | "PositionStaking"
  | "LiquidityMiningDmcUsdt"
  | "DmcUsdtPair"
  | "UniswapV2Router02"
  | "FeeBuyback"
  | "ProtocolFeeSplitter"
  | "DMCToken"
  | "USDT"
  | "HashpowerExchange"
  | "PromotionNodes"
  | "MutualInsurance";

export function defiAddress(deployment: Deployment, name: DefiName): Address {
  const c = (deployment.contracts as Readonly<Record<string, ContractDeployment | undefined>>)[name];
  if (c === undefined)
    throw new Error(`the local deployment has no ${name}: deploy issue 13's contracts (npm run dev)`);
  return c.address;
}

export async function stakeOf(rpcUrl: string, deployment: Deployment, tokenId: bigint): Promise<Address> {
  const [staker] = await client(rpcUrl).readContract({
    address: defiAddress(deployment, "PositionStaking"),
    abi: positionStakingAbi,
    functionName: "stakeOf",
    args: [tokenId],
  });
  return staker;
}

export async function tokenBalance(rpcUrl: string, token: Address, account: Address): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: token,
    abi: bridgedTokenAbi,
    functionName: "balanceOf",
    args: [account],
  });
}

export async function lpStaked(rpcUrl: string, deployment: Deployment, account: Address): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: defiAddress(deployment, "LiquidityMiningDmcUsdt"),
    abi: liquidityMiningAbi,
    functionName: "weightOf",
    args: [account],
  });
}

export async function buybackConversions(rpcUrl: string, deployment: Deployment): Promise<bigint> {
  const [, , , conversions] = await client(rpcUrl).readContract({
    address: defiAddress(deployment, "FeeBuyback"),
    abi: feeBuybackAbi,
    functionName: "totals",
    args: [defiAddress(deployment, "USDT")],
  });
  return conversions;
}

/**
 * A free, live position (not locked, listed or auctioned; its term running; not halted) owned by a dev account
 * other than the FRESH ones, that carries unclaimed mining rewards: Deepwell's long offering 4 first (no other
 * scenario touches it), then any other.
 */
export async function stakablePosition(
  rpcUrl: string,
  graphUrl: string,
  deployment: Deployment,
): Promise<{ index: number; tokenId: bigint }> {
  const today = Math.floor(Number((await client(rpcUrl).getBlock()).timestamp) / 86_400);
  const { positions } = await graph<{
    positions: {
      tokenId: string;
      owner: { id: string };
      listing: { id: string } | null;
      auction: { id: string } | null;
      offering: { offeringId: string; status: string; termEndDay: number };
    }[];
  }>(
    graphUrl,
    "{ positions(where: { locked: false, refunded: false }, first: 300, orderBy: tokenId) { tokenId owner { id } listing { id } auction { id } offering { offeringId status termEndDay } } }",
  );
  const skip = new Set([anvilAddress(FRESH), anvilAddress(FRESH_2)].map((a) => a.toLowerCase()));
  const live = positions
    .filter(
      (p) =>
        p.listing === null &&
        p.auction === null &&
        p.offering.status === "Active" &&
        p.offering.termEndDay > today + 1 &&
        !skip.has(p.owner.id),
    )
    .sort((a, b) => Number(b.offering.offeringId === "4") - Number(a.offering.offeringId === "4"));
  for (const p of live) {
    const index = ANVIL.findIndex((a) => a.toLowerCase() === p.owner.id);
    if (index < 0) continue;
    if ((await claimableRewards(rpcUrl, deployment, BigInt(p.tokenId))) > 0n)
      return { index, tokenId: BigInt(p.tokenId) };
  }
  throw new Error("the seed left no free live position with unclaimed rewards owned by a dev account");
}

export interface OffAppCall {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
}

/** An off-app transaction by dev account `from` (a keeper or the seed's role), waited for. */
export async function send(rpcUrl: string, from: number, call: OffAppCall): Promise<void> {
  const wallet = createWalletClient({ account: anvilAddress(from), transport: http(rpcUrl) });
  const hash = await wallet.writeContract({ ...call, chain: null });
  const receipt = await client(rpcUrl).waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${call.functionName} by account ${from} reverted`);
}

/** A standalone run on a seed without liquidity: `provider` adds 400 DMC + 100 USDT (0.25 USDT per DMC) off-app. */
export async function ensureDmcUsdtLiquidity(rpcUrl: string, deployment: Deployment, provider: number): Promise<void> {
  const [r0, r1] = await client(rpcUrl).readContract({
    address: defiAddress(deployment, "DmcUsdtPair"),
    abi: uniswapV2PairAbi,
    functionName: "getReserves",
  });
  if (r0 > 0n && r1 > 0n) return;
  const router = defiAddress(deployment, "UniswapV2Router02");
  const dmc = defiAddress(deployment, "DMCToken");
  const usdt = defiAddress(deployment, "USDT");
  const dmcAmount = parseUnits("400", 18);
  const usdtAmount = parseUnits("100", 6);
  for (const [token, amount] of [
    [dmc, dmcAmount],
    [usdt, usdtAmount],
  ] as const)
    await send(rpcUrl, provider, {
      address: token,
      abi: bridgedTokenAbi,
      functionName: "approve",
      args: [router, amount],
    });
  const deadline = (await client(rpcUrl).getBlock()).timestamp + 3_600n;
  await send(rpcUrl, provider, {
    address: router,
    abi: uniswapV2Router02Abi as Abi,
    functionName: "addLiquidity",
    args: [dmc, usdt, dmcAmount, usdtAmount, 0n, 0n, anvilAddress(provider), deadline],
  });
}

/**
 * A standalone run on a seed that never moved fees to the splitter: anyone collects the exchange's accrued channel
 * fees (`collectFees`, permissionless) so the splitter holds USDT to distribute. Nothing is sent when the splitter or
 * the buyback already holds some.
 */
export async function ensureFeesToConvert(
  rpcUrl: string,
  graphUrl: string,
  deployment: Deployment,
  caller: number,
): Promise<void> {
  const usdt = defiAddress(deployment, "USDT");
  const [inSplitter, inBuyback] = await Promise.all([
    tokenBalance(rpcUrl, usdt, defiAddress(deployment, "ProtocolFeeSplitter")),
    tokenBalance(rpcUrl, usdt, defiAddress(deployment, "FeeBuyback")),
  ]);
  if (inSplitter > 0n || inBuyback > 0n) return;
  const { offerings } = await graph<{ offerings: { offeringId: string }[] }>(
    graphUrl,
    "{ offerings(first: 100) { offeringId } }",
  );
  await send(rpcUrl, caller, {
    address: defiAddress(deployment, "HashpowerExchange"),
    abi: hashpowerExchangeAbi as Abi,
    functionName: "collectFees",
    args: [offerings.map((o) => BigInt(o.offeringId))],
  });
}

/** Waits for the newest transaction toast with `label` to fail, and returns its text (the explained revert). */
export async function txFailed(page: Page, label: RegExp): Promise<string> {
  const toast = page.getByTestId("tx-toast").filter({ hasText: label }).last();
  await toast.waitFor({ timeout: 60_000 });
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const phase = await toast.getAttribute("data-phase");
    if (phase === "failed") return toast.innerText();
    if (phase === "done") throw new Error(`transaction "${label}" went through; it should have been refused`);
    await page.waitForTimeout(250);
  }
  throw new Error(`transaction "${label}" did not finish`);
}

/** A test id's `data-value` as a bigint (TickingAmount, the pools' earned DMC). */
export async function dataValue(page: Page, testId: string): Promise<bigint> {
  const el = page.getByTestId(testId).first();
  await el.waitFor({ timeout: 30_000 });
  return BigInt((await el.getAttribute("data-value")) ?? "0");
}

/** Waits until a test id's `data-value` passes `above`. */
export async function untilValueAbove(page: Page, testId: string, above: bigint, timeoutMs = 60_000): Promise<bigint> {
  const started = Date.now();
  for (;;) {
    const v = await dataValue(page, testId);
    if (v > above) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`${testId} stayed at ${v}, never above ${above}`);
    await page.waitForTimeout(500);
  }
}
