// lib/escrow.js (the app's formulas) and src/utils/days.ts (the day arithmetic the AssemblyScript
// handlers run, compiled here on its own by graph-cli's AssemblyScript compiler) against
// hand-computed values and against references written differently: release by search instead of
// division, the holdback and the freeze by scanning days, the window as a plain array instead of
// packed bits, missed days by counting days. test/mapping.test.ts compares both with the
// contract's own views on a real chain.
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { beforeAll, describe, expect, it } from "vitest";

import {
  claimableRewards,
  dayOf,
  dayRewardPerUnitWad,
  flaggable,
  heldBackDay,
  holdbackDay,
  isLowWindow,
  isRateFinal,
  judgedDays,
  missedDays,
  positionReleasedCeil,
  pushShare,
  refundableOf,
  released,
  releaseDay,
  releasedToDate,
  shareAt,
  shareOf,
  windowShare,
  windowShares,
  windowSum,
  withdrawableEscrow,
} from "../lib/escrow.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PKG = join(HERE, "..");

type Offering = {
  status: "Active" | "Flagged" | "Halted";
  frozenDay: number;
  termStartDay: number;
  termEndDay: number;
  holdbackDays: number;
  lastCoveredDay: number;
  totalNet: bigint;
  withdrawn: bigint;
  unitsSold: bigint;
  recentShares: bigint;
};

const offering = (over: Partial<Offering> = {}): Offering => ({
  status: "Active",
  frozenDay: 0,
  termStartDay: 100,
  termEndDay: 110,
  holdbackDays: 3,
  lastCoveredDay: 99,
  totalNet: 1000n,
  withdrawn: 0n,
  unitsSold: 10n,
  recentShares: 0n,
  ...over,
});

// ------------------------------------------------------------------ independent references

/** floor(a * k / n) as the largest r with r * n <= a * k, found by binary search. */
function floorRef(a: bigint, k: bigint, n: bigint): bigint {
  let lo = 0n;
  let hi = a * k + 1n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (mid * n <= a * k) lo = mid;
    else hi = mid;
  }
  return lo;
}

function releasedRef(totalNet: bigint, start: number, end: number, day: number): bigint {
  const elapsed = Math.max(0, Math.min(day, end) - start);
  return floorRef(totalNet, BigInt(elapsed), BigInt(end - start));
}

/** Last day t <= today release may reach: every day up to the zone start, inside it only up to lastCoveredDay + 1. */
function heldBackRef(o: Offering, today: number): number {
  const zoneStart = o.termEndDay - o.holdbackDays;
  for (let t = today; ; t--) if (t <= zoneStart || t <= o.lastCoveredDay + 1) return t;
}

function releaseDayRef(o: Offering, today: number): number {
  const frozen = o.status !== "Active" && o.frozenDay < today;
  return Math.min(frozen ? o.frozenDay : heldBackRef(o, today), o.termEndDay);
}

/** Completed days from the oldest uncovered term day to yesterday, counted one by one. */
function missedRef(o: Offering, today: number): number {
  const oldest = o.lastCoveredDay + 1;
  if (oldest >= o.termEndDay) return 0;
  let n = 0;
  for (let d = oldest; d <= today - 1; d++) n++;
  return n;
}

