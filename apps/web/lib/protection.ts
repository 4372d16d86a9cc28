/**
 * The buyer-protection rules in plain words with an offering's running figures: one place for the
 * sentences the offering page, the miner desk, the protocol page and the DAO action decoder show.
 * Pure (strings only), so server components use it without the wallet stack.
 */
import {
  delinquency,
  type Delinquency,
  holdbackStatus,
  type HoldbackStatus,
  type OfferingStatusName,
  type RecentWindow,
  type Thresholds,
} from "@dmex/money-math";
import { bpsPercent, formatDay, formatPerMille, pluralDays } from "./format";

const lastJudged = (n: number) => (n === 1 ? "the last judged day" : `the last ${n} judged days`);

export interface ProtectionInput {
  readonly status: OfferingStatusName;
  readonly unitsSold: bigint;
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly lastCoveredDay: number;
  readonly holdbackDays: number;
  readonly window: RecentWindow;
}

/** One judged day of the window: its date and capped share. */
export interface JudgedDay {
  readonly day: number;
  readonly share: number;
}

export interface Protection {
  readonly d: Delinquency;
  readonly holdback: HoldbackStatus;
  /** The daily minimum: "Each deposit must pay at least 50% ...". */
  readonly minimum: string;
  /** The window rule with its running average (or how many days are judged so far). */
  readonly window: string;
  /** The missed-deposit rule with the last covered day. */
  readonly missed: string;
  /** The end-of-term holdback and where release stands in it. */
  readonly holdbackText: string;
  /** The post-term flag window. */
  readonly postTerm: string;
  /** The window's days, newest first (share i covers lastCoveredDay - i). */
  readonly days: readonly JudgedDay[];
}

export function protection(o: ProtectionInput, today: number, t: Thresholds): Protection {
  const d = delinquency(
    {
      status: o.status,
      unitsSold: o.unitsSold,
      lastCoveredDay: o.lastCoveredDay,
      termEndDay: o.termEndDay,
      window: o.window,
    },
    today,
    t,
  );
  const hb = holdbackStatus(o, today);
  const line = bpsPercent(t.minRewardRatioBps);
  const window = d.windowFull
    ? `Paid ${formatPerMille(d.windowShare)} of the market over ${lastJudged(t.windowDays)}; flaggable below ${line}.`
    : `${d.judged} of ${t.windowDays} days judged so far; once ${t.windowDays} are, the offering is flaggable if they average below ${line} of the market.`;
  const covered = o.lastCoveredDay >= o.termStartDay;
  const allCovered = o.lastCoveredDay + 1 >= o.termEndDay;
  const missed = allCovered
    ? `Every term day is covered (the last deposit covered ${formatDay(o.lastCoveredDay)}).`
    : `${covered ? `Last deposit covered ${formatDay(o.lastCoveredDay)}` : `No deposit yet (the first term day is ${formatDay(o.termStartDay)})`}; flaggable after ${pluralDays(t.missedDaysThreshold)} without one${
        d.missedFlagDay !== null ? `, from ${formatDay(d.missedFlagDay)}` : ""
      }${d.missedDays > 0 ? ` (${pluralDays(d.missedDays)} waited so far)` : ""}.`;
  const holdbackText =
    `The last ${pluralDays(o.holdbackDays)} of escrow (from ${formatDay(hb.zoneStart)}) are released only as their rewards are deposited` +
    (hb.nextToCover !== null
      ? `: release stands at ${formatDay(hb.releasedDay)} until ${formatDay(hb.nextToCover)} is covered.`
      : ".");
  const lastFlagDay = d.flagWindowEnd - 1;
  const postTerm =
    today >= d.flagWindowEnd
      ? `The flag window closed on ${formatDay(d.flagWindowEnd)}, ${pluralDays(t.postTermFlagDays)} after the term.`
      : `A flag can still be raised until ${formatDay(lastFlagDay)}, ${pluralDays(t.postTermFlagDays)} after the term ends (${formatDay(o.termEndDay)}).`;
  return {
    d,
    holdback: hb,
    minimum: `Each deposit covers one day and must pay at least ${bpsPercent(t.minCoverageBps)} of the market average for it (the oracle's final report); the chain refuses less. Each day counts at most 100%.`,
    window,
    missed,
    holdbackText,
    postTerm,
    days: o.window.shares.map((share, i) => ({ day: o.lastCoveredDay - i, share })),
  };
}

/** Why a flag is possible, in words. */
export function reasonText(d: Pick<Delinquency, "reason" | "missedDays" | "windowShare">, t: Thresholds): string {
  if (d.reason === "MissedDeposits") return `${pluralDays(d.missedDays)} without a deposit`;
  if (d.reason === "LowRewards")
    return `${lastJudged(t.windowDays)} paid ${formatPerMille(d.windowShare)} of the market, under ${bpsPercent(t.minRewardRatioBps)}`;
  return "no rule broken";
}

/** A flag reason as stored (FlagReason) in words. */
export function flagReasonText(reason: string): string {
  return reason === "MissedDeposits" ? "missed deposits" : reason === "LowRewards" ? "low rewards" : "no reason";
}

/** The five governable thresholds in one sentence (protocol page, DAO proposals). */
export function thresholdsText(t: Thresholds): string {
  return (
    `flag after ${pluralDays(t.missedDaysThreshold)} without a deposit (also the end-of-term holdback of new offerings) or when ` +
    `${lastJudged(t.windowDays)} average under ${bpsPercent(t.minRewardRatioBps)} of the market; refuse deposits under ${bpsPercent(t.minCoverageBps)} ` +
    `of the market; flags allowed until ${pluralDays(t.postTermFlagDays)} after a term ends`
  );
}
