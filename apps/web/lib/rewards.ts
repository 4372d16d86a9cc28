/**
 * Reward accumulator arithmetic, mirroring `HashpowerExchange.depositReward` / `claimableRewards`.
 * Checked against the contracts by the shared vectors (packages/contracts/test/vectors).
 */
export const REWARD_PRECISION = 1_000_000_000_000n; // 1e12, the contract's REWARD_PRECISION
export const WAD = 1_000_000_000_000_000_000n;

/** The accumulator after `amount` is deposited for `unitsOutstanding` units. */
export function accAfterDeposit(acc: bigint, amount: bigint, unitsOutstanding: bigint): bigint {
  if (unitsOutstanding === 0n) throw new RangeError("no units outstanding");
  return acc + (amount * REWARD_PRECISION) / unitsOutstanding;
}

/** What `claimableRewards(tokenId)` returns: units * (acc - snapshot) / 1e12, rounded down. */
export function claimable(units: bigint, acc: bigint, rewardSnapshot: bigint): bigint {
  if (acc < rewardSnapshot) return 0n;
  return (units * (acc - rewardSnapshot)) / REWARD_PRECISION;
}

/** A day's reward per unit, WAD-scaled, as the contract judges it (`mulDiv(amount, 1e18, units)`). */
export function dayRewardPerUnitWad(amount: bigint, units: bigint): bigint {
  if (units === 0n) throw new RangeError("no units outstanding");
  return (amount * WAD) / units;
}

/** Whether a day paid under the threshold (`dayPerUnitWad * 10_000 < marketAvg * minRatioBps`). */
export function isBelowThreshold(dayPerUnitWad: bigint, marketAvgWad: bigint, minRewardRatioBps: number): boolean {
  return dayPerUnitWad * 10_000n < marketAvgWad * BigInt(minRewardRatioBps);
}

/**
 * The reward deposit a miner should make for one day: units outstanding x the expected reward per
 * unit (WAD-scaled), rounded up so the day is not judged below what the offering promised.
 */
export function suggestedDeposit(unitsOutstanding: bigint, expectedDailyRewardPerUnitWad: bigint): bigint {
  const product = unitsOutstanding * expectedDailyRewardPerUnitWad;
  return (product + WAD - 1n) / WAD;
}
