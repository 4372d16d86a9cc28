// Day shares, the packed window and the flag rules (DelinquencyMath, DefaultMonitor.flaggable):
// figures worked out by hand, then the packed window against a plain list.
import { describe, expect, it } from "vitest";

import {
  amountForShare,
  belowMinimum,
  COUNT_BITS,
  decodeRecentShares,
  delinquency,
  encodeRecentShares,
  FULL_SHARE,
  isLow,
  MAX_WINDOW_DAYS,
  minimumShare,
  missedDaysOf,
  pushShare,
  SHARE_BITS,
  shareOf,
  windowShare,
  windowSum,
  type DelinquencyInput,
  type Thresholds,
} from "../src/delinquency.js";
import { dayRewardPerUnitWad } from "../src/rewards.js";
import { intIn, prng } from "./prng.js";

const E18 = 10n ** 18n;
const MARKET = 2n * 10n ** 33n; // 0.002 IFIL per unit per day, WAD-scaled
const T: Thresholds = {
  missedDaysThreshold: 7,
  windowDays: 7,
  minRewardRatioBps: 8000,
  minCoverageBps: 5000,
  postTermFlagDays: 10,
};

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
    for (const [units, market, share] of [
      [7n, 10n ** 18n + 1n, 500],
      [13n, 450_000_000_000_000n * E18 + 7n, 800],
      [1n, 50n * E18, 500],
      [999n, 3n * 10n ** 30n + 11n, 1000],
    ] as const) {
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
  });
});

describe("flag rules", () => {
  const base: DelinquencyInput = {
    status: "Active",
    unitsSold: 10n,
    lastCoveredDay: 100,
    termEndDay: 200,
    window: { shares: [] },
  };
  it("counts how long the oldest uncovered day has waited, past the term end too", () => {
    expect(missedDaysOf(99, 200, 100)).toBe(0);
    expect(missedDaysOf(99, 200, 101)).toBe(1);
    expect(missedDaysOf(195, 200, 203)).toBe(7);
    expect(missedDaysOf(199, 200, 250)).toBe(0); // every term day covered
  });
  it("fires the missed-deposit flag on lastCovered + 1 + 7", () => {
    expect(delinquency(base, 107, T).canFlag).toBe(false);
    expect(delinquency(base, 108, T)).toMatchObject({
      canFlag: true,
      reason: "MissedDeposits",
      missedDays: 7,
      missedFlagDay: 108,
    });
  });
  it("flags after the term for 10 days, then never", () => {
    const late = { ...base, lastCoveredDay: 195 };
    expect(delinquency(late, 203, T)).toMatchObject({
      canFlag: true,
      reason: "MissedDeposits",
      missedDays: 7,
      flagWindowEnd: 210,
    });
    expect(delinquency(late, 209, T).canFlag).toBe(true);
    expect(delinquency(late, 210, T)).toMatchObject({ canFlag: false, missedDays: 14, flagsAllowed: false });
    expect(delinquency({ ...base, lastCoveredDay: 199 }, 205, T)).toMatchObject({
      canFlag: false,
      missedDays: 0,
      missedFlagDay: null,
    });
  });
  it("fires on a low full window, never without units or while flagged", () => {
    const low = { ...base, window: { shares: [850, 600, 600, 600, 600, 600, 600] } };
    expect(delinquency(low, 101, T)).toMatchObject({
      canFlag: true,
      reason: "LowRewards",
      windowShare: 635,
      judged: 7,
      windowFull: true,
      low: true,
    });
    expect(delinquency({ ...low, lastCoveredDay: 199 }, 209, T).reason).toBe("LowRewards");
    expect(delinquency({ ...low, unitsSold: 0n }, 101, T).canFlag).toBe(false);
    expect(delinquency({ ...low, status: "Flagged" }, 101, T)).toMatchObject({ canFlag: false, windowShare: 635 });
    expect(delinquency({ ...low, window: { shares: [600, 600, 600] } }, 101, T)).toMatchObject({
      canFlag: false,
      judged: 3,
      windowShare: 0,
    });
  });
});

/** The window as a plain list, newest first, at most 8. */
class WindowRef {
  shares: number[] = [];
  push(share: number) {
    this.shares = [share, ...this.shares].slice(0, MAX_WINDOW_DAYS);
  }
  sum(windowDays: number) {
    return this.shares.slice(0, windowDays).reduce((a, b) => a + b, 0);
  }
  /** sum / windowDays < ratioBps / 10_000 of a full share, compared as fractions of integers. */
  low(windowDays: number, ratioBps: number) {
    return this.shares.length >= windowDays && this.sum(windowDays) * 10_000 < ratioBps * FULL_SHARE * windowDays;
  }
}

