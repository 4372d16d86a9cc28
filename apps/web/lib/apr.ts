/**
 * An honest APR estimate for a position bought in the sale.
 *
 * Sales close when the term starts, so every buyer pays the full price for the full term and earns
 * the daily rewards of every term day; the payment itself is released to the miner day by day and
 * never comes back. So the estimate compares the rewards over the term, valued at the reward token's
 * price, with the price paid:
 *
 *   rewardsValue = rewardPerUnitPerDay x termDays x rewardTokenPrice
 *   cost         = pricePerUnit x paymentTokenPrice
 *   APR          = (rewardsValue - cost) / cost x 365 / termDays
 *
 * The reward per unit per day is the miner's expectation, or what the offering actually paid on
 * average so far (@dmex/money-math `averagePaidPerUnitWad`). The result is negative only when those
 * rewards do not pay back the price; the day of the purchase does not matter (there is no purchase
 * during the term). Prices come from a configurable source (see lib/prices.ts).
 */
import { WAD } from "@dmex/money-math";

export interface AprInput {
  /** WAD-scaled reward-token base units per unit per day. */
  readonly dailyRewardPerUnitWad: bigint;
  readonly rewardDecimals: number;
  /** USD per whole reward token. */
  readonly rewardTokenPrice: number;
  /** Payment-token base units per unit. */
  readonly pricePerUnit: bigint;
  readonly paymentDecimals: number;
  /** USD per whole payment token. */
  readonly paymentTokenPrice: number;
  /** Days of the term: termEndDay - termStartDay (what every buyer pays for and gets). */
  readonly termDays: number;
}

export interface AprEstimate {
  /** Annualised return as a fraction (0.12 = 12 %), or null when it cannot be estimated. */
  readonly apr: number | null;
  /** USD per unit: rewards over the term, and the price. */
  readonly rewardsValue: number;
  readonly cost: number;
  /** Reward per unit per day in whole reward tokens. */
  readonly dailyReward: number;
}

/** Converts base units to a float of whole tokens without losing precision before the division. */
export function toTokens(amount: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const frac = amount % scale;
  return Number(whole) + Number(frac) / Number(scale);
}

/** A WAD-scaled amount of base units as whole tokens (keeps sub-base-unit figures such as 50 sat / TH/s). */
export function wadToTokens(wad: bigint, decimals: number): number {
  return toTokens(wad / WAD, decimals) + toTokens(wad % WAD, decimals) / 1e18;
}

export function estimateApr(i: AprInput): AprEstimate {
  const dailyReward = wadToTokens(i.dailyRewardPerUnitWad, i.rewardDecimals);
  const termDays = Math.max(i.termDays, 0);
  const rewardsValue = dailyReward * termDays * i.rewardTokenPrice;
  const cost = toTokens(i.pricePerUnit, i.paymentDecimals) * i.paymentTokenPrice;
  if (termDays <= 0 || !(cost > 0) || !Number.isFinite(i.rewardTokenPrice) || i.rewardTokenPrice <= 0) {
    return { apr: null, rewardsValue: Number.isFinite(rewardsValue) ? rewardsValue : 0, cost, dailyReward };
  }
  const apr = ((rewardsValue - cost) / cost) * (365 / termDays);
  return { apr, rewardsValue, cost, dailyReward };
}

/** The price of one unit for one day of mining: pricePerUnit / termDays, in payment-token base units (rounded down). */
export function pricePerUnitDay(pricePerUnit: bigint, termStartDay: number, termEndDay: number): bigint {
  const days = termEndDay - termStartDay;
  return days > 0 ? pricePerUnit / BigInt(days) : 0n;
}
