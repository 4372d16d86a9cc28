// Lending: LoanMath's rounding (interest up per accrual, fee and reward value down, tokens for a payoff up),
// the payment split, the self-repaying forecast and loan-to-value, with hand-worked figures.
import { describe, expect, it } from "vitest";

import {
  accrue,
  applyRewardsAt,
  debtAt,
  feeOnInterest,
  forecastLtvCrossing,
  forecastSelfRepayment,
  fullRepaymentAmount,
  interest,
  interestDue,
  isBetterRefinance,
  type LoanState,
  ltvBps,
  maxRefinanceAprBps,
  positionCollateralValue,
  repayAt,
  rewardsFor,
  rewardValue,
  splitPayment,
  termsCost,
  tokenCollateralValue,
  usdValue,
  usdWad,
} from "../src/lending.js";
import { intIn, prng } from "./prng.js";

const USDT = 1_000_000n; // 6 decimals
const IFIL = 10n ** 18n; // 18 decimals
const WBTC = 100_000_000n; // 8 decimals
const DAY = 86_400n;
const T0 = 1_800_000_000n;

function loan(over: Partial<LoanState> = {}): LoanState {
  return {
    principal: 1_000n * USDT,
    aprBps: 1_000n,
    lastAccrual: T0,
    dueTime: T0 + 30n * DAY,
    interestOwed: 0n,
    minInterestLeft: 0n,
    feeBps: 200n,
    rewardPriceWad: 0n,
    ...over,
  };
}

describe("interest", () => {
  it("is simple, by the second on a 365-day year, rounded up", () => {
    // 1,000 USDT at 10% for 30 days: 1e9 * 1000 * 2,592,000 / 3.1536e11 = 8,219,178.08 -> 8,219,179
    expect(interest(1_000n * USDT, 1_000n, 30n * DAY)).toBe(8_219_179n);
    // one second: 3.17 base units -> 4
    expect(interest(1_000n * USDT, 1_000n, 1n)).toBe(4n);
    // 100 USDT at 36.5% for one day: exactly 0.1 USDT
    expect(interest(100n * USDT, 3_650n, DAY)).toBe(100_000n);
    expect(interest(0n, 1_000n, DAY)).toBe(0n);
    expect(interest(USDT, 0n, DAY)).toBe(0n);
    expect(interest(USDT, 1_000n, 0n)).toBe(0n);
  });

  it("rounds up at each accrual, so accruing in steps never owes less than at once", () => {
    const rand = prng(12);
    for (let i = 0; i < 300; i++) {
      const p = BigInt(intIn(rand, 1, 2 ** 40));
      const apr = BigInt(intIn(rand, 1, 20_000));
      const a = BigInt(intIn(rand, 1, 30 * 86_400));
      const b = BigInt(intIn(rand, 1, 30 * 86_400));
      const once = interest(p, apr, a + b);
      const steps = interest(p, apr, a) + interest(p, apr, b);
      expect(steps).toBeGreaterThanOrEqual(once);
      expect(steps - once).toBeLessThanOrEqual(1n);
    }
  });

  it("interest due is max(owed, unpaid minimum), owed may be negative", () => {
    expect(interestDue(-5n, 10n)).toBe(10n);
    expect(interestDue(20n, 10n)).toBe(20n);
    expect(interestDue(5n, 10n)).toBe(10n);
    expect(interestDue(0n, 0n)).toBe(0n);
  });
});

