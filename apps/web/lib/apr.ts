/**
 * An honest APR estimate for buying a position today.
 *
 * A position does not return its price: the payment is released to the miner day by day and the
 * buyer earns the daily rewards for the days left in the term. So the estimate compares the
 * expected rewards over those days, valued at the reward token's price, with the price paid:
 *
 *   rewardsValue = expectedDailyRewardPerUnit x daysLeft x rewardTokenPrice
 *   cost         = pricePerUnit x paymentTokenPrice
 *   APR          = (rewardsValue - cost) / cost x 365 / daysLeft
 *
 * It is negative when the rewards do not pay back the price. Prices come from a configurable
 * source (see lib/prices.ts); the miner's expected reward is the miner's own figure.
 */
import { WAD } from "./rewards";

export interface AprInput {
  /** WAD-scaled reward-token base units per unit per day (the offering's term). */
  readonly expectedDailyRewardPerUnitWad: bigint;
  readonly rewardDecimals: number;
  /** USD per whole reward token. */
  readonly rewardTokenPrice: number;
  /** Payment-token base units per unit. */
  readonly pricePerUnit: bigint;
  readonly paymentDecimals: number;
  /** USD per whole payment token. */
  readonly paymentTokenPrice: number;
  /** Reward days a purchase today gets: termEndDay - max(today + 1, termStartDay). */
  readonly daysLeft: number;
}

export interface AprEstimate {
  /** Annualised return as a fraction (0.12 = 12 %), or null when it cannot be estimated. */
  readonly apr: number | null;
  /** USD per unit: expected rewards over the days left, and the price. */
  readonly rewardsValue: number;
  readonly cost: number;
  /** Expected daily reward per unit in whole reward tokens. */
  readonly dailyReward: number;
}

/** Converts base units to a float of whole tokens without losing precision before the division. */
export function toTokens(amount: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const frac = amount % scale;
  return Number(whole) + Number(frac) / Number(scale);
}

export function estimateApr(i: AprInput): AprEstimate {
  const dailyReward = toTokens(i.expectedDailyRewardPerUnitWad / WAD, i.rewardDecimals) +
    toTokens(i.expectedDailyRewardPerUnitWad % WAD, i.rewardDecimals) / 1e18;
  const rewardsValue = dailyReward * Math.max(i.daysLeft, 0) * i.rewardTokenPrice;
  const cost = toTokens(i.pricePerUnit, i.paymentDecimals) * i.paymentTokenPrice;
  if (i.daysLeft <= 0 || cost <= 0 || !Number.isFinite(i.rewardTokenPrice) || i.rewardTokenPrice <= 0) {
    return { apr: null, rewardsValue, cost, dailyReward };
  }
  const apr = ((rewardsValue - cost) / cost) * (365 / i.daysLeft);
  return { apr, rewardsValue, cost, dailyReward };
}

/** Reward days a purchase made on `today` gets. */
export function daysLeftForBuyer(today: number, termStartDay: number, termEndDay: number): number {
  return Math.max(termEndDay - Math.max(today + 1, termStartDay), 0);
}
