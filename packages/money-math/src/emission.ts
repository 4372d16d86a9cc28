/**
 * DMC emission pools, mirroring `DmcEmissionPool` (PositionStaking, LiquidityMining, NodeStakingRewards;
 * packages/contracts/src/staking/DmcEmissionPool.sol, docs/decisions/0019-dmc-emission-pools.md), and the APR the
 * app shows beside them.
 *
 * The stream (exact, as the contract computes it):
 *   DMC flows at `rate` wei per second between `start` and `end`, up to `budget`; seconds with zero total weight
 *   emit nothing. An account with weight w of a total W earns w / W of what is emitted while it is staked.
 *
 * Earned, ticking (what `earned(account)` will return at a later second, from ONE read at `at`):
 *   earned(now) = earned(at) + floor(w * emitted(at, now) / W)
 *   emitted(at, now) = min(rate * (min(now, end) - max(at, start)), budget - emitted(at))     (0 when W = 0)
 *   valid while nobody changes a weight or the rate (the next read resyncs). The contract spreads each update's
 *   `amount * 1e12 + remainder` over W, truncating the accumulator to 1e-12 wei per unit of weight and carrying
 *   the remainder (below the total weight it was divided by) to the next update, so this is within
 *   (w + remainder) / 1e12 + 2 wei of it: under a millionth of a DMC for LP-sized weights (1e24), far less for
 *   units x days (tested against a port of the accumulator).
 *
 * APR (an estimate at market prices, never a contract rule):
 *   DMC a year for a weight  = rate * 31,536,000 * w / W      (W includes w: for a stake not yet made, W + w)
 *   APR                      = DMC a year * DMC price / value staked
 *   a pool's APR is the same with w = W and the value of everything staked.
 * USD figures are WAD-scaled (1e18 = $1), as in ./lending.
 */
import { WAD } from "./rewards.js";

/** `DmcEmissionPool.PRECISION`: scale of the reward-per-weight accumulator. */
export const EMISSION_PRECISION = 1_000_000_000_000n;
/** Seconds in the 365-day year of the APR. */
export const EMISSION_YEAR_SECONDS = 31_536_000n;
/** 100% in basis points. */
const BPS = 10_000n;

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** One read of a pool and an account, all at the block whose timestamp is `at`. */
export interface EmissionSnapshot {
  /** Timestamp of the block the views were read at (seconds). */
  readonly at: bigint;
  /** `earned(account)` at `at` (DMC wei). */
  readonly earned: bigint;
  /** `weightOf(account)`. */
  readonly weight: bigint;
  /** `totalWeight()`. */
  readonly totalWeight: bigint;
  /** `ratePerSecond()` (DMC wei per second). */
  readonly rate: bigint;
  /** `emitted()` at `at` (DMC wei). */
  readonly emitted: bigint;
  /** `budget()` (DMC wei). */
  readonly budget: bigint;
  /** `period()`: first second of emission and the timestamp emission stops at. */
  readonly start: bigint;
  readonly end: bigint;
}

function requireSnapshot(s: EmissionSnapshot): void {
  if (s.weight < 0n || s.totalWeight < 0n || s.rate < 0n || s.emitted < 0n || s.earned < 0n)
    throw new RangeError("an emission snapshot holds no negative figure");
  if (s.weight > s.totalWeight) throw new RangeError(`weight ${s.weight} above the total weight ${s.totalWeight}`);
  if (s.emitted > s.budget) throw new RangeError(`emitted ${s.emitted} above the budget ${s.budget}`);
  if (s.start >= s.end) throw new RangeError(`empty emission period [${s.start}, ${s.end})`);
}

/** DMC wei the pool emits between the snapshot and `now` at its rate, total weight and budget (0 when W = 0). */
export function emittedSince(s: EmissionSnapshot, now: bigint): bigint {
  requireSnapshot(s);
  if (s.totalWeight === 0n) return 0n;
  const from = max(s.at, s.start);
  const to = min(now, s.end);
  if (to <= from) return 0n;
  return min(s.rate * (to - from), s.budget - s.emitted);
}

/** What `earned(account)` returns at `now` (to within a millionth of a DMC), from a snapshot taken at `at` <= now. */
export function earnedAt(s: EmissionSnapshot, now: bigint): bigint {
  const emitted = emittedSince(s, now);
  if (emitted === 0n) return s.earned;
  return s.earned + (s.weight * emitted) / s.totalWeight;
}

/** The DMC the pool emits per second now (`rewardRate()`): the rate inside the period while the budget lasts. */
export function currentRate(s: EmissionSnapshot, now: bigint): bigint {
  requireSnapshot(s);
  if (now < s.start || now >= s.end) return 0n;
  return s.emitted + emittedSince(s, now) < s.budget ? s.rate : 0n;
}

/** DMC wei a year that `weight` of `totalWeight` earns at `ratePerSecond` (0 for an empty pool). */
export function dmcPerYear(ratePerSecond: bigint, weight: bigint, totalWeight: bigint): bigint {
  if (ratePerSecond < 0n || weight < 0n || totalWeight < 0n) throw new RangeError("negative emission figure");
  if (weight > totalWeight) throw new RangeError(`weight ${weight} above the total weight ${totalWeight}`);
  if (totalWeight === 0n) return 0n;
  return (ratePerSecond * EMISSION_YEAR_SECONDS * weight) / totalWeight;
}

export interface EmissionAprInput {
  /** DMC wei per second (`rewardRate()`: zero outside the period). */
  readonly ratePerSecond: bigint;
  /** USD per whole DMC, WAD-scaled (from the DMC/USDT pair's reserves, {@link ./uniswap pairPriceWad}). */
  readonly dmcPriceWad: bigint;
  /** The weight earning (w), and the pool's total weight with it (W). */
  readonly weight: bigint;
  readonly totalWeight: bigint;
  /** USD value of what that weight stakes, WAD-scaled. */
  readonly valueUsdWad: bigint;
}

export interface EmissionApr {
  /** DMC wei a year for the weight. */
  readonly dmcPerYear: bigint;
  /** Their USD value, WAD. */
  readonly usdPerYear: bigint;
  /** usdPerYear / value in basis points (rounded down); null when nothing of value is staked. */
  readonly aprBps: bigint | null;
}

/** APR = rate x 31,536,000 x (w / W) x DMC price / value staked. */
export function emissionApr(p: EmissionAprInput): EmissionApr {
  if (p.dmcPriceWad < 0n || p.valueUsdWad < 0n) throw new RangeError("negative price or value");
  const dmc = dmcPerYear(p.ratePerSecond, p.weight, p.totalWeight);
  const usdPerYear = (dmc * p.dmcPriceWad) / WAD;
  const aprBps = p.valueUsdWad === 0n ? null : (usdPerYear * BPS) / p.valueUsdWad;
  return { dmcPerYear: dmc, usdPerYear, aprBps };
}

/** The weight PositionStaking gives a position: units x days of term left, today counted (0 once it ended). */
export function positionStakeWeight(units: bigint, termEndDay: number, today: number): bigint {
  if (units < 0n) throw new RangeError("negative units");
  return today >= termEndDay ? 0n : units * BigInt(termEndDay - today);
}