describe("accrual and debt", () => {
  it("stops at the due date", () => {
    const l = loan();
    expect(debtAt(l, T0 + 30n * DAY)).toEqual({ debt: 1_008_219_179n, interest: 8_219_179n });
    // a year later nothing more: the cap is the interest of the whole duration
    expect(debtAt(l, T0 + 365n * DAY)).toEqual({ debt: 1_008_219_179n, interest: 8_219_179n });
    expect(accrue(l, T0 + 40n * DAY).lastAccrual).toBe(T0 + 30n * DAY);
    // before the last accrual: unchanged
    expect(accrue(l, T0 - 1n)).toBe(l);
  });

  it("owes the stated minimum at once, and pays interest first then principal", () => {
    const l = loan({ minInterestLeft: 5n * USDT });
    expect(debtAt(l, T0)).toEqual({ debt: 1_005n * USDT, interest: 5n * USDT });
    // day 10: accrued ceil(1e9 * 1000 * 864,000 / 3.1536e11) = 2,739,727 < the 5 USDT minimum
    const r = repayAt(l, 6n * USDT, T0 + 10n * DAY);
    expect(r.toInterest).toBe(5n * USDT);
    expect(r.toPrincipal).toBe(USDT);
    // fee 2% of the interest part only: 100,000
    expect(r.fee).toBe(100_000n);
    expect(r.lenderCredit).toBe(5_900_000n);
    expect(r.closed).toBe(false);
    expect(r.loan.principal).toBe(999n * USDT);
    // the minimum paid ahead of accrual: owed goes negative
    expect(r.loan.interestOwed).toBe(2_739_727n - 5_000_000n);
    expect(r.loan.minInterestLeft).toBe(0n);
    // due date: 20 more days on 999 USDT, ceil(...) = 5,473,973, owed -2,260,273 + 5,473,973 = 3,213,700
    expect(debtAt(r.loan, T0 + 30n * DAY)).toEqual({ debt: 999n * USDT + 3_213_700n, interest: 3_213_700n });
  });

  it("a full payment closes; more than the debt takes only the debt", () => {
    const r = repayAt(loan(), 2_000n * USDT, T0 + 30n * DAY);
    expect(r.paid).toBe(1_008_219_179n);
    expect(r.closed).toBe(true);
    expect(r.loan.principal).toBe(0n);
    expect(() => repayAt(loan(), 0n, T0)).toThrow(RangeError);
  });

  it("the full-repayment amount covers the buffer's seconds of interest", () => {
    const l = loan();
    const at = T0 + DAY;
    const amount = fullRepaymentAmount(l, at, 600n);
    expect(amount).toBe(debtAt(l, at + 600n).debt);
    expect(amount).toBeGreaterThan(debtAt(l, at).debt);
    // and never past the due-date cap
    expect(fullRepaymentAmount(l, T0 + 30n * DAY, 600n)).toBe(1_008_219_179n);
  });

  it("splitPayment mirrors LoanMath.split", () => {
    expect(splitPayment(15n, 20n, 10n)).toEqual({ toInterest: 15n, toPrincipal: 0n, owedAfter: 5n, minLeftAfter: 0n });
    expect(splitPayment(30n, 20n, 10n)).toEqual({
      toInterest: 20n,
      toPrincipal: 10n,
      owedAfter: 0n,
      minLeftAfter: 0n,
    });
    expect(splitPayment(4n, -3n, 10n)).toEqual({ toInterest: 4n, toPrincipal: 0n, owedAfter: -7n, minLeftAfter: 6n });
  });

  it("the fee on interest rounds down", () => {
    // 2% of 8,219,179 = 164,383.58 -> 164,383
    expect(feeOnInterest(8_219_179n, 200n)).toBe(164_383n);
    expect(feeOnInterest(49n, 200n)).toBe(0n);
  });

  it("terms cost: interest at due (at least the minimum) and at once", () => {
    expect(termsCost({ principal: 1_000n * USDT, aprBps: 1_000n, duration: 30n * DAY, minInterest: 0n })).toEqual({
      interestAtDue: 8_219_179n,
      totalAtDue: 1_008_219_179n,
      totalAtOnce: 1_000n * USDT,
    });
    expect(
      termsCost({ principal: 1_000n * USDT, aprBps: 1_000n, duration: DAY, minInterest: 2n * USDT }).interestAtDue,
    ).toBe(2n * USDT);
  });

  it("refinancing must grow strictly slower and not come due earlier", () => {
    const l = loan();
    expect(maxRefinanceAprBps(1_000n * USDT, l)).toBe(999n);
    expect(maxRefinanceAprBps(1_001n * USDT, l)).toBe(999n);
    expect(maxRefinanceAprBps(1_100n * USDT, l)).toBe(909n); // 1e12 / 1.1e9 = 909.09
    expect(isBetterRefinance(1_000n * USDT, 999n, l, l.dueTime)).toBe(true);
    expect(isBetterRefinance(1_000n * USDT, 1_000n, l, l.dueTime)).toBe(false);
    expect(isBetterRefinance(1_000n * USDT, 500n, l, l.dueTime - 1n)).toBe(false);
  });
});

