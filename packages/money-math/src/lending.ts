/**
 * Lending arithmetic, mirroring `LoanMath` and the accrual / payment steps of `PositionLoans`
 * (packages/contracts/src/libraries/LoanMath.sol, src/lending/PositionLoans.sol; docs/decisions/0018-lending.md),
 * bigint with the contracts' rounding, plus the estimates the app shows beside them (loan-to-value, the
 * self-repaying forecast). Amounts are base units of their token (USDT 6 decimals, IFIL 18, WBTC 8).
 *
 * Interest (exact, as the contract computes it):
 *   interest(P, apr, s) = ceil(P * aprBps * s / (10_000 * 31_536_000))      simple, 365-day year, by the second
 *   accrual runs from `lastAccrual` to min(now, dueTime) and is rounded up at EACH accrual (every payment,
 *   refinancing or view accrues), so the interest at due of an untouched loan is interest(P, apr, duration),
 *   which is also the cap: nothing accrues after the due date.
 *   interestOwed = accrued - paid (may be negative when the minimum was paid ahead of accrual)
 *   interestDue  = max(interestOwed, minInterestLeft)
 *   debt         = principal + interestDue
 *   a payment of v pays min(v, interestDue) of interest first, the rest reduces the principal;
 *   fee          = floor(interestPaid * feeBps / 10_000)   (on the interest part only; the lender keeps the rounding)
 *   rewards      : value = floor(tokens * rewardPriceWad / 1e18), tokens for a value = ceil(value * 1e18 / rewardPriceWad)
 *
 * Loan-to-value (an estimate: market prices, not a contract rule; the contract never liquidates on it):
 *   position collateral value = refund right + expected rewards
 *     refund right     = the position's unreleased escrow, net - ceil(net * (day - start) / (end - start))
 *                        (what a halted offering would refund; `refundableOf` of ./escrow)
 *     expected rewards = marketRateWad * units * daysLeft / 1e18 reward base units, valued at the reward token's
 *                        USD price (daysLeft: term days still to earn, today included)
 *   token collateral value   = amount * USD price
 *   LTV = debt / collateral value (both in USD; rounded up, in basis points)
 *   forecast: LTV rises as the term runs out (fewer reward days, less escrow left) while the debt accrues to the
 *   due date; the forecast date is the first day on which the LTV reaches the stated line.
 * USD figures are WAD-scaled (1e18 = $1); convert the app's float prices once with {@link usdWad}.
 */
import { refundableOf } from "./escrow.js";
import { WAD } from "./rewards.js";

export const LOAN_BPS = 10_000n;
/** `LoanMath.YEAR`: 365 days in seconds. */
export const YEAR_SECONDS = 31_536_000n;
export const DAY_SECONDS = 86_400n;
/** `LoanMath.PRICE_SCALE`: reward prices are currency base units per 1e18 reward-token base units. */
export const PRICE_SCALE = WAD;
/** `PositionLoans.TOKEN_LOAN_BASE`: a token loan's id is this plus its number. */
export const TOKEN_LOAN_BASE = 1n << 128n;
/** `PositionLoans.MIN_DURATION` / `MAX_DURATION` (seconds) and `MAX_APR_BPS`. */
export const LOAN_MIN_DURATION = 3_600n;
export const LOAN_MAX_DURATION = 365n * DAY_SECONDS;
export const LOAN_MAX_APR_BPS = 20_000n;

