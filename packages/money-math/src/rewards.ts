/**
 * Reward accumulator arithmetic, mirroring `HashpowerExchange.depositReward` / `claimableRewards`.
 * Every unit of an offering is sold before its term starts, so every deposit is shared by all units
 * sold (no snapshot at purchase). Checked against the contracts by the shared vectors
 * (packages/contracts/test/vectors).
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

/**
 * The reward deposit a miner should make for one day: units outstanding x the expected reward per
 * unit (WAD-scaled), rounded up so the day is not judged below what the offering promised.
 */
export function suggestedDeposit(unitsOutstanding: bigint, expectedDailyRewardPerUnitWad: bigint): bigint {
  const product = unitsOutstanding * expectedDailyRewardPerUnitWad;
  return (product + WAD - 1n) / WAD;
}

/**
 * What the offering actually paid per unit per day on average over its covered days, WAD-scaled:
 * `accRewardPerUnit` (1e12-scaled, every unit shares every deposit) over the days covered so far.
 * Null before the first covered day.
 */
export function averagePaidPerUnitWad(
  accRewardPerUnit: bigint,
  termStartDay: number,
  lastCoveredDay: number,
): bigint | null {
  const covered = lastCoveredDay - termStartDay + 1;
  if (covered <= 0) return null;
  return (accRewardPerUnit * (WAD / REWARD_PRECISION)) / BigInt(covered);
}
