import { describe, expect, it } from "vitest";

import type { Thresholds } from "@dmex/money-math";

import { estimateApr, pricePerUnitDay, toTokens } from "~/lib/apr";
import { judgeDeposit, judgingRate, type OracleReads } from "~/lib/deposit";
import { formatPerMille } from "~/lib/format";
import { protection, thresholdsText } from "~/lib/protection";

// The escrow, reward, window and flag arithmetic itself is tested in packages/money-math; these are
// the app's figures built on it (APR, the next deposit, the protection sentences).
const E18 = 10n ** 18n;
const MARKET = 2n * 10n ** 33n; // 0.002 IFIL per unit per day, WAD-scaled
const T: Thresholds = {
  missedDaysThreshold: 7,
  windowDays: 7,
  minRewardRatioBps: 8000,
  minCoverageBps: 5000,
  postTermFlagDays: 10,
};

describe("per-mille shares in words", () => {
  it("prints one decimal", () => {
    expect(formatPerMille(643)).toBe("64.3%");
  });
});

describe("APR over the full term", () => {
  const fil = {
    dailyRewardPerUnitWad: 450_000_000_000_000n * E18,
    rewardDecimals: 18,
    pricePerUnit: 420_000n,
    paymentDecimals: 6,
    paymentTokenPrice: 1,
  };
  it("compares the term's rewards with the price paid", () => {
    // 0.00045 IFIL x 180 days x $5.50 = $0.4455 for $0.42: +6.07% over 180 days, +12.3% a year.
    const r = estimateApr({ ...fil, rewardTokenPrice: 5.5, termDays: 180 });
    expect(r.rewardsValue).toBeCloseTo(0.4455, 10);
    expect(r.cost).toBeCloseTo(0.42, 10);
    expect(r.apr).toBeCloseTo(0.123115, 5);
  });
  it("is negative only when the rewards do not pay the price, and null when it cannot be estimated", () => {
    expect(estimateApr({ ...fil, rewardTokenPrice: 4, termDays: 180 }).apr).toBeCloseTo(-0.463492, 5); // $0.324 for $0.42: -22.9% over 180 days
    expect(estimateApr({ ...fil, rewardTokenPrice: 5.5, termDays: 0 }).apr).toBeNull();
    expect(estimateApr({ ...fil, rewardTokenPrice: Number.NaN, termDays: 10 }).apr).toBeNull();
  });
  it("keeps sub-wei expectations and 8-decimal tokens exact enough", () => {
    const btc = estimateApr({
      dailyRewardPerUnitWad: 50n * E18,
      rewardDecimals: 8,
      pricePerUnit: 8_500_000n,
      paymentDecimals: 6,
      paymentTokenPrice: 1,
      rewardTokenPrice: 100_000,
      termDays: 180,
    });
    expect(btc.dailyReward).toBeCloseTo(5e-7, 15);
    expect(toTokens(123_456_789n, 6)).toBeCloseTo(123.456789, 9);
  });
  it("prices one unit for one day of mining", () => {
    expect(pricePerUnitDay(420_000n, 0, 180)).toBe(2_333n); // 0.42 USDT / 180 days
    expect(pricePerUnitDay(38_000_000n, 20_002, 20_182)).toBe(211_111n);
    expect(pricePerUnitDay(1n, 5, 5)).toBe(0n);
  });
});