/** The window as a plain list, newest first, at most 8. */
class WindowRef {
  shares: number[] = [];
  count = 0;
  push(share: number) {
    this.shares = [share, ...this.shares].slice(0, 8);
    this.count = Math.min(this.count + 1, 8);
  }
  sum(windowDays: number) {
    return this.shares.slice(0, Math.min(windowDays, this.count)).reduce((a, b) => a + b, 0);
  }
  low(windowDays: number, ratioBps: number) {
    // sum / windowDays < ratioBps / 10_000 per-mille ...: compare as fractions of integers.
    return this.count >= windowDays && this.sum(windowDays) * 10_000 < ratioBps * 1000 * windowDays;
  }
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

// ------------------------------------------------------------------ the AssemblyScript day functions

type DaysWasm = {
  holdbackDay(day: number, endDay: number, holdbackDays: number, lastCoveredDay: number): number;
  releaseDayOf(active: number, frozenDay: number, today: number, endDay: number, holdbackDays: number, lastCoveredDay: number): number;
  missedDaysOf(lastCoveredDay: number, endDay: number, today: number): number;
};
let wasm: DaysWasm;

beforeAll(async () => {
  // The compiler graph build uses (graph-cli's AssemblyScript), on src/utils/days.ts alone.
  const require = createRequire(realpathSync(join(PKG, "node_modules/@graphprotocol/graph-cli/package.json")));
  const asc = require("assemblyscript/cli/asc");
  await asc.ready;
  const { binary, stderr } = asc.compileString(
    { "days.ts": readFileSync(join(PKG, "src/utils/days.ts"), "utf8") },
    { runtime: "stub", optimizeLevel: 0 },
  );
  if (!binary) throw new Error(`days.ts did not compile: ${stderr}`);
  const { instance } = await WebAssembly.instantiate(binary, { env: { abort: () => { throw new Error("abort"); } } });
  wasm = instance.exports as unknown as DaysWasm;
});

const wasmReleaseDay = (o: Offering, today: number) =>
  wasm.releaseDayOf(o.status === "Active" ? 1 : 0, o.frozenDay, today, o.termEndDay, o.holdbackDays, o.lastCoveredDay);

// ------------------------------------------------------------------ tests

describe("released escrow: one cohort from termStartDay", () => {
  it("releases linearly, rounding the aggregate down, everything from the term end", () => {
    expect(released(1000n, 100, 110, 99)).toBe(0n);
    expect(released(1000n, 100, 110, 100)).toBe(0n);
    expect(released(1000n, 100, 110, 101)).toBe(100n);
    expect(released(1001n, 100, 110, 103)).toBe(300n); // 300.3
    expect(released(999n, 100, 107, 106)).toBe(856n); // 856.28...
    expect(released(1000n, 100, 110, 110)).toBe(1000n);
    expect(released("1000", "100", "110", "500")).toBe(1000n);
  });

  it("releases day by day while every day is covered (no holdback effect)", () => {
    const o = offering({ lastCoveredDay: 120 });
    expect([99, 100, 101, 105, 109, 110, 200].map((t) => releasedToDate(o, t))).toEqual([0n, 0n, 100n, 500n, 900n, 1000n, 1000n]);
    expect(releaseDay(o, 200)).toBe(110);
  });

  it("holds release back in the last holdbackDays until their deposits arrive", () => {
    // Term [100, 110), holdback 3: the zone starts at 107. Nothing covered yet (lastCoveredDay 99).
    const o = offering();
    expect(holdbackDay(106, 110, 3, 99)).toBe(106);
    expect(holdbackDay(108, 110, 3, 99)).toBe(107);
    expect(holdbackDay(200, 110, 3, 99)).toBe(107);
    expect(releasedToDate(o, 109)).toBe(700n);
    // Covered through day 107: release may reach 108.
    expect(releasedToDate({ ...o, lastCoveredDay: 107 }, 109)).toBe(800n);
    expect(releasedToDate({ ...o, lastCoveredDay: 107 }, 108)).toBe(800n);
    // The last day covered: everything, once the term is over.
    expect(releasedToDate({ ...o, lastCoveredDay: 109 }, 110)).toBe(1000n);
    expect(releasedToDate({ ...o, lastCoveredDay: 109 }, 109)).toBe(900n);
    expect(releaseDay({ ...o, lastCoveredDay: 108 }, 300)).toBe(109);
    // A holdback as long as the term: nothing passes lastCoveredDay + 1 at all.
    expect(holdbackDay(105, 110, 10, 101)).toBe(102);
  });

  it("freezes at frozenDay while flagged or halted and continues after a resume", () => {
    const o = offering({ status: "Flagged", frozenDay: 103, lastCoveredDay: 102 });
    expect(releasedToDate(o, 108)).toBe(300n);
    expect(releaseDay(o, 108)).toBe(103);
    expect(releasedToDate({ ...o, status: "Halted" }, 300)).toBe(300n);
    // On the flag day itself (frozenDay not yet past) release is what the holdback allows.
    expect(releaseDay(o, 103)).toBe(103);
    expect(releaseDay({ ...o, status: "Active" }, 106)).toBe(106);
    // A post-term flag under the holdback: frozen at lastCoveredDay + 1, before the flag day.
    const late = offering({ lastCoveredDay: 106 });
    expect(heldBackDay(late, 112)).toBe(107);
    expect(releasedToDate({ ...late, status: "Halted", frozenDay: heldBackDay(late, 112) }, 130)).toBe(700n);
  });

  it("subtracts what was withdrawn and accepts GraphQL shapes", () => {
    const o = offering({ withdrawn: 300n, lastCoveredDay: 104 });
    expect(withdrawableEscrow(o, 105)).toBe(200n);
    const asJson = JSON.parse(JSON.stringify(o, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    expect(releasedToDate(asJson, "105")).toBe(500n);
    expect(withdrawableEscrow(asJson, 105)).toBe(200n);
  });

  it("matches the references and the compiled AssemblyScript on random offerings", () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = prng(seed);
      const termStart = 20_000 + Math.floor(rand() * 5);
      const termDays = 1 + Math.floor(rand() * 40);
      const termEnd = termStart + termDays;
      const o = offering({
        termStartDay: termStart,
        termEndDay: termEnd,
        holdbackDays: Math.min(termDays, Math.floor(rand() * 12)),
        lastCoveredDay: termStart - 1 + Math.floor(rand() * (termDays + 1)),
        totalNet: BigInt(1 + Math.floor(rand() * 1e9)) * 997n + BigInt(Math.floor(rand() * 13)),
        status: (["Active", "Flagged", "Halted"] as const)[Math.floor(rand() * 3)],
      });
      o.frozenDay = termStart - 2 + Math.floor(rand() * (termDays + 8));
      for (let t = termStart - 2; t <= termEnd + 12; t++) {
        const day = releaseDayRef(o, t);
        expect(releaseDay(o, t), `seed ${seed} day ${t}`).toBe(day);
        expect(wasmReleaseDay(o, t), `seed ${seed} day ${t} (wasm)`).toBe(day);
        expect(releasedToDate(o, t), `seed ${seed} day ${t}`).toBe(releasedRef(o.totalNet, termStart, termEnd, day));
        expect(wasm.holdbackDay(t, termEnd, o.holdbackDays, o.lastCoveredDay)).toBe(heldBackRef(o, t));
        expect(heldBackDay(o, t)).toBe(heldBackRef(o, t));
        expect(missedDays(o, t), `seed ${seed} day ${t} missed`).toBe(missedRef(o, t));
        expect(wasm.missedDaysOf(o.lastCoveredDay, termEnd, t)).toBe(missedRef(o, t));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe("rewards and refunds", () => {
  it("computes claimable rewards with the 1e12 accumulator, rounding down", () => {
    expect(claimableRewards({ units: 3, rewardSnapshot: 0 }, { accRewardPerUnit: 10n ** 13n + 1n })).toBe(30n);
    expect(claimableRewards({ units: "3", rewardSnapshot: "10000000000000" }, { accRewardPerUnit: "10000000000001" })).toBe(0n);
    expect(claimableRewards({ units: 7, rewardSnapshot: 5n * 10n ** 11n }, { accRewardPerUnit: 2n * 10n ** 12n })).toBe(10n);
  });

  it("rounds a position's released amount up", () => {
    expect(positionReleasedCeil(1001n, 100, 110, 103)).toBe(301n);
    expect(positionReleasedCeil(1000n, 100, 110, 100)).toBe(0n);
    expect(positionReleasedCeil(1000n, 100, 110, 111)).toBe(1000n);
  });

  it("refunds net minus the ceil release at frozenDay, once, only when halted", () => {
    const halted = { status: "Halted", frozenDay: 103, termStartDay: 100, termEndDay: 110 };
    const position = { units: 10, netPaid: 1001n, refunded: false };
    expect(refundableOf(position, halted)).toBe(700n);
    expect(refundableOf({ ...position, refunded: true }, halted)).toBe(0n);
    expect(refundableOf(position, { ...halted, status: "Flagged" })).toBe(0n);
    expect(refundableOf(position, { ...halted, frozenDay: 99 })).toBe(1001n);
    expect(refundableOf(position, { ...halted, frozenDay: 110 })).toBe(0n);
  });

  it("never refunds more in total than release left in escrow", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(1000 + seed);
      const nets = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => BigInt(1 + Math.floor(rand() * 1e7)));
      const total = nets.reduce((a, b) => a + b, 0n);
      const start = 500;
      const end = start + 1 + Math.floor(rand() * 30);
      const frozen = start + Math.floor(rand() * (end - start + 2));
      const halted = { status: "Halted", frozenDay: frozen, termStartDay: start, termEndDay: end };
      const refunds = nets.reduce((sum, net) => sum + refundableOf({ units: 1, netPaid: net, refunded: false }, halted), 0n);
      const unreleased = total - released(total, start, end, frozen);
      expect(refunds <= unreleased, `seed ${seed}`).toBe(true);
      // Each position rounds its release up by under one base unit, the aggregate down by under one.
      expect(unreleased - refunds <= BigInt(nets.length), `seed ${seed}`).toBe(true);
    }
  });
});

describe("shares of the market and the judged window", () => {
  it("rounds a day's share down and caps it at 1000", () => {
    expect(shareOf(7n * 10n ** 32n, 10n ** 33n)).toBe(700);
    expect(shareOf(10n ** 33n - 1n, 10n ** 33n)).toBe(999);
    expect(shareOf(10n ** 40n, 10n ** 33n)).toBe(1000);
    expect(shareOf(0, 1)).toBe(0);
    expect(dayRewardPerUnitWad(30n * 10n ** 15n, 25)).toBe(12n * 10n ** 32n);
    expect(shareOf(dayRewardPerUnitWad(30n * 10n ** 15n, 25), 2n * 10n ** 33n)).toBe(600);
  });

  it("packs the count in bits 0-3 and the i-th newest share at bits 4+10i", () => {
    let recent = 0n;
    for (const share of [1000, 600, 700]) recent = pushShare(recent, share);
    expect(recent).toBe(3n | (700n << 4n) | (600n << 14n) | (1000n << 24n));
    expect(judgedDays(recent)).toBe(3);
    expect([shareAt(recent, 0), shareAt(recent, 1), shareAt(recent, 2)]).toEqual([700, 600, 1000]);
    expect(windowShares(recent)).toEqual([700, 600, 1000]);
    expect(windowSum(recent, 3)).toEqual({ sum: 2300, full: true });
    expect(windowSum(recent, 4)).toEqual({ sum: 2300, full: false });
    expect(windowShare(recent, 3)).toBe(766);
    expect(windowShare(recent, 4)).toBe(0);
    // 2300 * 10 < 8000 * 3: low; 2300 * 10 = 7666.6.. bps, so a 7600 bps threshold is not.
    expect(isLowWindow(recent, 3, 8000)).toBe(true);
    expect(isLowWindow(recent, 3, 7600)).toBe(false);
    expect(isLowWindow(recent, 4, 10_000)).toBe(false);
    expect(windowShares(String(recent))).toEqual([700, 600, 1000]);
  });

  it("keeps the newest 8 shares with the count saturated, as a plain list would", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rand = prng(5000 + seed);
      const ref = new WindowRef();
      let recent = 0n;
      for (let i = 0; i < 20; i++) {
        const share = Math.floor(rand() * 1001);
        ref.push(share);
        recent = pushShare(recent, share);
        expect(judgedDays(recent)).toBe(ref.count);
        expect(windowShares(recent)).toEqual(ref.shares);
        expect(recent < 1n << 84n).toBe(true);
        for (let windowDays = 1; windowDays <= 8; windowDays++) {
          const { sum, full } = windowSum(recent, windowDays);
          expect([sum, full]).toEqual([ref.sum(windowDays), ref.count >= windowDays]);
          for (const ratio of [1, 5000, 8000, 9999, 10_000]) {
            expect(isLowWindow(recent, windowDays, ratio), `seed ${seed} w ${windowDays} r ${ratio}`).toBe(ref.low(windowDays, ratio));
          }
        }
      }
    }
  });
});

describe("flaggable: the default rules on a given day", () => {
  const thresholds = { missedDaysThreshold: 3, windowDays: 3, minRewardRatioBps: 8000, postTermFlagDays: 5 };
  const low = [1000, 600, 700].reduce((r, s) => pushShare(r, s), 0n);

  it("counts missed days from the oldest uncovered term day, past the term end too", () => {
    const o = offering({ lastCoveredDay: 104 });
    expect([104, 105, 106, 107, 108].map((t) => missedDays(o, t))).toEqual([0, 0, 1, 2, 3]);
    expect(missedDays({ ...o, lastCoveredDay: 108 }, 115)).toBe(6);
    expect(missedDays({ ...o, lastCoveredDay: 109 }, 115)).toBe(0);
  });

  it("flags missed deposits before a low window, and nothing outside the flag period", () => {
    const o = offering({ lastCoveredDay: 104, recentShares: low });
    expect(flaggable(o, thresholds, 106)).toEqual({ canFlag: true, reason: "LowRewards", missedDays: 1, windowShare: 766 });
    expect(flaggable(o, thresholds, 108)).toEqual({ canFlag: true, reason: "MissedDeposits", missedDays: 3, windowShare: 766 });
    expect(flaggable({ ...o, lastCoveredDay: 106 }, thresholds, 114)).toEqual({ canFlag: true, reason: "MissedDeposits", missedDays: 7, windowShare: 766 });
    expect(flaggable({ ...o, lastCoveredDay: 106 }, thresholds, 115).canFlag).toBe(false);
    expect(flaggable({ ...o, status: "Flagged" }, thresholds, 108)).toEqual({ canFlag: false, reason: "None", missedDays: 3, windowShare: 766 });
    expect(flaggable({ ...o, unitsSold: 0n }, thresholds, 108).canFlag).toBe(false);
    expect(flaggable({ ...o, recentShares: 0n }, thresholds, 106)).toEqual({ canFlag: false, reason: "None", missedDays: 1, windowShare: 0 });
    expect(flaggable(o, { ...thresholds, windowDays: 4 }, 106).canFlag).toBe(false);
  });
});

describe("days and rates", () => {
  it("uses the contract's day and the oracle's correction window", () => {
    expect(dayOf(86400 * 20000 + 86399)).toBe(20000);
    expect(isRateFinal({ finalAt: "1000" }, 999)).toBe(false);
    expect(isRateFinal({ finalAt: 1000 }, 1000n)).toBe(true);
  });
});
