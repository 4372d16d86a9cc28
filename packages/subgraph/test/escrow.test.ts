// The subgraph's AssemblyScript copy of the escrow day arithmetic (src/utils/days.ts, compiled
// here on its own by graph-cli's AssemblyScript compiler) against the contracts' shared vectors
// (packages/contracts/test/vectors/exchange-scenarios.json, the file forge replays against
// HashpowerExchange), against @dmex/money-math and against references written differently
// (the holdback and the freeze by scanning days, missed days by counting them). Also the adapter
// test/indexed.ts (indexed entities -> @dmex/money-math) on GraphQL-shaped inputs.
// test/mapping.test.ts compares the compiled handlers' indexed state with the contract's own
// views and with @dmex/money-math on a real chain.
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  DEFAULT_THRESHOLDS,
  EVENT,
  heldBackDay,
  missedDaysOf,
  simulate,
  type EventKind,
  type OfferingParams,
  type SimEvent,
} from "@dmex/money-math";
import { beforeAll, describe, expect, it } from "vitest";

import {
  claimableRewards,
  dayOf,
  flaggable,
  isRateFinal,
  refundableOf,
  releaseDay,
  releasedToDate,
  withdrawableEscrow,
} from "./indexed";

const HERE = dirname(fileURLToPath(import.meta.url));
const PKG = join(HERE, "..");
const VECTORS = join(PKG, "../contracts/test/vectors/exchange-scenarios.json");

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
  releaseDayOf(
    active: number,
    frozenDay: number,
    today: number,
    endDay: number,
    holdbackDays: number,
    lastCoveredDay: number,
  ): number;
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
  const { instance } = await WebAssembly.instantiate(binary, {
    env: {
      abort: () => {
        throw new Error("abort");
      },
    },
  });
  wasm = instance.exports as unknown as DaysWasm;
});

const wasmReleaseDay = (o: Offering, today: number) =>
  wasm.releaseDayOf(o.status === "Active" ? 1 : 0, o.frozenDay, today, o.termEndDay, o.holdbackDays, o.lastCoveredDay);

// ------------------------------------------------------------------ tests

interface VectorScenario {
  name: string;
  kinds: number[];
  days: number[];
  values: string[];
  checkDay: number;
  releasedDay: number;
  missedDays: number;
  released: string;
  recentShares: string;
}
const vectors = JSON.parse(readFileSync(VECTORS, "utf8")) as {
  offering: Record<string, string | number>;
  scenarios: VectorScenario[];
};

/** The vectors' fixture offering as @dmex/money-math's replay parameters. */
function fixtureOf(o: Record<string, string | number>): OfferingParams {
  const n = (k: string) => Number(o[k]);
  return {
    termStartDay: n("termStartDay"),
    termEndDay: n("termEndDay"),
    pricePerUnit: BigInt(o.pricePerUnit!),
    feeBps: n("feeBps"),
    marketAvgWad: BigInt(o.marketAvgWad!),
    thresholds: {
      missedDaysThreshold: n("missedDaysThreshold"),
      windowDays: n("windowDays"),
      minRewardRatioBps: n("minRewardRatioBps"),
      minCoverageBps: n("minCoverageBps"),
      postTermFlagDays: n("postTermFlagDays"),
    },
  };
}

