import { StackError } from "../../internal/errors.js";
import { hashpowerExchangeAbi, marketRateOracleAbi } from "../contracts.js";
import {
  ASSET_ID,
  DEPOSIT_TIME_OF_DAY,
  healthyRatioBps,
  marketAverageWad,
  MINERS,
  OFFERINGS,
  REPORT_TIME_OF_DAY,
  UNDERPAID_DAYS,
  underpayRatioBps,
} from "../plan.js";
import type { SeedChapter } from "./chapter.js";

const WAD = 10n ** 18n;
const BPS = 10_000n;

/**
 * The oracle publishes yesterday's network averages at REPORT_TIME_OF_DAY; the day's business starts
 * at DEPOSIT_TIME_OF_DAY, once the report is final (the oracle's one-hour correction window).
 */
export const oracle: SeedChapter = {
  name: "oracle",
  async onDay(ctx, offset) {
    const today = ctx.day0 + offset;
    const reported = today - 1;
    await ctx.setDay(today, REPORT_TIME_OF_DAY);
    await ctx.confirm(
      await ctx.wallet.writeContract({
        account: ctx.accounts.reporter,
        chain: ctx.chain,
        address: ctx.contracts.oracle,
        abi: marketRateOracleAbi,
        functionName: "reportMany",
        args: [
          [ASSET_ID.FIL, ASSET_ID.BTC],
          BigInt(reported),
          [marketAverageWad("FIL", reported), marketAverageWad("BTC", reported)],
        ],
      }),
    );
    ctx.counts.reports++;
    await ctx.setDay(today, DEPOSIT_TIME_OF_DAY);
  },
};

/**
 * Miners cover yesterday (the bridge mints what they deposit): healthy ones 99-107% of the market,
 * Quickfil 60% with an 85% day a week for UNDERPAID_DAYS days, then nothing.
 */
export const rewards: SeedChapter = {
  name: "rewards",
  async onDay(ctx, offset) {
    const reported = ctx.day0 + offset - 1;
    for (const plan of OFFERINGS) {
      const termStartDay = ctx.day0 + plan.termStartOffset;
      if (reported < termStartDay) continue;
      const miner = MINERS[plan.minerSlot];
      if (miner === undefined) continue;
      let ratio = healthyRatioBps(plan.id, reported);
      if (miner.behaviour === "defaulting") {
        if (reported >= termStartDay + UNDERPAID_DAYS) continue; // stopped paying
        ratio = underpayRatioBps(reported - termStartDay);
      }
      const offering = await ctx.publicClient.readContract({
        address: ctx.contracts.exchange,
        abi: hashpowerExchangeAbi,
        functionName: "getOffering",
        args: [BigInt(plan.id)],
      });
      if (offering.lastCoveredDay + 1 !== reported) {
        throw new StackError(
          `offering ${plan.id} next uncovered day is ${offering.lastCoveredDay + 1}, the seed expected ${reported}`,
        );
      }
      const amount = (marketAverageWad(plan.asset, reported) * BigInt(offering.unitsSold) * ratio) / (WAD * BPS);
      await ctx.mint(ctx.contracts.rewardToken[plan.asset], ctx.minerOf(plan), amount);
      await ctx.confirm(
        await ctx.wallet.writeContract({
          account: ctx.minerOf(plan),
          chain: ctx.chain,
          address: ctx.contracts.exchange,
          abi: hashpowerExchangeAbi,
          functionName: "depositReward",
          args: [BigInt(plan.id), amount],
        }),
      );
      ctx.counts.deposits++;
    }
  },
};
