/**
 * Default detection, mirroring `HashpowerExchange._flaggable`: anyone may flag an active offering
 * with units sold when no deposit covered the last `missedDaysThreshold` completed days, or the last
 * `lowStreakThreshold` covered days each paid under `minRewardRatioBps` of the market average.
 */
import type { OfferingStatusName } from "./escrow";

export interface Thresholds {
  readonly missedDaysThreshold: number;
  readonly lowStreakThreshold: number;
  readonly minRewardRatioBps: number;
}

export interface DelinquencyInput {
  readonly status: OfferingStatusName;
  readonly unitsSold: bigint;
  readonly lastCoveredDay: number;
  readonly lowStreak: number;
  readonly termEndDay: number;
}

export type FlagReasonName = "None" | "MissedDeposits" | "LowRewards";

export interface Delinquency {
  readonly canFlag: boolean;
  readonly reason: FlagReasonName;
  readonly missedDays: number;
  readonly lowStreak: number;
  /** First day the missed-deposit condition holds if no deposit arrives (null when it can never fire). */
  readonly missedFlagDay: number | null;
}

export function delinquency(o: DelinquencyInput, today: number, t: Thresholds): Delinquency {
  const lastCompleted = today - 1;
  const missedDays = lastCompleted > o.lastCoveredDay ? lastCompleted - o.lastCoveredDay : 0;
  const base = { missedDays, lowStreak: o.lowStreak };
  const missedFlagDay = o.lastCoveredDay + 1 + t.missedDaysThreshold;
  const fireDay = missedFlagDay < o.termEndDay && o.status === "Active" ? missedFlagDay : null;
  if (today >= o.termEndDay) return { canFlag: false, reason: "None", ...base, missedDays: 0, missedFlagDay: null };
  if (o.status !== "Active" || o.unitsSold === 0n) return { canFlag: false, reason: "None", ...base, missedFlagDay: fireDay };
  if (missedDays >= t.missedDaysThreshold) return { canFlag: true, reason: "MissedDeposits", ...base, missedFlagDay: fireDay };
  if (o.lowStreak >= t.lowStreakThreshold) return { canFlag: true, reason: "LowRewards", ...base, missedFlagDay: fireDay };
  return { canFlag: false, reason: "None", ...base, missedFlagDay: fireDay };
}
