import { describe, expect, it } from "vitest";

import { estimateApr, pricePerUnitDay, toTokens } from "~/lib/apr";
import {
  amountForShare, belowMinimum, decodeRecentShares, delinquency, encodeRecentShares, isLow, minimumShare, missedDaysOf, pushShare, shareOf, windowShare, windowSum,
  type DelinquencyInput, type Thresholds,
} from "~/lib/delinquency";
import { judgeDeposit, judgingRate, type OracleReads } from "~/lib/deposit";
import { heldBackDay, holdbackDay, holdbackStatus, positionReleasedCeil, refundableOf, released, releasedToDate, type EscrowState } from "~/lib/escrow";
import { formatPerMille } from "~/lib/format";
import { accAfterDeposit, averagePaidPerUnitWad, claimable, dayRewardPerUnitWad, suggestedDeposit } from "~/lib/rewards";
import { protection, thresholdsText } from "~/lib/protection";
import { EVENT, simulate } from "~/lib/simulate";

const E18 = 10n ** 18n;
const MARKET = 2n * 10n ** 33n; // 0.002 IFIL per unit per day, WAD-scaled
const T: Thresholds = { missedDaysThreshold: 7, windowDays: 7, minRewardRatioBps: 8000, minCoverageBps: 5000, postTermFlagDays: 10 };
// 7 units x 36.1 USDT bought before a [100, 280) term.
const o: EscrowState = { termStartDay: 100, termEndDay: 280, totalNet: 252_700_000n, status: "Active", frozenDay: 0, holdbackDays: 7, lastCoveredDay: 99 };