const ceilDiv = (a: bigint, b: bigint): bigint => (a === 0n ? 0n : (a + b - 1n) / b);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** The money state of a live loan, as `loanOf` returns it (and the subgraph's Loan mirrors it). */
export interface LoanState {
  /** Outstanding principal, currency base units. */
  readonly principal: bigint;
  readonly aprBps: bigint;
  /** Interest is accrued up to this second (never past dueTime). */
  readonly lastAccrual: bigint;
  readonly dueTime: bigint;
  /** Accrued minus paid; negative when the minimum was paid ahead of accrual. */
  readonly interestOwed: bigint;
  readonly minInterestLeft: bigint;
  readonly feeBps: bigint;
  /** Currency base units per 1e18 reward base units; 0: no self-repayment. */
  readonly rewardPriceWad: bigint;
}

/** `LoanMath.interest`: interest on `principal` at `aprBps` for `elapsed` seconds, rounded up. */
export function interest(principal: bigint, aprBps: bigint, elapsed: bigint): bigint {
  if (principal <= 0n || aprBps <= 0n || elapsed <= 0n) return 0n;
  return ceilDiv(principal * aprBps * elapsed, LOAN_BPS * YEAR_SECONDS);
}

/** `LoanMath.interestDue`: max(accrued - paid, unpaid minimum). */
export function interestDue(owed: bigint, minLeft: bigint): bigint {
  return owed <= 0n ? minLeft : max(owed, minLeft);
}

/** `PositionLoans._accrued`: the loan with its interest accrued to `now` (never past the due date). */
export function accrue(loan: LoanState, now: bigint): LoanState {
  const until = min(now, loan.dueTime);
  if (until <= loan.lastAccrual) return loan;
  return {
    ...loan,
    interestOwed: loan.interestOwed + interest(loan.principal, loan.aprBps, until - loan.lastAccrual),
    lastAccrual: until,
  };
}

/** `debtOf(loanId)` at `now`: what repays the loan in full, and its interest part. */
export function debtAt(loan: LoanState, now: bigint): { debt: bigint; interest: bigint } {
  const l = accrue(loan, now);
  const due = interestDue(l.interestOwed, l.minInterestLeft);
  return { debt: l.principal + due, interest: due };
}

/** How a payment splits (`LoanMath.split`), and the accrued-minus-paid figure and minimum after it. */
export interface PaymentSplit {
  readonly toInterest: bigint;
  readonly toPrincipal: bigint;
  readonly owedAfter: bigint;
  readonly minLeftAfter: bigint;
}

/** `LoanMath.split`: a payment of `value` (at most the debt) pays interest first, then principal. */
export function splitPayment(value: bigint, owed: bigint, minLeft: bigint): PaymentSplit {
  if (value < 0n) throw new RangeError("negative payment");
  const due = interestDue(owed, minLeft);
  const toInterest = min(value, due);
  return {
    toInterest,
    toPrincipal: value - toInterest,
    owedAfter: owed - toInterest,
    minLeftAfter: minLeft > toInterest ? minLeft - toInterest : 0n,
  };
}

/** `LoanMath.fee`: the DeFi fee on the interest part of a payment, rounded down. */
export function feeOnInterest(interestPaid: bigint, feeBps: bigint): bigint {
  return (interestPaid * feeBps) / LOAN_BPS;
}

/** `LoanMath.rewardValue`: currency value of `rewardAmount` reward base units at `priceWad`, rounded down. */
export function rewardValue(rewardAmount: bigint, priceWad: bigint): bigint {
  return (rewardAmount * priceWad) / PRICE_SCALE;
}

/** `LoanMath.rewardsFor`: reward base units needed to pay `value` at `priceWad`, rounded up. */
export function rewardsFor(value: bigint, priceWad: bigint): bigint {
  if (priceWad <= 0n) throw new RangeError("no reward price");
  return ceilDiv(value * PRICE_SCALE, priceWad);
}

/** The result of a currency payment (`repay`): what was taken, its split, the fee, and the loan after. */
export interface RepayOutcome {
  readonly paid: bigint;
  readonly toInterest: bigint;
  readonly toPrincipal: bigint;
  readonly fee: bigint;
  /** What the lender is credited: paid - fee. */
  readonly lenderCredit: bigint;
  readonly closed: boolean;
  readonly loan: LoanState;
}

/** `repay(loanId, amount)` at `now`: pays min(amount, debt), interest first; a full payment closes the loan. */
export function repayAt(loan: LoanState, amount: bigint, now: bigint): RepayOutcome {
  if (amount <= 0n) throw new RangeError("zero payment");
  const l = accrue(loan, now);
  const debt = l.principal + interestDue(l.interestOwed, l.minInterestLeft);
  const paid = min(amount, debt);
  const s = splitPayment(paid, l.interestOwed, l.minInterestLeft);
  const fee = feeOnInterest(s.toInterest, l.feeBps);
  return {
    paid,
    toInterest: s.toInterest,
    toPrincipal: s.toPrincipal,
    fee,
    lenderCredit: paid - fee,
    closed: paid === debt,
    loan: { ...l, principal: l.principal - s.toPrincipal, interestOwed: s.owedAfter, minInterestLeft: s.minLeftAfter },
  };
}

/** The result of `applyRewards` with `claimed` reward tokens (`_rewardPayment` + `_pay`). */
export interface RewardPaymentOutcome {
  /** Currency value applied to the debt. */
  readonly value: bigint;
  /** Reward tokens used for it (the rest is credited to the borrower). */
  readonly used: bigint;
  readonly spare: bigint;
  readonly toInterest: bigint;
  readonly toPrincipal: bigint;
  /** The fee in reward tokens: floor(floor(interestPaid * feeBps / 1e4) * 1e18 / price). */
  readonly feeTokens: bigint;
  readonly full: boolean;
  readonly loan: LoanState;
}

/** `applyRewards` at `now` with `claimed` reward base units: value rounded down, a payoff uses ceil(debt) tokens. */
export function applyRewardsAt(loan: LoanState, claimed: bigint, now: bigint): RewardPaymentOutcome {
  if (loan.rewardPriceWad <= 0n) throw new RangeError("the loan has no reward price");
  const l = accrue(loan, now);
  const worth = rewardValue(claimed, l.rewardPriceWad);
  const debt = l.principal + interestDue(l.interestOwed, l.minInterestLeft);
  const nothing = { toInterest: 0n, toPrincipal: 0n, feeTokens: 0n };
  if (worth === 0n) return { value: 0n, used: 0n, spare: claimed, full: false, loan: l, ...nothing };
  const full = worth >= debt;
  const value = full ? debt : worth;
  const used = full ? rewardsFor(debt, l.rewardPriceWad) : claimed;
  const s = splitPayment(value, l.interestOwed, l.minInterestLeft);
  const feeCurrency = feeOnInterest(s.toInterest, l.feeBps);
  return {
    value,
    used,
    spare: claimed - used,
    toInterest: s.toInterest,
    toPrincipal: s.toPrincipal,
    feeTokens: feeCurrency === 0n ? 0n : (feeCurrency * PRICE_SCALE) / l.rewardPriceWad,
    full,
    loan: { ...l, principal: l.principal - s.toPrincipal, interestOwed: s.owedAfter, minInterestLeft: s.minLeftAfter },
  };
}

/**
 * What to approve and pass as `amount` to repay in full with a transaction mined up to `bufferSeconds`
 * after `now`: the debt at now + buffer (the contract takes min(amount, debt), so a little more is safe).
 */
export function fullRepaymentAmount(loan: LoanState, now: bigint, bufferSeconds = 600n): bigint {
  return debtAt(loan, now + bufferSeconds).debt;
}

/** An offer's or request's cost if repaid at its due date: interest = max(interest over the duration, minimum). */
export function termsCost(t: { principal: bigint; aprBps: bigint; duration: bigint; minInterest: bigint }): {
  interestAtDue: bigint;
  totalAtDue: bigint;
  /** What an immediate repayment costs: principal + minimum. */
  totalAtOnce: bigint;
} {
  const interestAtDue = max(interest(t.principal, t.aprBps, t.duration), t.minInterest);
  return { interestAtDue, totalAtDue: t.principal + interestAtDue, totalAtOnce: t.principal + t.minInterest };
}

/** Whether a refinancing is strictly better (`refinance`): debt * newApr < principal * oldApr, due not earlier. */
export function isBetterRefinance(debt: bigint, newAprBps: bigint, loan: LoanState, newDueTime: bigint): boolean {
  return newDueTime >= loan.dueTime && debt * newAprBps < loan.principal * loan.aprBps;
}

/** The highest APR a takeover may offer: the largest a with debt * a < principal * oldApr. */
export function maxRefinanceAprBps(debt: bigint, loan: LoanState): bigint {
  if (debt <= 0n) return LOAN_MAX_APR_BPS;
  const bound = loan.principal * loan.aprBps;
  const a = bound % debt === 0n ? bound / debt - 1n : bound / debt;
  return a < 0n ? -1n : min(a, LOAN_MAX_APR_BPS);
}

// ---------------------------------------------------------------- self-repaying forecast

/** One day of the self-repaying forecast. */
export interface DebtDay {
  /** The second this day's rewards are applied (now + k days). */
  readonly time: bigint;
  /** Currency value of the rewards applied that day. */
  readonly applied: bigint;
  /** Debt after that day's payment (0 once paid off). */
  readonly debt: bigint;
}

export interface SelfRepayForecast {
  readonly days: readonly DebtDay[];
  /** When the debt reaches zero, or null if it does not before the rewards or the repayment window end. */
  readonly payoffTime: bigint | null;
}

/**
 * The debt day by day if the loan's rewards pay it down: every day, `units` earn `dailyRewardPerUnitWad`
 * (reward base units per unit per day x 1e18: the oracle's market rate, as the exchange judges deposits),
 * applied once a day at the loan's reward price (exactly as `applyRewards` would, accruing first). Stops when
 * paid off, after `rewardsUntil` (the term's end: no more deposits), at the end of the repayment window
 * (dueTime + grace) or after `maxDays`.
 */
export function forecastSelfRepayment(p: {
  loan: LoanState;
  now: bigint;
  dailyRewardPerUnitWad: bigint;
  units: bigint;
  rewardsUntil: bigint;
  gracePeriod: bigint;
  maxDays?: number;
}): SelfRepayForecast {
  const { loan, now, units } = p;
  if (loan.rewardPriceWad <= 0n) return { days: [], payoffTime: null };
  const daily = (p.dailyRewardPerUnitWad * units) / WAD;
  const closes = loan.dueTime + p.gracePeriod;
  const days: DebtDay[] = [];
  let l = loan;
  for (let k = 1; k <= (p.maxDays ?? 400); k++) {
    const t = now + BigInt(k) * DAY_SECONDS;
    if (t >= closes || t > p.rewardsUntil) break;
    const r = applyRewardsAt(l, daily, t);
    l = r.loan;
    if (r.full) {
      days.push({ time: t, applied: r.value, debt: 0n });
      return { days, payoffTime: t };
    }
    days.push({ time: t, applied: r.value, debt: debtAt(l, t).debt });
  }
  return { days, payoffTime: null };
}

// ---------------------------------------------------------------- loan-to-value

/** A USD price (float, per whole token) as a WAD-scaled bigint (1e18 = $1), to 9 significant decimals. */
export function usdWad(price: number): bigint {
  if (!Number.isFinite(price) || price < 0) throw new RangeError(`bad USD price: ${price}`);
  return BigInt(Math.round(price * 1e9)) * 1_000_000_000n;
}

/** USD value (WAD) of `amount` base units of a token with `decimals` at `priceWad` per whole token, rounded down. */
export function usdValue(amount: bigint, decimals: number, priceWad: bigint): bigint {
  return (amount * priceWad) / 10n ** BigInt(decimals);
}

/** Token collateral value: amount x price (USD WAD). */
export function tokenCollateralValue(amount: bigint, decimals: number, priceWad: bigint): bigint {
  return usdValue(amount, decimals, priceWad);
}

/** Term days of `[startDay, endDay]` still to earn on `day` (today included; the whole term before it starts). */
export function termDaysLeft(startDay: number, endDay: number, day: number): number {
  return Math.max(0, endDay - Math.max(day, startDay) + 1);
}

/** What a position pledges, for its value. */
export interface PositionCollateral {
  /** Net payment in escrow for the position (Position.netPaid), payment-token base units. */
  readonly net: bigint;
  readonly startDay: number;
  readonly endDay: number;
  readonly units: bigint;
  /** Reward base units per unit per day x 1e18 (the oracle's market rate). */
  readonly marketRateWad: bigint;
  readonly payDecimals: number;
  readonly rewardDecimals: number;
  readonly payUsdWad: bigint;
  readonly rewardUsdWad: bigint;
  /** Whether the position was already refunded (then it has no refund right). */
  readonly refunded?: boolean;
}

export interface CollateralValue {
  /** Unreleased escrow, payment-token base units. */
  readonly refundRight: bigint;
  /** Expected rewards of the days left, reward-token base units. */
  readonly expectedRewards: bigint;
  readonly daysLeft: number;
  readonly refundUsd: bigint;
  readonly rewardsUsd: bigint;
  /** refundUsd + rewardsUsd (WAD). */
  readonly totalUsd: bigint;
}

/** A position's collateral value on `day`: its refund right plus the expected rewards of the days left. */
export function positionCollateralValue(c: PositionCollateral, day: number): CollateralValue {
  const refundRight = c.refunded === true ? 0n : refundableOf(c.net, c.startDay, c.endDay, day);
  const daysLeft = termDaysLeft(c.startDay, c.endDay, day);
  const expectedRewards = (c.marketRateWad * c.units * BigInt(daysLeft)) / WAD;
  const refundUsd = usdValue(refundRight, c.payDecimals, c.payUsdWad);
  const rewardsUsd = usdValue(expectedRewards, c.rewardDecimals, c.rewardUsdWad);
  return { refundRight, expectedRewards, daysLeft, refundUsd, rewardsUsd, totalUsd: refundUsd + rewardsUsd };
}

/** LTV in basis points, rounded up (debt / collateral; both USD WAD). Null when the collateral is worth nothing. */
export function ltvBps(debtUsd: bigint, collateralUsd: bigint): bigint | null {
  if (collateralUsd <= 0n) return debtUsd > 0n ? null : 0n;
  return ceilDiv(debtUsd * LOAN_BPS, collateralUsd);
}

/**
 * The first day (from `now`, one step a day) on which the LTV of a position loan reaches `lineBps`, as the
 * term runs out and the debt accrues (without self-repayment: the cautious figure). Null if it does not before
 * the term ends and the debt is 0, or within `maxDays`. `currencyUsdWad` prices the loan currency.
 */
export function forecastLtvCrossing(p: {
  loan: LoanState;
  collateral: PositionCollateral;
  now: bigint;
  lineBps: bigint;
  currencyDecimals: number;
  currencyUsdWad: bigint;
  maxDays?: number;
}): { time: bigint; ltvBps: bigint | null } | null {
  const endTime = BigInt(p.collateral.endDay + 1) * DAY_SECONDS;
  for (let k = 0; k <= (p.maxDays ?? 800); k++) {
    const t = p.now + BigInt(k) * DAY_SECONDS;
    const { debt } = debtAt(p.loan, t);
    if (debt === 0n) return null;
    const day = Number(t / DAY_SECONDS);
    const value = positionCollateralValue(p.collateral, day).totalUsd;
    const ltv = ltvBps(usdValue(debt, p.currencyDecimals, p.currencyUsdWad), value);
    if (ltv === null || ltv >= p.lineBps) return { time: t, ltvBps: ltv };
    if (t > endTime) return null;
  }
  return null;
}