describe("the next deposit, judged as depositReward will", () => {
  const reads = (over: Partial<OracleReads>): OracleReads => ({
    rateOf: { avgWad: 0n, final: false },
    latest: { avgWad: 0n, day: 0, reported: false },
    ...over,
  });
  it("uses the day's final report, the latest final one when the oracle is over a day late, or waits", () => {
    expect(judgingRate(100, 101, reads({ rateOf: { avgWad: MARKET, final: true } }))).toEqual({
      kind: "final",
      avgWad: MARKET,
      day: 100,
    });
    expect(judgingRate(100, 101, reads({ latest: { avgWad: 7n, day: 99, reported: true } }))).toEqual({
      kind: "waiting",
      day: 100,
    }); // not late yet
    expect(judgingRate(100, 102, reads({ latest: { avgWad: 7n, day: 99, reported: true } }))).toEqual({
      kind: "latest",
      avgWad: 7n,
      day: 100,
      reportDay: 99,
    });
    expect(judgingRate(100, 101, reads({ pendingFinalAt: 4_600 }))).toEqual({
      kind: "correctable",
      day: 100,
      finalAt: 4_600,
    });
    expect(judgingRate(100, 103, reads({}))).toEqual({ kind: "waiting", day: 100 }); // late, but no final report at all
    expect(judgingRate(100, 101, reads({ rateOf: undefined })).kind).toBe("loading");
  });
  it("gives the 50% and 80% amounts and flags a deposit the chain would refuse", () => {
    const j = judgeDeposit(10n, MARKET, T, 9_999_999_999_999_999n);
    expect([j.minimum, j.line, j.full]).toEqual([10n ** 16n, 16n * 10n ** 15n, 2n * 10n ** 16n]);
    expect(j).toMatchObject({ share: 499, belowMinimum: true });
    expect(judgeDeposit(10n, MARKET, T, 10n ** 16n)).toMatchObject({ share: 500, belowMinimum: false });
    expect(judgeDeposit(10n, MARKET, T, null).share).toBeNull();
  });
});

describe("buyer protection in words", () => {
  const input = {
    status: "Active" as const,
    unitsSold: 10n,
    termStartDay: 100,
    termEndDay: 280,
    lastCoveredDay: 140,
    holdbackDays: 7,
  };
  it("states the window with its running figure", () => {
    expect(protection({ ...input, window: { shares: [1000, 600, 600, 450, 600, 600, 651] } }, 142, T).window).toBe(
      "Paid 64.3% of the market over the last 7 judged days; flaggable below 80%.",
    );
    expect(protection({ ...input, window: { shares: [900, 900, 900, 900] } }, 142, T).window).toBe(
      "4 of 7 days judged so far; once 7 are, the offering is flaggable if they average below 80% of the market.",
    );
  });
  it("states the missed-deposit rule, the holdback and the post-term window", () => {
    const p = protection({ ...input, window: { shares: [] } }, 143, T);
    expect(p.missed).toBe(
      "Last deposit covered 1970-05-21; flaggable after 7 days without one, from 1970-05-29 (2 days waited so far).",
    );
    expect(p.minimum).toMatch(/^Each deposit covers one day and must pay at least 50% of the market average/);
    expect(p.holdbackText).toBe(
      "The last 7 days of escrow (from 1970-10-01) are released only as their rewards are deposited.",
    );
    expect(p.postTerm).toBe("A flag can still be raised until 1970-10-17, 10 days after the term ends (1970-10-08).");
    const end = protection({ ...input, lastCoveredDay: 275, window: { shares: [] } }, 282, T);
    expect(end.holdbackText).toMatch(/: release stands at 1970-10-04 until 1970-10-04 is covered\.$/);
    expect(protection({ ...input, window: { shares: [] } }, 290, T).postTerm).toBe(
      "The flag window closed on 1970-10-18, 10 days after the term.",
    );
    expect(protection({ ...input, lastCoveredDay: 279, window: { shares: [] } }, 290, T).missed).toMatch(
      /^Every term day is covered/,
    );
  });
  it("dates each judged day back from the last covered day", () => {
    expect(protection({ ...input, window: { shares: [800, 700] } }, 142, T).days).toEqual([
      { day: 140, share: 800 },
      { day: 139, share: 700 },
    ]);
  });
  it("words the five thresholds", () => {
    expect(thresholdsText(T)).toBe(
      "flag after 7 days without a deposit (also the end-of-term holdback of new offerings) or when the last 7 judged days average under 80% of the market; refuse deposits under 50% of the market; flags allowed until 10 days after a term ends",
    );
  });
});