describe("window properties on random share sequences", () => {
  it("keeps the newest 8 shares with the count saturated, as a plain list would", () => {
    expect([COUNT_BITS, SHARE_BITS]).toEqual([4n, 10n]);
    for (let seed = 1; seed <= 30; seed++) {
      const rand = prng(5000 + seed);
      const ref = new WindowRef();
      let packed = 0n;
      for (let i = 0; i < 20; i++) {
        const share = intIn(rand, 0, FULL_SHARE);
        ref.push(share);
        packed = pushShare(packed, share);
        const w = decodeRecentShares(packed);
        expect(w.shares).toEqual(ref.shares);
        expect(encodeRecentShares(w)).toBe(packed);
        expect(packed < 1n << (COUNT_BITS + SHARE_BITS * BigInt(MAX_WINDOW_DAYS))).toBe(true);
        for (let windowDays = 1; windowDays <= MAX_WINDOW_DAYS; windowDays++) {
          const { sum, full } = windowSum(w, windowDays);
          expect([sum, full]).toEqual([ref.sum(windowDays), ref.shares.length >= windowDays]);
          for (const ratio of [1, 5000, 8000, 9999, 10_000]) {
            expect(isLow(w, windowDays, ratio), `seed ${seed} w ${windowDays} r ${ratio}`).toBe(
              ref.low(windowDays, ratio),
            );
          }
        }
      }
    }
  });

  it("judges the smallest deposit for a share exactly on random markets", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(7000 + seed);
      const units = BigInt(intIn(rand, 1, 5000));
      const market = BigInt(intIn(rand, 1, 1e9)) * 10n ** BigInt(intIn(rand, 18, 30)) + BigInt(intIn(rand, 0, 999));
      const share = intIn(rand, 1, FULL_SHARE);
      const amount = amountForShare(units, market, share);
      expect(shareOf(dayRewardPerUnitWad(amount, units), market), `seed ${seed}`).toBeGreaterThanOrEqual(share);
      expect(shareOf(dayRewardPerUnitWad(amount - 1n, units), market), `seed ${seed}`).toBeLessThan(share);
    }
  });
});

describe("flaggable with short thresholds", () => {
  const t: Thresholds = {
    missedDaysThreshold: 3,
    windowDays: 3,
    minRewardRatioBps: 8000,
    minCoverageBps: 5000,
    postTermFlagDays: 5,
  };
  const low = decodeRecentShares([1000, 600, 700].reduce((r, s) => pushShare(r, s), 0n));
  const o: DelinquencyInput = { status: "Active", unitsSold: 10n, lastCoveredDay: 104, termEndDay: 110, window: low };
  const flag = (over: Partial<DelinquencyInput>, today: number, th = t) => {
    const d = delinquency({ ...o, ...over }, today, th);
    return { canFlag: d.canFlag, reason: d.reason, missedDays: d.missedDays, windowShare: d.windowShare };
  };

  it("counts missed days from the oldest uncovered term day, past the term end too", () => {
    expect([104, 105, 106, 107, 108].map((day) => missedDaysOf(104, 110, day))).toEqual([0, 0, 1, 2, 3]);
    expect(missedDaysOf(108, 110, 115)).toBe(6);
    expect(missedDaysOf(109, 110, 115)).toBe(0);
  });

  it("flags missed deposits before a low window, and nothing outside the flag period", () => {
    expect(flag({}, 106)).toEqual({ canFlag: true, reason: "LowRewards", missedDays: 1, windowShare: 766 });
    expect(flag({}, 108)).toEqual({ canFlag: true, reason: "MissedDeposits", missedDays: 3, windowShare: 766 });
    expect(flag({ lastCoveredDay: 106 }, 114)).toEqual({
      canFlag: true,
      reason: "MissedDeposits",
      missedDays: 7,
      windowShare: 766,
    });
    expect(flag({ lastCoveredDay: 106 }, 115).canFlag).toBe(false);
    expect(flag({ status: "Flagged" }, 108)).toEqual({
      canFlag: false,
      reason: "None",
      missedDays: 3,
      windowShare: 766,
    });
    expect(flag({ unitsSold: 0n }, 108).canFlag).toBe(false);
    expect(flag({ window: { shares: [] } }, 106)).toEqual({
      canFlag: false,
      reason: "None",
      missedDays: 1,
      windowShare: 0,
    });
    expect(flag({}, 106, { ...t, windowDays: 4 }).canFlag).toBe(false);
  });
});
