/**
 * The miner's deposit for the next uncovered day, judged as `HashpowerExchange.depositReward` will
 * judge it: the market rate it is compared with (`_marketRate`: the day's final report, or once the
 * oracle is over a day late its latest final report) and the amounts that reach the 50% minimum
 * and the 80% line. Pure: the miner desk feeds it the oracle's on-chain reads.
 */
import {
  amountForShare,
  belowMinimum,
  dayRewardPerUnitWad,
  minimumShare,
  shareOf,
  type Thresholds,
} from "@dmex/money-math";

/** What the oracle says about the day to cover, read on chain (and, for an unfinished report, from the index). */
export interface OracleReads {
  /** `rateOf(assetId, day)`: the day's average and whether it is final. */
  readonly rateOf: { readonly avgWad: bigint; readonly final: boolean } | undefined;
  /** `latestRate(assetId)`: the latest day's final average (reported false while it is correctable or absent). */
  readonly latest: { readonly avgWad: bigint; readonly day: number; readonly reported: boolean } | undefined;
  /** An indexed report of the day that is not final yet: when it becomes final (report time + CORRECTION_WINDOW, Unix seconds). */
  readonly pendingFinalAt?: number | undefined;
}

export type JudgingRate =
  /** The day's own final report. */
  | { readonly kind: "final"; readonly avgWad: bigint; readonly day: number }
  /** The oracle is over a day late: its latest final report stands in. */
  | { readonly kind: "latest"; readonly avgWad: bigint; readonly day: number; readonly reportDay: number }
  /** A report exists but can still be corrected until `finalAt`. */
  | { readonly kind: "correctable"; readonly day: number; readonly finalAt: number }
  /** Nothing to judge against yet (the deposit would revert MarketRateNotReported). */
  | { readonly kind: "waiting"; readonly day: number }
  | { readonly kind: "loading"; readonly day: number };

/** The rate a deposit for `day` made on `today` is judged against (mirrors `_marketRate`). */
export function judgingRate(day: number, today: number, r: OracleReads): JudgingRate {
  if (r.rateOf === undefined) return { kind: "loading", day };
  if (r.rateOf.final) return { kind: "final", avgWad: r.rateOf.avgWad, day };
  if (today > day + 1) {
    if (r.latest === undefined) return { kind: "loading", day };
    if (r.latest.reported) return { kind: "latest", avgWad: r.latest.avgWad, day, reportDay: r.latest.day };
  }
  if (r.pendingFinalAt !== undefined) return { kind: "correctable", day, finalAt: r.pendingFinalAt };
  return { kind: "waiting", day };
}

export interface DepositJudgement {
  /** The market average per unit the day is judged against. */
  readonly marketAvgWad: bigint;
  /** Smallest deposit the chain accepts (the minimum share, 50%). */
  readonly minimum: bigint;
  /** Smallest deposit judged at the low-reward line (80%). */
  readonly line: bigint;
  /** Smallest deposit judged at 100% of the market. */
  readonly full: bigint;
  /** The share `amount` would be judged at (null without an amount). */
  readonly share: number | null;
  /** Whether `amount` would revert with DepositBelowMinimum. */
  readonly belowMinimum: boolean;
}

export function judgeDeposit(
  units: bigint,
  marketAvgWad: bigint,
  t: Thresholds,
  amount: bigint | null,
): DepositJudgement {
  const share =
    amount !== null && amount > 0n && units > 0n && marketAvgWad > 0n
      ? shareOf(dayRewardPerUnitWad(amount, units), marketAvgWad)
      : null;
  return {
    marketAvgWad,
    minimum: amountForShare(units, marketAvgWad, minimumShare(t.minCoverageBps)),
    line: amountForShare(units, marketAvgWad, Math.ceil(t.minRewardRatioBps / 10)),
    full: amountForShare(units, marketAvgWad, 1000),
    share,
    belowMinimum: share !== null && belowMinimum(share, t.minCoverageBps),
  };
}
