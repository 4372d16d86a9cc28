/**
 * A loan as the app reads it: the subgraph's Loan turned into money-math's LoanState, its clock (due, the
 * grace period, foreclosable), its health (loan-to-value and its inputs) and the debt day by day (payments
 * indexed so far, then the self-repaying forecast). All money math is @dmex/money-math/lending's.
 */
import {
  debtAt,
  forecastLtvCrossing,
  forecastSelfRepayment,
  type LoanState,
  ltvBps,
  type PositionCollateral,
  positionCollateralValue,
  type CollateralValue,
  tokenCollateralValue,
  usdValue,
  usdWad,
} from "@dmex/money-math/lending";

import type {
  LoanClock,
  LoanEntity,
  LoanOffering,
  LoanPosition,
  MarketRateRow,
  RepaymentEntity,
} from "~/lib/graphql/lendingTypes";
import type { TokenInfo } from "~/services/tokens";

/** A loan within this many seconds of its due date is "due soon" (the banner's 72 hours). */
export const DUE_SOON_SECONDS = 72 * 3_600;
/** The LTV line the health forecast watches (80%). */
export const LTV_WARNING_BPS = 8_000n;

export function loanStateOf(l: LoanEntity): LoanState {
  return {
    principal: BigInt(l.principal),
    aprBps: BigInt(l.aprBps),
    lastAccrual: BigInt(l.lastAccrualTime),
    dueTime: BigInt(l.dueTime),
    interestOwed: BigInt(l.interestOwed),
    minInterestLeft: BigInt(l.minInterestLeft),
    feeBps: BigInt(l.feeBps),
    rewardPriceWad: BigInt(l.rewardPriceWad),
  };
}

export type LoanPhase = "active" | "due-soon" | "grace" | "foreclosable" | "closed";

/** Where a loan's clock stands: repayable until graceEnd (exclusive), foreclosable from it on. */
export function loanPhase(
  l: Pick<LoanClock, "dueTime" | "graceEnd"> & { status?: string },
  nowSeconds: number,
): LoanPhase {
  if (l.status !== undefined && l.status !== "Active") return "closed";
  const due = Number(l.dueTime);
  const graceEnd = Number(l.graceEnd);
  if (nowSeconds >= graceEnd) return "foreclosable";
  if (nowSeconds >= due) return "grace";
  if (due - nowSeconds <= DUE_SOON_SECONDS) return "due-soon";
  return "active";
}

/** The loans the banner warns about: within 72 hours of the due date, or in the grace period. */
export function dueWarnings(
  loans: { borrowed: readonly LoanClock[]; lent: readonly LoanClock[] },
  nowSeconds: number,
): { loanId: string; role: "borrower" | "lender"; phase: "due-soon" | "grace"; secondsLeft: number }[] {
  const out: { loanId: string; role: "borrower" | "lender"; phase: "due-soon" | "grace"; secondsLeft: number }[] = [];
  for (const [role, list] of [
    ["borrower", loans.borrowed],
    ["lender", loans.lent],
  ] as const) {
    for (const l of list) {
      const phase = loanPhase(l, nowSeconds);
      if (phase === "due-soon")
        out.push({ loanId: l.loanId, role, phase, secondsLeft: Number(l.dueTime) - nowSeconds });
      if (phase === "grace") out.push({ loanId: l.loanId, role, phase, secondsLeft: Number(l.graceEnd) - nowSeconds });
    }
  }
  return out.sort((a, b) => a.secondsLeft - b.secondsLeft);
}

/** The oracle's latest reported rate for an asset (WAD reward per unit per day), or null if none. */
export function latestMarketRate(rates: readonly MarketRateRow[], assetId: string | number): bigint | null {
  let best: MarketRateRow | undefined;
  for (const r of rates)
    if (String(r.assetId) === String(assetId) && (best === undefined || r.day > best.day)) best = r;
  return best === undefined ? null : BigInt(best.avgRewardPerUnitWad);
}

/** A USD price from the app's price table as WAD, or null when the table has none for the symbol. */
export function usdPriceWad(usd: Readonly<Record<string, number>>, symbol: string): bigint | null {
  const p = usd[symbol];
  return p === undefined ? null : usdWad(p);
}

/**
 * The inputs of a position's collateral value: its escrow (net, the offering's term), units, the market rate
 * (the oracle's latest report for its asset; the offering's expected rate before any report) and the prices.
 * Null when a price is missing (then no LTV is shown, never a made-up one).
 */
export function positionCollateralOf(
  position: Pick<LoanPosition, "netPaid" | "units" | "refunded">,
  offering: LoanOffering,
  rates: readonly MarketRateRow[],
  usd: Readonly<Record<string, number>>,
  pay: TokenInfo,
  reward: TokenInfo,
): { collateral: PositionCollateral; rateSource: "oracle" | "offering" } | null {
  const payUsdWad = usdPriceWad(usd, pay.symbol);
  const rewardUsdWad = usdPriceWad(usd, reward.symbol);
  if (payUsdWad === null || rewardUsdWad === null) return null;
  const reported = latestMarketRate(rates, offering.asset.id);
  return {
    collateral: {
      net: BigInt(position.netPaid),
      startDay: offering.termStartDay,
      endDay: offering.termEndDay,
      units: BigInt(position.units),
      marketRateWad: reported ?? BigInt(offering.expectedDailyRewardPerUnitWad),
      payDecimals: pay.decimals,
      rewardDecimals: reward.decimals,
      payUsdWad,
      rewardUsdWad,
      refunded: position.refunded,
    },
    rateSource: reported === null ? "offering" : "oracle",
  };
}