describe("reward value and self-repayment", () => {
  // IFIL at 4 USDT: 4,000,000 USDT base units per 1e18 IFIL base units.
  const IFIL_AT_4 = 4n * USDT;

  it("values rewards down and asks for tokens up", () => {
    expect(rewardValue(IFIL / 2n, IFIL_AT_4)).toBe(2n * USDT);
    expect(rewardsFor(1n, IFIL_AT_4)).toBe(250_000_000_000n); // exact: 1e18 / 4e6
    // at 3 USDT: 1e18 / 3e6 = 333,333,333,333.3 -> 334; and those tokens are worth 1 base unit (down)
    expect(rewardsFor(1n, 3n * USDT)).toBe(333_333_333_334n);
    expect(rewardValue(333_333_333_334n, 3n * USDT)).toBe(1n);
    expect(rewardValue(333_333_333_333n, 3n * USDT)).toBe(0n);
    // WBTC (8 decimals) at 60,000 USDT: 6e10 USDT units per 1e8 WBTC units = 6e20 per 1e18
    const WBTC_AT_60K = 600_000_000_000_000_000_000n;
    expect(rewardValue(WBTC, WBTC_AT_60K)).toBe(60_000n * USDT);
    expect(rewardsFor(60_000n * USDT, WBTC_AT_60K)).toBe(WBTC);
    expect(() => rewardsFor(1n, 0n)).toThrow(RangeError);
  });

  it("applyRewards pays interest then principal, the fee in reward tokens, a payoff uses only what it needs", () => {
    const l = loan({ principal: 100n * USDT, aprBps: 3_650n, dueTime: T0 + 90n * DAY, rewardPriceWad: IFIL_AT_4 });
    // a day later: 0.1 USDT interest; 0.1 IFIL is worth 0.4 USDT
    const r = applyRewardsAt(l, IFIL / 10n, T0 + DAY);
    expect(r.value).toBe(400_000n);
    expect(r.toInterest).toBe(100_000n);
    expect(r.toPrincipal).toBe(300_000n);
    // fee 2% of 0.1 USDT = 2,000 base units = 2,000 * 1e18 / 4e6 IFIL = 5e14
    expect(r.feeTokens).toBe(500_000_000_000_000n);
    expect(r.used).toBe(IFIL / 10n);
    expect(r.spare).toBe(0n);
    expect(r.full).toBe(false);
    expect(r.loan.principal).toBe(99_700_000n);
    // worth more than the debt: pays it off with ceil(debt / price) tokens, the rest is spare
    const small = loan({ principal: 200_000n, aprBps: 0n, rewardPriceWad: IFIL_AT_4 });
    const payoff = applyRewardsAt(small, IFIL / 10n, T0 + DAY);
    expect(payoff.full).toBe(true);
    expect(payoff.value).toBe(200_000n);
    expect(payoff.used).toBe(IFIL / 20n);
    expect(payoff.spare).toBe(IFIL / 20n);
    // dust worth nothing stays the borrower's
    expect(applyRewardsAt(small, 1n, T0 + DAY)).toMatchObject({ value: 0n, used: 0n, spare: 1n, full: false });
  });

  it("forecasts the debt day by day and the payoff date", () => {
    // 10 units earning 0.01 IFIL per unit per day (market rate 1e16 x 1e18), at 4 USDT per IFIL: 0.4 USDT a day
    const rate = 10n ** 16n * 10n ** 18n;
    const l = loan({ principal: 100n * USDT, aprBps: 3_650n, dueTime: T0 + 90n * DAY, rewardPriceWad: IFIL_AT_4 });
    const f = forecastSelfRepayment({
      loan: l,
      now: T0,
      dailyRewardPerUnitWad: rate,
      units: 10n,
      rewardsUntil: T0 + 1_000n * DAY,
      gracePeriod: DAY,
    });
    // day 1: 100 + 0.1 interest - 0.4 = 99.7; day 2: 99.7 + 0.0997 - 0.4 = 99.3997
    expect(f.days[0]).toEqual({ time: T0 + DAY, applied: 400_000n, debt: 99_700_000n });
    expect(f.days[1]).toEqual({ time: T0 + 2n * DAY, applied: 400_000n, debt: 99_399_700n });
    // not paid off within the repayment window (due in 90 days + 1 day of grace)
    expect(f.payoffTime).toBeNull();
    expect(f.days.length).toBe(90);
    // 1 USDT at 0% falls 0.4 a day: 0.6, 0.2, paid on day 3
    const p = forecastSelfRepayment({
      loan: loan({ principal: USDT, aprBps: 0n, rewardPriceWad: IFIL_AT_4 }),
      now: T0,
      dailyRewardPerUnitWad: rate,
      units: 10n,
      rewardsUntil: T0 + 100n * DAY,
      gracePeriod: DAY,
    });
    expect(p.days.map((d) => d.debt)).toEqual([600_000n, 200_000n, 0n]);
    expect(p.payoffTime).toBe(T0 + 3n * DAY);
    // the rewards stop at the term's end
    const short = forecastSelfRepayment({
      loan: loan({ principal: USDT, aprBps: 0n, rewardPriceWad: IFIL_AT_4 }),
      now: T0,
      dailyRewardPerUnitWad: rate,
      units: 10n,
      rewardsUntil: T0 + 2n * DAY,
      gracePeriod: DAY,
    });
    expect(short.payoffTime).toBeNull();
    expect(short.days.length).toBe(2);
    // no reward price: no forecast
    expect(
      forecastSelfRepayment({
        loan: loan(),
        now: T0,
        dailyRewardPerUnitWad: rate,
        units: 10n,
        rewardsUntil: T0 + 2n * DAY,
        gracePeriod: DAY,
      }),
    ).toEqual({ days: [], payoffTime: null });
  });
});

