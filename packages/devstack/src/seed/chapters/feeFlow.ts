import { StackError } from "../../internal/errors.js";
import { DAY, type SeedContext } from "../context.js";
import { feeBuybackAbi, hashpowerExchangeAbi, protocolFeeSplitterAbi } from "../contracts.js";
import { eventIn } from "../events.js";
import { BUYBACK_WAIT_SECONDS, DEFI_TIME_OF_DAY, FEE_FLOW } from "../plan.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

/**
 * The fees of the seed's sales reach their sinks (FEE_FLOW in plan.ts): the open sale's channel fees are collected
 * to the fee splitter, and anyone distributes its USDT: the promotion nodes' owed commission, the insurance
 * premium share, the rest to the fee buyback, which records a checkpoint of the DMC/USDT pair and, past the TWAP
 * window, converts USDT for DMC (added to the behaviour-mining bucket). At DEFI_TIME_OF_DAY.fees, after the day's
 * other DeFi chapters; nothing trades on the pair between the checkpoint and the conversion.
 */
export const feeFlow: SeedChapter = {
  name: "fee flow",
  async onDay(ctx, offset) {
    const plan = FEE_FLOW.find((f) => f.dayOffset === offset);
    if (plan === undefined) return;
    await ctx.setTime((ctx.day0 + offset) * DAY + DEFI_TIME_OF_DAY.fees);
    if (plan.collectOfferings.length > 0) {
      await send(ctx, ctx.accounts.treasury, ctx.contracts.exchange, hashpowerExchangeAbi, "collectFees", [
        plan.collectOfferings.map(BigInt),
      ]);
      ctx.counts.feeCollections++;
    }
    await distribute(ctx);
    await buyBack(ctx);
  },
};

/** FeeBuyback.observe(USDT), then BUYBACK_WAIT_SECONDS later convert(USDT); checks it paid at least the bound. */
async function buyBack(ctx: SeedContext): Promise<void> {
  const { buyback, usdt } = ctx.contracts;
  const caller = ctx.accounts.treasury;
  await send(ctx, caller, buyback, feeBuybackAbi, "observe", [usdt]);
  const observed = Number((await ctx.publicClient.getBlock()).timestamp);
  await ctx.setTime(observed + BUYBACK_WAIT_SECONDS);
  const receipt = await send(ctx, caller, buyback, feeBuybackAbi, "convert", [usdt]);
  const { amountIn, dmcOut, minOut } = eventIn(receipt, buyback, feeBuybackAbi, "Converted").args;
  if (amountIn === 0n || dmcOut < minOut)
    throw new StackError(`the buyback converted ${amountIn} USDT for ${dmcOut} DMC (bound ${minOut})`);
  ctx.counts.buybackConversions++;
}

/** Distributes the splitter's whole USDT balance (the treasury account calls it; anyone may). */
async function distribute(ctx: SeedContext): Promise<void> {
  const { splitter, usdt } = ctx.contracts;
  const receipt = await send(ctx, ctx.accounts.treasury, splitter, protocolFeeSplitterAbi, "distribute", [usdt]);
  const { premium, buyback } = eventIn(receipt, splitter, protocolFeeSplitterAbi, "Distributed").args;
  if (premium === 0n || buyback === 0n)
    throw new StackError(`the fee distribution sent ${premium} to the insurance pool and ${buyback} to the buyback`);
  ctx.counts.feeDistributions++;
}
