/**
 * Buyer protection: how deposits are judged and when an offering may be flagged, mirroring
 * `DelinquencyMath` (day shares and the packed window) and `DefaultMonitor.flaggable` exactly.
 *
 * - A deposit covers the next uncovered day; its share is what it paid per unit as a fraction of the
 *   oracle's market average, per-mille, rounded down, capped at 1000. Under `minCoverageBps` the chain
 *   refuses it (DepositBelowMinimum).
 * - MissedDeposits: the oldest uncovered term day has waited `missedDaysThreshold` completed days
 *   (`today - 1 - lastCoveredDay`, also after the term end).
 * - LowRewards: the newest `windowDays` judged shares are all there and average under `minRewardRatioBps`
 *   (compared exactly: `sum * 10 < minRewardRatioBps * windowDays`).
 * - Either may be flagged during the term and `postTermFlagDays` after it, while active with units sold.
 */
import type { OfferingStatusName } from "./escrow.js";
import { WAD } from "./rewards.js";

export interface Thresholds {
  /** Completed days the oldest uncovered day may wait for its deposit; also the end-of-term holdback. */
  readonly missedDaysThreshold: number;
  /** Judged days the low-reward rule averages (1..8). */
  readonly windowDays: number;
  /** The window's average share below which it is low (8000 = 80%). */
  readonly minRewardRatioBps: number;
  /** A deposit under this share of the market covers nothing and reverts (5000 = 50%). */
  readonly minCoverageBps: number;
  /** Days after the term end during which a flag may still be raised. */
  readonly postTermFlagDays: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  missedDaysThreshold: 7,
  windowDays: 7,
  minRewardRatioBps: 8_000,
  minCoverageBps: 5_000,
  postTermFlagDays: 10,
};

/** Most judged days the packed window holds (`DelinquencyMath.MAX_WINDOW_DAYS`). */
export const MAX_WINDOW_DAYS = 8;
/** A share of 100%, per-mille. */
export const FULL_SHARE = 1_000;
/** Bits of the packed window holding the judged count (`DelinquencyMath.COUNT_BITS`). */
export const COUNT_BITS = 4n;
/** Bits of one per-mille share in the packed window (`DelinquencyMath.SHARE_BITS`). */
export const SHARE_BITS = 10n;
const SHARE_MASK = (1n << SHARE_BITS) - 1n;
const SHARES_MASK = (1n << (SHARE_BITS * BigInt(MAX_WINDOW_DAYS))) - 1n;

/** The day's share of the market in per-mille, rounded down, at most 1000 (`DelinquencyMath.shareOf`). */
export function shareOf(dayRewardPerUnitWad: bigint, marketAvgPerUnitWad: bigint): number {
  if (marketAvgPerUnitWad <= 0n) throw new RangeError("the market average must be positive");
  if (dayRewardPerUnitWad >= marketAvgPerUnitWad) return FULL_SHARE;
  return Number((dayRewardPerUnitWad * BigInt(FULL_SHARE)) / marketAvgPerUnitWad);
}

/** Whether a day of `share` per-mille is refused: `share * 10 < minCoverageBps`. */
export function belowMinimum(share: number, minCoverageBps: number): boolean {
  return share * 10 < minCoverageBps;
}

/** The judged days of an offering: their shares newest first, and how many were judged (at most 8). */
export interface RecentWindow {
  /** Per-mille shares, index 0 = the latest judged day (which is `lastCoveredDay`). */
  readonly shares: readonly number[];
}

/** Decodes `Offering.recentShares`: bits 0-3 the judged count, bits 4+10i the i-th newest share. */
export function decodeRecentShares(packed: bigint): RecentWindow {
  const count = Number(packed & ((1n << COUNT_BITS) - 1n));
  const shares: number[] = [];
  for (let i = 0; i < Math.min(count, MAX_WINDOW_DAYS); i++) {
    shares.push(Number((packed >> (COUNT_BITS + SHARE_BITS * BigInt(i))) & SHARE_MASK));
  }
  return { shares };
}

/** Packs a window as the contract stores it (inverse of {@link decodeRecentShares}). */
export function encodeRecentShares(w: RecentWindow): bigint {
  const n = Math.min(w.shares.length, MAX_WINDOW_DAYS);
  let packed = 0n;
  for (let i = 0; i < n; i++) packed |= BigInt(w.shares[i] ?? 0) << (COUNT_BITS + SHARE_BITS * BigInt(i));
  return packed | BigInt(n);
}

/** The packed window with `share` pushed in as the newest judged day (`DelinquencyMath.push`). */
export function pushShare(packed: bigint, share: number): bigint {
  if (!Number.isInteger(share) || share < 0 || share > FULL_SHARE)
    throw new RangeError(`share ${share} is not a per-mille share`);
  let count = packed & ((1n << COUNT_BITS) - 1n);
  const shares = (((packed >> COUNT_BITS) << SHARE_BITS) | BigInt(share)) & SHARES_MASK;
  if (count < BigInt(MAX_WINDOW_DAYS)) count += 1n;
  return (shares << COUNT_BITS) | count;
}

