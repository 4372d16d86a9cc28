import type { Address } from "viem";

import { StackError } from "../../internal/errors.js";
import { anvilAddress } from "../accounts.js";
import { DAY, type SeedContext } from "../context.js";
import { liquidityMiningAbi, uniswapV2PairAbi, uniswapV2Router02Abi } from "../contracts.js";
import {
  DEFI_MINTS,
  DEFI_TIME_OF_DAY,
  LIQUIDITY,
  LP_CLAIM,
  type LiquidityPlan,
  type PairQuote,
  SWAPS,
  type SwapPlan,
} from "../plan.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

/**
 * Uniswap V2 (LIQUIDITY, SWAPS in plan.ts): holders add DMC liquidity to the DMC/USDT and DMC/IFIL pairs through
 * the router and stake their LP tokens in the pairs' liquidity mining; traders swap on several days, so the pairs
 * have a price history; one provider claims its liquidity-mining DMC. At DEFI_TIME_OF_DAY.liquidity.
 */
export const liquidity: SeedChapter = {
  name: "liquidity",
  async onDay0(ctx) {
    for (const m of DEFI_MINTS) await ctx.mint(quoteToken(ctx, m.token), anvilAddress(m.account), m.amount);
    // Every provider and trader approves the router once for what it will send it.
    const approvals = new Set<string>();
    for (const p of LIQUIDITY) approvals.add(`${p.provider}:DMC`).add(`${p.provider}:${p.pair}`);
    for (const s of SWAPS) approvals.add(`${s.trader}:${s.sell === "DMC" ? "DMC" : s.pair}`);
    for (const key of approvals) {
      const [account, token] = key.split(":") as [string, "DMC" | PairQuote];
      const address = token === "DMC" ? ctx.contracts.dmc : quoteToken(ctx, token);
      await ctx.approve(anvilAddress(Number(account)), address, ctx.contracts.router);
    }
  },
  async onDay(ctx, offset) {
    const adds = LIQUIDITY.filter((p) => p.dayOffset === offset);
    const swaps = SWAPS.filter((s) => s.dayOffset === offset);
    if (adds.length + swaps.length === 0 && offset !== LP_CLAIM.dayOffset) return;
    await ctx.setTime((ctx.day0 + offset) * DAY + DEFI_TIME_OF_DAY.liquidity);
    for (const plan of adds) await addAndStake(ctx, plan);
    for (const plan of swaps) await swap(ctx, plan);
    if (offset === LP_CLAIM.dayOffset) {
      const account = anvilAddress(LP_CLAIM.account);
      await send(ctx, account, ctx.contracts.lpMining[LP_CLAIM.pair], liquidityMiningAbi, "claim", [account]);
      ctx.counts.lpClaims++;
    }
  },
};

function quoteToken(ctx: SeedContext, quote: PairQuote): Address {
  return quote === "USDT" ? ctx.contracts.usdt : ctx.contracts.rewardToken.FIL;
}

async function deadline(ctx: SeedContext): Promise<bigint> {
  return (await ctx.publicClient.getBlock()).timestamp + 3_600n;
}

async function lpBalance(ctx: SeedContext, quote: PairQuote, account: Address): Promise<bigint> {
  return ctx.publicClient.readContract({
    address: ctx.contracts.pair[quote],
    abi: uniswapV2PairAbi,
    functionName: "balanceOf",
    args: [account],
  });
}

/** router.addLiquidity (the pair's ratio, at most the planned amounts), then stakes `stakeBps` of the LP received. */
async function addAndStake(ctx: SeedContext, plan: LiquidityPlan): Promise<void> {
  const provider = anvilAddress(plan.provider);
  const before = await lpBalance(ctx, plan.pair, provider);
  await send(ctx, provider, ctx.contracts.router, uniswapV2Router02Abi, "addLiquidity", [
    ctx.contracts.dmc,
    quoteToken(ctx, plan.pair),
    plan.dmc,
    plan.quote,
    0n,
    0n,
    provider,
    await deadline(ctx),
  ]);
  ctx.counts.liquidityAdds++;
  const received = (await lpBalance(ctx, plan.pair, provider)) - before;
  const staked = (received * BigInt(plan.stakeBps)) / 10_000n;
  if (staked === 0n) throw new StackError(`provider ${plan.provider} received no DMC/${plan.pair} LP to stake`);
  const mining = ctx.contracts.lpMining[plan.pair];
  await ctx.approve(provider, ctx.contracts.pair[plan.pair], mining);
  await send(ctx, provider, mining, liquidityMiningAbi, "stake", [staked]);
  ctx.counts.lpStakes++;
}

async function swap(ctx: SeedContext, plan: SwapPlan): Promise<void> {
  const trader = anvilAddress(plan.trader);
  const quote = quoteToken(ctx, plan.pair);
  const path = plan.sell === "DMC" ? [ctx.contracts.dmc, quote] : [quote, ctx.contracts.dmc];
  await send(ctx, trader, ctx.contracts.router, uniswapV2Router02Abi, "swapExactTokensForTokens", [
    plan.amountIn,
    0n,
    path,
    trader,
    await deadline(ctx),
  ]);
  ctx.counts.swaps++;
}