export interface LoanHealth {
  readonly debt: bigint;
  readonly interest: bigint;
  readonly debtUsd: bigint;
  /** Null for token collateral (then `tokenValueUsd` holds its value). */
  readonly collateral: CollateralValue | null;
  readonly collateralUsd: bigint;
  readonly ltvBps: bigint | null;
  /** When the LTV reaches LTV_WARNING_BPS as the term runs out (position loans), or null. */
  readonly crossing: { time: bigint; ltvBps: bigint | null } | null;
}

/** A loan's health at `now`: the debt, the collateral's value, the LTV and when it would reach the warning line. */
export function loanHealth(p: {
  loan: LoanState;
  now: bigint;
  currency: TokenInfo;
  usd: Readonly<Record<string, number>>;
  position?: PositionCollateral | null;
  token?: { amount: bigint; info: TokenInfo } | null;
}): LoanHealth | null {
  const currencyUsd = usdPriceWad(p.usd, p.currency.symbol);
  if (currencyUsd === null) return null;
  const { debt, interest } = debtAt(p.loan, p.now);
  const debtUsd = usdValue(debt, p.currency.decimals, currencyUsd);
  const day = Number(p.now / 86_400n);
  if (p.position) {
    const collateral = positionCollateralValue(p.position, day);
    return {
      debt,
      interest,
      debtUsd,
      collateral,
      collateralUsd: collateral.totalUsd,
      ltvBps: ltvBps(debtUsd, collateral.totalUsd),
      crossing: forecastLtvCrossing({
        loan: p.loan,
        collateral: p.position,
        now: p.now,
        lineBps: LTV_WARNING_BPS,
        currencyDecimals: p.currency.decimals,
        currencyUsdWad: currencyUsd,
      }),
    };
  }
  if (p.token) {
    const price = usdPriceWad(p.usd, p.token.info.symbol);
    if (price === null) return null;
    const value = tokenCollateralValue(p.token.amount, p.token.info.decimals, price);
    return {
      debt,
      interest,
      debtUsd,
      collateral: null,
      collateralUsd: value,
      ltvBps: ltvBps(debtUsd, value),
      crossing: null,
    };
  }
  return null;
}

/** One row of the debt's history and forecast, for the table and the chart. */
export interface DebtRow {
  readonly time: number;
  /** Debt (or principal left, for indexed payments) after the row. */
  readonly debt: bigint;
  readonly paid: bigint;
  readonly kind: "start" | "repayment" | "self-repayment" | "refinancing" | "forecast";
}

/** The debt day by day: the start, the payments indexed so far (principal left after each), then the forecast. */
export function debtRows(p: {
  loan: LoanEntity;
  repayments: readonly RepaymentEntity[];
  now: bigint;
  dailyRewardPerUnitWad: bigint | null;
  forecastDays?: number;
}): { rows: DebtRow[]; payoffTime: bigint | null } {
  const l = p.loan;
  const rows: DebtRow[] = [
    { time: Number(l.startTime), debt: BigInt(l.principalOriginal), paid: 0n, kind: "start" },
    ...p.repayments.map(
      (r): DebtRow => ({
        time: Number(r.timestamp),
        debt: BigInt(r.principalLeft),
        paid: BigInt(r.interestPaid) + BigInt(r.principalPaid),
        kind: r.refinancing ? "refinancing" : r.selfRepayment ? "self-repayment" : "repayment",
      }),
    ),
  ];
  if (l.status !== "Active" || p.dailyRewardPerUnitWad === null || l.position === null || !l.selfRepaying)
    return { rows, payoffTime: null };
  const f = forecastSelfRepayment({
    loan: loanStateOf(l),
    now: p.now,
    dailyRewardPerUnitWad: p.dailyRewardPerUnitWad,
    units: BigInt(l.position.units),
    rewardsUntil: BigInt((l.offering?.termEndDay ?? 0) + 1) * 86_400n,
    gracePeriod: BigInt(l.gracePeriod),
    maxDays: 400,
  });
  for (const d of f.days.slice(0, p.forecastDays ?? 30))
    rows.push({ time: Number(d.time), debt: d.debt, paid: d.applied, kind: "forecast" });
  return { rows, payoffTime: f.payoffTime };
}

/** The debt rows as chart points (x by time, y by debt, 0 at the bottom), split where the forecast begins. */
export function debtChartPoints(
  rows: readonly DebtRow[],
  width: number,
  height: number,
): { past: { x: number; y: number }[]; forecast: { x: number; y: number }[] } {
  if (rows.length === 0) return { past: [], forecast: [] };
  const t0 = rows[0]?.time ?? 0;
  const t1 = Math.max(...rows.map((r) => r.time), t0 + 1);
  const top = rows.reduce((m, r) => (r.debt > m ? r.debt : m), 1n);
  const point = (r: DebtRow) => ({
    x: ((r.time - t0) / (t1 - t0)) * width,
    y: height - Number((r.debt * 10_000n) / top) * (height / 10_000),
  });
  const past = rows.filter((r) => r.kind !== "forecast").map(point);
  const forecastRows = rows.filter((r) => r.kind === "forecast");
  const last = past[past.length - 1];
  const forecast = forecastRows.length === 0 ? [] : [...(last ? [last] : []), ...forecastRows.map(point)];
  return { past, forecast };
}