/** Sum of the newest `windowDays` shares, and whether that many days were judged (`DelinquencyMath.windowSum`). */
export function windowSum(w: RecentWindow, windowDays: number): { sum: number; full: boolean; judged: number } {
  const judged = Math.min(w.shares.length, MAX_WINDOW_DAYS);
  const full = judged >= windowDays;
  let sum = 0;
  for (let i = 0; i < (full ? windowDays : judged); i++) sum += w.shares[i] ?? 0;
  return { sum, full, judged };
}

/** The window's average share, per-mille rounded down; 0 until `windowDays` days are judged (as `flaggable` returns it). */
export function windowShare(w: RecentWindow, windowDays: number): number {
  const { sum, full } = windowSum(w, windowDays);
  return full ? Math.floor(sum / windowDays) : 0;
}

/** Whether the window is full and its average is under `minRewardRatioBps` (`DelinquencyMath.isLow`). */
export function isLow(w: RecentWindow, windowDays: number, minRewardRatioBps: number): boolean {
  const { sum, full } = windowSum(w, windowDays);
  return full && sum * 10 < minRewardRatioBps * windowDays;
}

/** Completed days the oldest uncovered term day has waited for its deposit (0 once every term day is covered). */
export function missedDaysOf(lastCoveredDay: number, termEndDay: number, today: number): number {
  return lastCoveredDay + 1 < termEndDay && today > lastCoveredDay + 1 ? today - 1 - lastCoveredDay : 0;
}

export interface DelinquencyInput {
  readonly status: OfferingStatusName;
  readonly unitsSold: bigint;
  readonly lastCoveredDay: number;
  readonly termEndDay: number;
  readonly window: RecentWindow;
}

export type FlagReasonName = "None" | "MissedDeposits" | "LowRewards";

export interface Delinquency {
  readonly canFlag: boolean;
  readonly reason: FlagReasonName;
  readonly missedDays: number;
  /** The window's average share per-mille (0 until it is full), as `flaggable` returns it. */
  readonly windowShare: number;
  /** Judged days in the window (at most 8) and whether `windowDays` of them are. */
  readonly judged: number;
  readonly windowFull: boolean;
  /** Whether the full window is under the low-reward line (flaggable for it when flags are allowed). */
  readonly low: boolean;
  /** First day the missed-deposit rule holds if no deposit arrives (null once every term day is covered). */
  readonly missedFlagDay: number | null;
  /** First day no flag can be raised any more: termEndDay + postTermFlagDays. */
  readonly flagWindowEnd: number;
  /** Whether the offering can be flagged at all today (active, units sold, within the flag window). */
  readonly flagsAllowed: boolean;
}

/** `DefaultMonitor.flaggable` on `today`, plus the figures the pages explain. */
export function delinquency(o: DelinquencyInput, today: number, t: Thresholds): Delinquency {
  const { sum, full, judged } = windowSum(o.window, t.windowDays);
  const share = full ? Math.floor(sum / t.windowDays) : 0;
  const low = full && sum * 10 < t.minRewardRatioBps * t.windowDays;
  const missedDays = missedDaysOf(o.lastCoveredDay, o.termEndDay, today);
  const flagWindowEnd = o.termEndDay + t.postTermFlagDays;
  const missedFlag = o.lastCoveredDay + 1 < o.termEndDay ? o.lastCoveredDay + 1 + t.missedDaysThreshold : null;
  const missedFlagDay = missedFlag !== null && missedFlag < flagWindowEnd ? missedFlag : null;
  const flagsAllowed = o.status === "Active" && o.unitsSold > 0n && today < flagWindowEnd;
  const base = {
    missedDays,
    windowShare: share,
    judged,
    windowFull: full,
    low,
    missedFlagDay,
    flagWindowEnd,
    flagsAllowed,
  };
  if (!flagsAllowed) return { canFlag: false, reason: "None", ...base };
  if (missedDays >= t.missedDaysThreshold) return { canFlag: true, reason: "MissedDeposits", ...base };
  if (low) return { canFlag: true, reason: "LowRewards", ...base };
  return { canFlag: false, reason: "None", ...base };
}

/**
 * The smallest deposit for `units` that the day is judged at least `sharePerMille` for, against
 * `marketAvgPerUnitWad`: the inverse of `shareOf(mulDiv(amount, 1e18, units), market)`.
 */
export function amountForShare(units: bigint, marketAvgPerUnitWad: bigint, sharePerMille: number): bigint {
  if (units <= 0n) return 0n;
  const s = BigInt(Math.min(Math.max(Math.ceil(sharePerMille), 0), FULL_SHARE));
  const perUnitWad = (s * marketAvgPerUnitWad + BigInt(FULL_SHARE) - 1n) / BigInt(FULL_SHARE); // ceil(s * market / 1000)
  return (perUnitWad * units + WAD - 1n) / WAD; // ceil(perUnitWad * units / 1e18)
}

/** The share a deposit must reach not to revert: ceil(minCoverageBps / 10) per-mille. */
export function minimumShare(minCoverageBps: number): number {
  return Math.ceil(minCoverageBps / 10);
}