describe("loan-to-value", () => {
  // 100 USDT net in escrow over days 100..200; day 150: half released. 10 units at 0.01 IFIL a unit a day.
  const collateral = {
    net: 100n * USDT,
    startDay: 100,
    endDay: 200,
    units: 10n,
    marketRateWad: 10n ** 16n * 10n ** 18n,
    payDecimals: 6,
    rewardDecimals: 18,
    payUsdWad: usdWad(1),
    rewardUsdWad: usdWad(4),
  };

  it("prices in USD WAD", () => {
    expect(usdWad(1)).toBe(10n ** 18n);
    expect(usdWad(4.1)).toBe(4_100_000_000_000_000_000n);
    expect(usdValue(5n * USDT, 6, usdWad(1))).toBe(5n * 10n ** 18n);
    expect(() => usdWad(-1)).toThrow(RangeError);
    expect(() => usdWad(Number.NaN)).toThrow(RangeError);
  });

  it("values a position: refund right + expected rewards of the days left", () => {
    const v = positionCollateralValue(collateral, 150);
    expect(v.refundRight).toBe(50n * USDT); // 100 - ceil(100 * 50 / 100)
    expect(v.daysLeft).toBe(51); // days 150..200
    expect(v.expectedRewards).toBe((51n * IFIL) / 10n); // 0.1 IFIL a day
    expect(v.refundUsd).toBe(50n * 10n ** 18n);
    expect(v.rewardsUsd).toBe(204n * 10n ** 17n); // 5.1 IFIL x $4 = $20.4
    expect(v.totalUsd).toBe(704n * 10n ** 17n);
    // 35.2 USDT of debt: exactly 50%
    expect(ltvBps(usdValue(35_200_000n, 6, usdWad(1)), v.totalUsd)).toBe(5_000n);
    // rounded up: 35.200001 USDT -> 5001
    expect(ltvBps(usdValue(35_200_001n, 6, usdWad(1)), v.totalUsd)).toBe(5_001n);
    expect(positionCollateralValue({ ...collateral, refunded: true }, 150).refundRight).toBe(0n);
    expect(positionCollateralValue(collateral, 201).totalUsd).toBe(0n);
    expect(ltvBps(1n, 0n)).toBeNull();
    expect(ltvBps(0n, 0n)).toBe(0n);
  });

  it("values token collateral: amount x price", () => {
    // 0.5 WBTC at $60,000 = $30,000; 15,000 USDT of debt is 50%
    const v = tokenCollateralValue(WBTC / 2n, 8, usdWad(60_000));
    expect(v).toBe(30_000n * 10n ** 18n);
    expect(ltvBps(usdValue(15_000n * USDT, 6, usdWad(1)), v)).toBe(5_000n);
    // 2.5 IFIL at $4 = $10
    expect(tokenCollateralValue((5n * IFIL) / 2n, 18, usdWad(4))).toBe(10n * 10n ** 18n);
  });

  it("forecasts the day the LTV reaches a line as the term runs out", () => {
    // 35.2 USDT at 0% from day 150: LTV 50% today, rising as collateral falls ($70.4 -> $0 over 51 days)
    const zero = loan({
      principal: 35_200_000n,
      aprBps: 0n,
      lastAccrual: 150n * DAY,
      dueTime: 300n * DAY,
    });
    const now = 150n * DAY;
    const at = forecastLtvCrossing({
      loan: zero,
      collateral,
      now,
      lineBps: 8_000n,
      currencyDecimals: 6,
      currencyUsdWad: usdWad(1),
    });
    // day 150+k: refund 100 - (50 + k) = 50 - k, rewards 0.4 * (51 - k): total 70.4 - 1.4k;
    // 35.2 / (70.4 - 1.4k) >= 0.8 <=> k >= 18.857: day 169
    expect(at?.time).toBe(now + 19n * DAY);
    expect(at?.ltvBps).toBeGreaterThanOrEqual(8_000n);
    // already above the line today
    expect(
      forecastLtvCrossing({
        loan: zero,
        collateral,
        now,
        lineBps: 4_000n,
        currencyDecimals: 6,
        currencyUsdWad: usdWad(1),
      })?.time,
    ).toBe(now);
    // no debt: never
    expect(
      forecastLtvCrossing({
        loan: { ...zero, principal: 0n },
        collateral,
        now,
        lineBps: 8_000n,
        currencyDecimals: 6,
        currencyUsdWad: usdWad(1),
      }),
    ).toBeNull();
  });
});
