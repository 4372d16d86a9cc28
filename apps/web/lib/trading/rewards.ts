/** DMC trading rewards per epoch, and the formula in words (ITradingRewards, @dmex/money-math tradingReward). */
import { FEE_UNIT, tradingReward, washTradeBreakEvenPriceWad } from "@dmex/money-math";

import type { TradingRewardEntity } from "~/lib/graphql/tradingTypes";
import { formatAmount } from "~/lib/format";

export interface EpochRow {
  readonly epoch: number;
  readonly startTime: number;
  readonly endTime: number;
  /** Fees paid in the epoch, 18 decimals ($1 = 1e18). */
  readonly credit: bigint;
  readonly fees: number;
  /** The settled reward, else what the credit earns at the epoch's current totals. */
  readonly reward: bigint;
  readonly settled: boolean;
  readonly finished: boolean;
  /** True when the cap (not the budget share) sets the reward. */
  readonly capped: boolean;
}

export function epochRows(rewards: readonly TradingRewardEntity[], nowSeconds: number): EpochRow[] {
  return rewards
    .map((r) => {
      const credit = BigInt(r.credit);
      const total = BigInt(r.epoch.totalCredit);
      const budget = BigInt(r.epoch.dmcPerEpoch);
      const cap = BigInt(r.epoch.capDmcPerFeeUnit);
      const estimate = total >= credit ? tradingReward(credit, total, budget, cap) : 0n;
      const capAmount = (credit * cap) / FEE_UNIT;
      return {
        epoch: r.epoch.epoch,
        startTime: Number(r.epoch.startTime),
        endTime: Number(r.epoch.endTime),
        credit,
        fees: r.fees,
        reward: r.reward !== null ? BigInt(r.reward) : estimate,
        settled: r.settled,
        finished: Number(r.epoch.endTime) <= nowSeconds,
        capped: credit > 0n && estimate === capAmount && total > 0n && (budget * credit) / total > capAmount,
      };
    })
    .sort((a, b) => b.epoch - a.epoch);
}

/** "$0.10": the DMC price under which a wash trade loses money with this cap. */
export function breakEvenText(capDmcPerFeeUnit: bigint): string {
  const [whole, frac = ""] = formatAmount(washTradeBreakEvenPriceWad(capDmcPerFeeUnit), 18, 4).split(".");
  return `$${whole}.${frac.padEnd(2, "0")}`;
}

/** The formula in plain words, with the epoch's figures. */
export function formulaInWords(dmcPerEpoch: bigint, capDmcPerFeeUnit: bigint): string {
  const cap = formatAmount(capDmcPerFeeUnit, 18, 2);
  const budget = formatAmount(dmcPerEpoch, 18, 0);
  return (
    `Each epoch shares ${budget} DMC between the accounts that paid trading fees in it, in proportion to the fees paid (not the volume traded). ` +
    `No account earns more than ${cap} DMC per $1 of fees it paid, so trading a position back and forth to farm DMC loses money at any DMC price below ${breakEvenText(capDmcPerFeeUnit)}.`
  );
}