describe("the AssemblyScript day arithmetic on the contracts' shared vectors", () => {
  const fixture = fixtureOf(vectors.offering);

  it("uses the default thresholds the forge fixture uses", () => {
    expect(fixture.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(vectors.scenarios.length).toBeGreaterThanOrEqual(10);
  });

  for (const sc of vectors.scenarios) {
    it(`reaches the recorded release day and missed days: ${sc.name}`, () => {
      const events: SimEvent[] = sc.kinds.map((kind, i) => ({
        kind: kind as EventKind,
        day: sc.days[i]!,
        value: BigInt(sc.values[i]!),
      }));
      // The offering's stored state after the events (what the handlers index), then today's views.
      const s = simulate(fixture, events, sc.checkDay);
      expect([s.released.toString(), s.recentShares.toString()]).toEqual([sc.released, sc.recentShares]);
      const active = s.status === "Active" ? 1 : 0;
      expect(
        wasm.releaseDayOf(active, s.frozenDay, sc.checkDay, fixture.termEndDay, s.holdbackDays, s.lastCoveredDay),
      ).toBe(sc.releasedDay);
      expect(wasm.missedDaysOf(s.lastCoveredDay, fixture.termEndDay, sc.checkDay)).toBe(sc.missedDays);
      // A flag freezes release where the holdback stood on the flag day: the event carries that day, and
      // the AssemblyScript holdbackDay (which releaseDay uses every day) must reach the same one.
      const flagAt = sc.kinds.indexOf(EVENT.flag);
      if (flagAt >= 0) {
        const beforeFlag = simulate(fixture, events.slice(0, flagAt), sc.days[flagAt]!);
        const day = sc.days[flagAt]!;
        expect(wasm.holdbackDay(day, fixture.termEndDay, beforeFlag.holdbackDays, beforeFlag.lastCoveredDay)).toBe(
          s.frozenDay,
        );
      }
    });
  }
});

describe("the AssemblyScript day arithmetic on random offerings", () => {
  it("matches the references and @dmex/money-math (through test/indexed.ts) on every day around the term", () => {
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
        expect(wasm.holdbackDay(t, termEnd, o.holdbackDays, o.lastCoveredDay)).toBe(heldBackRef(o, t));
        expect(heldBackDay(o, t)).toBe(heldBackRef(o, t));
        expect(missedDaysOf(o.lastCoveredDay, termEnd, t), `seed ${seed} day ${t} missed`).toBe(missedRef(o, t));
        expect(wasm.missedDaysOf(o.lastCoveredDay, termEnd, t)).toBe(missedRef(o, t));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe("test/indexed.ts: the contract's views from GraphQL-shaped entities", () => {
  const asJson = <T>(value: T) =>
    JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));

  it("releases, holds back and freezes like the contract, from strings as from bigints", () => {
    const o = offering({ withdrawn: 300n, lastCoveredDay: 104 });
    expect(releasedToDate(o, 105)).toBe(500n);
    expect(withdrawableEscrow(o, 105)).toBe(200n);
    expect(releasedToDate(asJson(o), "105")).toBe(500n);
    expect(withdrawableEscrow(asJson(o), 105)).toBe(200n);
    expect(releaseDay(offering({ lastCoveredDay: 120 }), 200)).toBe(110); // capped at the term end
    expect(releasedToDate(offering(), 109)).toBe(700n); // held back at the zone start (107)
    expect(releasedToDate(offering({ status: "Flagged", frozenDay: 103, lastCoveredDay: 102 }), 108)).toBe(300n);
    expect(() => releasedToDate({ ...o, status: "None" }, 105)).toThrow(/no escrow/);
  });

  it("computes claimable rewards with the 1e12 accumulator, rounding down", () => {
    expect(claimableRewards({ units: 3, rewardSnapshot: 0 }, { accRewardPerUnit: 10n ** 13n + 1n })).toBe(30n);
    expect(
      claimableRewards({ units: "3", rewardSnapshot: "10000000000000" }, { accRewardPerUnit: "10000000000001" }),
    ).toBe(0n);
    expect(claimableRewards({ units: 7, rewardSnapshot: 5n * 10n ** 11n }, { accRewardPerUnit: 2n * 10n ** 12n })).toBe(
      10n,
    );
  });

  it("refunds net minus the ceil release at frozenDay, once, only when halted", () => {
    const halted = { status: "Halted", frozenDay: 103, termStartDay: 100, termEndDay: 110 };
    const position = { units: 10, netPaid: 1001n, refunded: false };
    expect(refundableOf(position, halted)).toBe(700n);
    expect(refundableOf(asJson(position), asJson(halted))).toBe(700n);
    expect(refundableOf({ ...position, refunded: true }, halted)).toBe(0n);
    expect(refundableOf({ ...position, units: "0" }, halted)).toBe(0n);
    expect(refundableOf(position, { ...halted, status: "Flagged" })).toBe(0n);
    expect(refundableOf(position, { ...halted, frozenDay: 99 })).toBe(1001n);
    expect(refundableOf(position, { ...halted, frozenDay: 110 })).toBe(0n);
  });

  it("answers flaggable from the Protocol entity's thresholds and the packed window", () => {
    const thresholds = { missedDaysThreshold: 3, windowDays: 3, minRewardRatioBps: 8000, postTermFlagDays: 5 };
    const low = 3n | (700n << 4n) | (600n << 14n) | (1000n << 24n); // 700, 600, 1000 newest first
    const o = offering({ lastCoveredDay: 104, recentShares: low });
    expect(flaggable(o, thresholds, 106)).toEqual({
      canFlag: true,
      reason: "LowRewards",
      missedDays: 1,
      windowShare: 766,
    });
    expect(flaggable(asJson(o), asJson(thresholds), "108")).toEqual({
      canFlag: true,
      reason: "MissedDeposits",
      missedDays: 3,
      windowShare: 766,
    });
    expect(flaggable({ ...o, status: "Flagged" }, thresholds, 108)).toEqual({
      canFlag: false,
      reason: "None",
      missedDays: 3,
      windowShare: 766,
    });
    expect(flaggable({ ...o, lastCoveredDay: 106 }, thresholds, 115).canFlag).toBe(false);
  });

  it("uses the contract's day and the oracle's correction window", () => {
    expect(dayOf(86400 * 20000 + 86399)).toBe(20000);
    expect(dayOf(String(86400 * 20000))).toBe(20000);
    expect(isRateFinal({ finalAt: "1000" }, 999)).toBe(false);
    expect(isRateFinal({ finalAt: 1000 }, 1000n)).toBe(true);
  });
});
