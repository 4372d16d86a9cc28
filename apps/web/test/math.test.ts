import { describe, expect, it } from "vitest";

import { daysLeftForBuyer, estimateApr, toTokens } from "~/lib/apr";
import { delinquency } from "~/lib/delinquency";
import { addPurchase, cohortRate, positionReleasedCeil, refundableOf, releasedToDate, startDayOf, type EscrowState } from "~/lib/escrow";
import { accAfterDeposit, claimable, dayRewardPerUnitWad, isBelowThreshold, suggestedDeposit } from "~/lib/rewards";

const E18 = 10n ** 18n;
const empty: EscrowState = {
  termStartDay: 100, termEndDay: 280, totalNet: 0n, pendingNet: 0n, pendingDay: 0, rateSum: 0n, rateDayProduct: 0n, status: "Active", flaggedDay: 0,
};

describe("escrow release", () => {
  it("releases net/duration per day from the start day, rounding down", () => {
    const o = addPurchase(empty, 98, 252_700_000n); // 7 units x 36.1 USDT, starts on day 100
    expect(releasedToDate(o, 100).released).toBe(0n);
    expect(releasedToDate(o, 101).released).toBe(1_403_888n); // floor(252.7e6 * 1e6 / 180) * 1 / 1e6
    expect(releasedToDate(o, 280)).toEqual({ released: 252_700_000n, day: 280 });
    expect(releasedToDate(o, 999).day).toBe(280);
  });

  it("freezes at the flag day while not active", () => {
    const o = { ...addPurchase(empty, 98, 180_000_000n), status: "Flagged" as const, flaggedDay: 110 };
    expect(releasedToDate(o, 150)).toEqual({ released: 10_000_000n, day: 110 });
  });

  it("rounds a position's release up so refunds never exceed what escrow holds", () => {
    expect(positionReleasedCeil(10n, 0, 3, 1)).toBe(4n);
    expect(refundableOf(10n, 0, 3, 1)).toBe(6n);
    expect(refundableOf(10n, 0, 3, 0)).toBe(10n);
    expect(refundableOf(10n, 0, 3, 5)).toBe(0n);
  });

  it("folds the pending cohort when a later day's purchase arrives", () => {
    let o = addPurchase(empty, 110, 100n);
    expect(o.pendingDay).toBe(111);
    o = addPurchase(o, 111, 50n);
    expect(o.rateSum).toBe(cohortRate(100n, 280 - 111));
    expect(o.pendingNet).toBe(50n);
    expect(o.pendingDay).toBe(112);
    expect(startDayOf(50, 100)).toBe(100);
    expect(startDayOf(150, 100)).toBe(151);
  });
});

describe("rewards", () => {
  it("accumulates with 1e12 precision and pays units x delta rounded down", () => {
    const acc = accAfterDeposit(0n, 10n, 3n); // 3.333... per unit
    expect(acc).toBe(3_333_333_333_333n);
    expect(claimable(1n, acc, 0n)).toBe(3n);
    expect(claimable(3n, acc, 0n)).toBe(9n); // one base unit stays as dust, as on chain
    expect(claimable(2n, acc, acc)).toBe(0n);
  });

  it("judges a day against the market ratio exactly at the boundary", () => {
    const market = (2n * E18 * E18) / 1000n;
    expect(isBelowThreshold(dayRewardPerUnitWad(16n * 10n ** 15n, 10n), market, 8000)).toBe(false);
    expect(isBelowThreshold(dayRewardPerUnitWad(16n * 10n ** 15n - 1n, 10n), market, 8000)).toBe(true);
  });

  it("suggests units x expected reward, rounded up", () => {
    expect(suggestedDeposit(3n, 450_000_000_000_000n * E18)).toBe(1_350_000_000_000_000n);
    expect(suggestedDeposit(3n, 1n)).toBe(1n);
    expect(suggestedDeposit(0n, 5n)).toBe(0n);
  });
});

describe("delinquency", () => {
  const t = { missedDaysThreshold: 7, lowStreakThreshold: 7, minRewardRatioBps: 8000 };
  const base = { status: "Active" as const, unitsSold: 10n, lastCoveredDay: 100, lowStreak: 0, termEndDay: 200 };
  it("fires the missed-deposit flag on lastCovered + 1 + threshold", () => {
    expect(delinquency(base, 107, t).canFlag).toBe(false);
    const d = delinquency(base, 108, t);
    expect(d).toMatchObject({ canFlag: true, reason: "MissedDeposits", missedDays: 7, missedFlagDay: 108 });
  });
  it("fires on a low streak, never after the term or without units", () => {
    expect(delinquency({ ...base, lowStreak: 7 }, 101, t).reason).toBe("LowRewards");
    expect(delinquency({ ...base, lowStreak: 7 }, 200, t).canFlag).toBe(false);
    expect(delinquency({ ...base, unitsSold: 0n }, 150, t).canFlag).toBe(false);
    expect(delinquency({ ...base, status: "Flagged" }, 150, t).canFlag).toBe(false);
  });
});

describe("APR estimate", () => {
  const seedFil = {
    expectedDailyRewardPerUnitWad: 450_000_000_000_000n * E18, // 0.00045 IFIL / TiB / day
    rewardDecimals: 18,
    pricePerUnit: 420_000n, // 0.42 USDT
    paymentDecimals: 6,
    paymentTokenPrice: 1,
  };
  it("compares rewards over the days left with the price paid", () => {
    // 0.00045 x 180 x $4 = $0.324 for $0.42: -22.9% over 180 days -> -46.3% a year
    const r = estimateApr({ ...seedFil, rewardTokenPrice: 4, daysLeft: 180 });
    expect(r.rewardsValue).toBeCloseTo(0.324, 10);
    expect(r.cost).toBeCloseTo(0.42, 10);
    expect(r.apr).toBeCloseTo(((0.324 - 0.42) / 0.42) * (365 / 180), 10);
  });
  it("is positive when rewards beat the price and null when it cannot be estimated", () => {
    expect(estimateApr({ ...seedFil, rewardTokenPrice: 10, daysLeft: 180 }).apr).toBeCloseTo(((0.81 - 0.42) / 0.42) * (365 / 180), 10);
    expect(estimateApr({ ...seedFil, rewardTokenPrice: 10, daysLeft: 0 }).apr).toBeNull();
    expect(estimateApr({ ...seedFil, rewardTokenPrice: Number.NaN, daysLeft: 10 }).apr).toBeNull();
  });
  it("keeps sub-wei expectations and 8-decimal tokens exact enough", () => {
    const btc = estimateApr({ expectedDailyRewardPerUnitWad: 50n * E18, rewardDecimals: 8, pricePerUnit: 8_500_000n, paymentDecimals: 6, paymentTokenPrice: 1, rewardTokenPrice: 100_000, daysLeft: 178 });
    expect(btc.dailyReward).toBeCloseTo(5e-7, 15);
    expect(toTokens(123_456_789n, 6)).toBeCloseTo(123.456789, 9);
  });
  it("counts the reward days a purchase today gets", () => {
    expect(daysLeftForBuyer(10, 12, 192)).toBe(180);
    expect(daysLeftForBuyer(50, 12, 192)).toBe(141);
    expect(daysLeftForBuyer(300, 12, 192)).toBe(0);
  });
});