describe("single-cohort escrow", () => {
  it("releases floor(totalNet x elapsed / termDays) from the term start", () => {
    expect(released(252_700_000n, 100, 280, 100)).toBe(0n);
    expect(released(252_700_000n, 100, 280, 101)).toBe(1_403_888n); // 1,403,888.9
    expect(released(252_700_000n, 100, 280, 190)).toBe(126_350_000n);
    expect(released(252_700_000n, 100, 280, 999)).toBe(252_700_000n);
    expect(releasedToDate(o, 150)).toEqual({ released: 70_194_444n, day: 150 }); // 50 days: 70,194,444.4
    expect(releasedToDate(o, 50)).toEqual({ released: 0n, day: 50 });
  });

  it("rounds a position's release up so refunds never exceed what escrow holds", () => {
    expect(positionReleasedCeil(10n, 0, 3, 1)).toBe(4n);
    expect(refundableOf(10n, 0, 3, 1)).toBe(6n);
    expect(refundableOf(10n, 0, 3, 0)).toBe(10n);
    expect(refundableOf(10n, 0, 3, 5)).toBe(0n);
    // Nets 7 and 11 over 3 days, frozen after 1: escrow keeps 18 - floor(6) = 12, refunds 4 + 7 = 11.
    expect(refundableOf(7n, 0, 3, 1) + refundableOf(11n, 0, 3, 1)).toBe(11n);
    expect(18n - released(18n, 0, 3, 1)).toBe(12n);
  });

  it("freezes at the frozen day while flagged or halted", () => {
    const flagged: EscrowState = { ...o, totalNet: 180_000_000n, status: "Flagged", frozenDay: 110 };
    expect(releasedToDate(flagged, 150)).toEqual({ released: 10_000_000n, day: 110 });
    expect(releasedToDate({ ...flagged, status: "Halted" }, 400)).toEqual({ released: 10_000_000n, day: 110 });
    // Flagged today (frozen day = today): nothing more than today's release.
    expect(releasedToDate(flagged, 110).day).toBe(110);
  });

  it("holds back the last 7 days of the term until they are covered", () => {
    // Zone [273, 280): release may not pass lastCoveredDay + 1 there, and never stops before 273.
    expect(holdbackDay(273, 280, 7, 200)).toBe(273);
    expect(holdbackDay(276, 280, 7, 270)).toBe(273);
    expect(holdbackDay(276, 280, 7, 274)).toBe(275);
    expect(holdbackDay(274, 280, 7, 274)).toBe(274);
    expect(holdbackDay(290, 280, 7, 279)).toBe(280);
    expect(heldBackDay({ ...o, lastCoveredDay: 150 }, 272)).toBe(272); // mid-term: no coverage needed
    // Covered to 276 (stopped 3 days before the end): at day 290 release stands at 277 = 177 of 180 days.
    expect(releasedToDate({ ...o, lastCoveredDay: 276 }, 290)).toEqual({ released: 248_488_333n, day: 277 });
    expect(releasedToDate({ ...o, lastCoveredDay: 279 }, 290)).toEqual({ released: 252_700_000n, day: 280 });
    // A one-day term holds back its only day.
    expect(releasedToDate({ ...o, termEndDay: 101, holdbackDays: 1 }, 105).day).toBe(100);
  });

  it("describes the holdback for the pages", () => {
    expect(holdbackStatus({ ...o, lastCoveredDay: 271 }, 270)).toMatchObject({ zoneStart: 273, inZone: false, heldDays: 0, nextToCover: null });
    expect(holdbackStatus({ ...o, lastCoveredDay: 274 }, 278)).toMatchObject({ inZone: true, heldDays: 3, releasedDay: 275, nextToCover: 275 });
    expect(holdbackStatus({ ...o, lastCoveredDay: 260 }, 285)).toMatchObject({ heldDays: 7, releasedDay: 273, nextToCover: 273 });
    expect(holdbackStatus({ ...o, lastCoveredDay: 279 }, 285)).toMatchObject({ heldDays: 0, releasedDay: 280 });
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

  it("suggests units x expected reward, rounded up", () => {
    expect(suggestedDeposit(3n, 450_000_000_000_000n * E18)).toBe(1_350_000_000_000_000n);
    expect(suggestedDeposit(3n, 1n)).toBe(1n);
    expect(suggestedDeposit(0n, 5n)).toBe(0n);
  });

  it("averages what was paid per unit per covered day", () => {
    // Two days at 0.00045 IFIL per unit: acc = 0.0009e18 x 1e12.
    expect(averagePaidPerUnitWad(9n * 10n ** 26n, 100, 101)).toBe(450_000_000_000_000n * E18);
    expect(averagePaidPerUnitWad(0n, 100, 99)).toBeNull();
  });
});

describe("day shares and the minimum", () => {
  it("judges a day's share per-mille, rounded down, capped at 100%", () => {
    expect(shareOf(dayRewardPerUnitWad(16n * 10n ** 15n, 10n), MARKET)).toBe(800);
    expect(shareOf(dayRewardPerUnitWad(16n * 10n ** 15n - 1n, 10n), MARKET)).toBe(799);
    expect(shareOf(dayRewardPerUnitWad(60n * 10n ** 15n, 10n), MARKET)).toBe(1000);
    expect(shareOf(1n, MARKET)).toBe(0);
  });

  it("refuses a day under 50% and finds the smallest deposit for a share", () => {
    expect(belowMinimum(499, 5000)).toBe(true);
    expect(belowMinimum(500, 5000)).toBe(false);
    expect(minimumShare(5000)).toBe(500);
    expect(minimumShare(5005)).toBe(501);
    expect(amountForShare(10n, MARKET, 500)).toBe(10n ** 16n); // 10 units x 0.001 IFIL
    expect(amountForShare(3n, MARKET, 800)).toBe(4_800_000_000_000_000n);
    expect(amountForShare(0n, MARKET, 800)).toBe(0n);
    // Property: the amount reaches the share and one base unit less does not (odd markets and unit counts).
    for (const [units, market, share] of [[7n, 10n ** 18n + 1n, 500], [13n, 450_000_000_000_000n * E18 + 7n, 800], [1n, 50n * E18, 500], [999n, 3n * 10n ** 30n + 11n, 1000]] as const) {
      const amount = amountForShare(units, market, share);
      expect(shareOf(dayRewardPerUnitWad(amount, units), market)).toBeGreaterThanOrEqual(share);
      expect(shareOf(dayRewardPerUnitWad(amount - 1n, units), market)).toBeLessThan(share);
    }
  });
});

describe("the judged window", () => {
  it("packs shares newest first beside a judged count, as the contract does", () => {
    const one = pushShare(0n, 600);
    expect(one).toBe(9_601n); // 600 << 4 | 1
    const two = pushShare(one, 850);
    expect(two).toBe(9_844_002n); // (600 << 10 | 850) << 4 | 2
    expect(decodeRecentShares(two).shares).toEqual([850, 600]);
    expect(encodeRecentShares({ shares: [850, 600] })).toBe(two);
    let packed = 0n;
    for (let i = 1; i <= 9; i++) packed = pushShare(packed, i * 100);
    expect(decodeRecentShares(packed).shares).toEqual([900, 800, 700, 600, 500, 400, 300, 200]); // count saturates at 8
    expect(() => pushShare(0n, 1001)).toThrow(RangeError);
  });

  it("averages the newest 7 judged days and compares exactly with 80%", () => {
    const seedLike = { shares: [850, 600, 600, 600, 600, 600, 600] };
    expect(windowSum(seedLike, 7)).toEqual({ sum: 4450, full: true, judged: 7 });
    expect(windowShare(seedLike, 7)).toBe(635);
    expect(isLow(seedLike, 7, 8000)).toBe(true);
    expect(isLow({ shares: Array(7).fill(800) }, 7, 8000)).toBe(false); // 5600 x 10 = 56000: not under
    expect(isLow({ shares: [799, ...Array(6).fill(800)] }, 7, 8000)).toBe(true);
    expect(windowShare({ shares: [1000, 600, 600, 600, 600, 600, 600] }, 7)).toBe(657); // a 300% day counts as 100%
    expect(windowShare({ shares: [600, 600, 600, 600] }, 7)).toBe(0); // 4 of 7 judged
    expect(isLow({ shares: [600, 600, 600, 600] }, 7, 8000)).toBe(false);
    expect(windowShare({ shares: [500, 500, 500, 500, 500, 1000, 1000, 1000] }, 5)).toBe(500); // only the newest 5
    expect(formatPerMille(643)).toBe("64.3%");
  });
});

describe("flag rules", () => {
  const base: DelinquencyInput = { status: "Active", unitsSold: 10n, lastCoveredDay: 100, termEndDay: 200, window: { shares: [] } };
  it("counts how long the oldest uncovered day has waited, past the term end too", () => {
    expect(missedDaysOf(99, 200, 100)).toBe(0);
    expect(missedDaysOf(99, 200, 101)).toBe(1);
    expect(missedDaysOf(195, 200, 203)).toBe(7);
    expect(missedDaysOf(199, 200, 250)).toBe(0); // every term day covered
  });
  it("fires the missed-deposit flag on lastCovered + 1 + 7", () => {
    expect(delinquency(base, 107, T).canFlag).toBe(false);
    expect(delinquency(base, 108, T)).toMatchObject({ canFlag: true, reason: "MissedDeposits", missedDays: 7, missedFlagDay: 108 });
  });
  it("flags after the term for 10 days, then never", () => {
    const late = { ...base, lastCoveredDay: 195 };
    expect(delinquency(late, 203, T)).toMatchObject({ canFlag: true, reason: "MissedDeposits", missedDays: 7, flagWindowEnd: 210 });
    expect(delinquency(late, 209, T).canFlag).toBe(true);
    expect(delinquency(late, 210, T)).toMatchObject({ canFlag: false, missedDays: 14, flagsAllowed: false });
    expect(delinquency({ ...base, lastCoveredDay: 199 }, 205, T)).toMatchObject({ canFlag: false, missedDays: 0, missedFlagDay: null });
  });
  it("fires on a low full window, never without units or while flagged", () => {
    const low = { ...base, window: { shares: [850, 600, 600, 600, 600, 600, 600] } };
    expect(delinquency(low, 101, T)).toMatchObject({ canFlag: true, reason: "LowRewards", windowShare: 635, judged: 7, windowFull: true, low: true });
    expect(delinquency({ ...low, lastCoveredDay: 199 }, 209, T).reason).toBe("LowRewards");
    expect(delinquency({ ...low, unitsSold: 0n }, 101, T).canFlag).toBe(false);
    expect(delinquency({ ...low, status: "Flagged" }, 101, T)).toMatchObject({ canFlag: false, windowShare: 635 });
    expect(delinquency({ ...low, window: { shares: [600, 600, 600] } }, 101, T)).toMatchObject({ canFlag: false, judged: 3, windowShare: 0 });
  });
});

describe("simulation guards (what the contract would revert)", () => {
  const p = { termStartDay: 100, termEndDay: 280, pricePerUnit: 38_000_000n, feeBps: 500, marketAvgWad: MARKET, thresholds: T };
  it("refuses a buy once the term started and a deposit under 50%", () => {
    expect(() => simulate(p, [{ kind: EVENT.buy, day: 100, value: 1n }], 100)).toThrow(/sale closed/);
    expect(() => simulate(p, [{ kind: EVENT.buy, day: 99, value: 10n }, { kind: EVENT.deposit, day: 101, value: 10n ** 16n - 1n }], 101)).toThrow(/DepositBelowMinimum/);
    expect(simulate(p, [{ kind: EVENT.buy, day: 99, value: 10n }, { kind: EVENT.deposit, day: 101, value: 10n ** 16n }], 101).windowShare).toBe(0);
  });
  it("freezes a flag raised in the holdback where release stood", () => {
    // Covered to 272, flagged on 281 (8 days waited, after the term): release froze at 273, not at 280.
    const deposits = Array.from({ length: 173 }, (_, i) => ({ kind: EVENT.deposit, day: 101 + i, value: 2n * 10n ** 16n }));
    const r = simulate(p, [{ kind: EVENT.buy, day: 99, value: 10n }, ...deposits, { kind: EVENT.flag, day: 281, value: 0n }, { kind: EVENT.halt, day: 282, value: 0n }], 283);
    expect(r.frozenDay).toBe(273);
    expect(r.positions[0]?.refundable).toBe(361_000_000n - 346_961_112n); // 361 - ceil(361 x 173 / 180) USDT
  });
});

describe("APR over the full term", () => {
  const fil = { dailyRewardPerUnitWad: 450_000_000_000_000n * E18, rewardDecimals: 18, pricePerUnit: 420_000n, paymentDecimals: 6, paymentTokenPrice: 1 };
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
    const btc = estimateApr({ dailyRewardPerUnitWad: 50n * E18, rewardDecimals: 8, pricePerUnit: 8_500_000n, paymentDecimals: 6, paymentTokenPrice: 1, rewardTokenPrice: 100_000, termDays: 180 });
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
  const reads = (over: Partial<OracleReads>): OracleReads => ({ rateOf: { avgWad: 0n, final: false }, latest: { avgWad: 0n, day: 0, reported: false }, ...over });
  it("uses the day's final report, the latest final one when the oracle is over a day late, or waits", () => {
    expect(judgingRate(100, 101, reads({ rateOf: { avgWad: MARKET, final: true } }))).toEqual({ kind: "final", avgWad: MARKET, day: 100 });
    expect(judgingRate(100, 101, reads({ latest: { avgWad: 7n, day: 99, reported: true } }))).toEqual({ kind: "waiting", day: 100 }); // not late yet
    expect(judgingRate(100, 102, reads({ latest: { avgWad: 7n, day: 99, reported: true } }))).toEqual({ kind: "latest", avgWad: 7n, day: 100, reportDay: 99 });
    expect(judgingRate(100, 101, reads({ pendingFinalAt: 4_600 }))).toEqual({ kind: "correctable", day: 100, finalAt: 4_600 });
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
  const input = { status: "Active" as const, unitsSold: 10n, termStartDay: 100, termEndDay: 280, lastCoveredDay: 140, holdbackDays: 7 };
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
    expect(p.missed).toBe("Last deposit covered 1970-05-21; flaggable after 7 days without one, from 1970-05-29 (2 days waited so far).");
    expect(p.minimum).toMatch(/^Each deposit covers one day and must pay at least 50% of the market average/);
    expect(p.holdbackText).toBe("The last 7 days of escrow (from 1970-10-01) are released only as their rewards are deposited.");
    expect(p.postTerm).toBe("A flag can still be raised until 1970-10-17, 10 days after the term ends (1970-10-08).");
    const end = protection({ ...input, lastCoveredDay: 275, window: { shares: [] } }, 282, T);
    expect(end.holdbackText).toMatch(/: release stands at 1970-10-04 until 1970-10-04 is covered\.$/);
    expect(protection({ ...input, window: { shares: [] } }, 290, T).postTerm).toBe("The flag window closed on 1970-10-18, 10 days after the term.");
    expect(protection({ ...input, lastCoveredDay: 279, window: { shares: [] } }, 290, T).missed).toMatch(/^Every term day is covered/);
  });
  it("dates each judged day back from the last covered day", () => {
    expect(protection({ ...input, window: { shares: [800, 700] } }, 142, T).days).toEqual([{ day: 140, share: 800 }, { day: 139, share: 700 }]);
  });
  it("words the five thresholds", () => {
    expect(thresholdsText(T)).toBe(
      "flag after 7 days without a deposit (also the end-of-term holdback of new offerings) or when the last 7 judged days average under 80% of the market; refuse deposits under 50% of the market; flags allowed until 10 days after a term ends",
    );
  });
});
