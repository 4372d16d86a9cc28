import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { buildVectors, fixture, formatVectors, VECTORS_FILE } from "../scripts/gen-vectors.js";
import { decodeRecentShares, windowShare } from "../src/delinquency.js";
import { EVENT, simulate, type EventKind, type SimEvent } from "../src/simulate.js";

/** The vectors forge replays against HashpowerExchange (test/unit/Vectors.t.sol). */
const file = VECTORS_FILE;
interface Scenario {
  name: string;
  kinds: number[];
  days: number[];
  values: string[];
  checkDay: number;
  released: string;
  releasedDay: number;
  withdrawable: string;
  accRewardPerUnit: string;
  windowShare: number;
  recentShares: string;
  missedDays: number;
  canFlag: boolean;
  startDays: number[];
  claimable: string[];
  claimed: string[];
  refundable: string[];
}
const text = readFileSync(file, "utf8");
const vectors = JSON.parse(text) as { offering: Record<string, string | number>; scenarios: Scenario[] };

/** The keys forge reads (test/unit/Vectors.t.sol); renaming one breaks the replay. */
const SCENARIO_KEYS = [
  "name",
  "kinds",
  "days",
  "values",
  "checkDay",
  "released",
  "releasedDay",
  "withdrawable",
  "accRewardPerUnit",
  "windowShare",
  "recentShares",
  "missedDays",
  "canFlag",
  "startDays",
  "claimable",
  "claimed",
  "refundable",
];

describe("shared contract vectors", () => {
  it("records the forge fixture's offering and thresholds", () => {
    expect(vectors.offering).toMatchObject({
      termStartDay: 20_002,
      termEndDay: 20_182,
      pricePerUnit: "38000000",
      feeBps: 500,
      marketAvgWad: "2000000000000000000000000000000000",
      missedDaysThreshold: 7,
      windowDays: 7,
      minRewardRatioBps: 8000,
      minCoverageBps: 5000,
      postTermFlagDays: 10,
    });
    expect(vectors.scenarios.length).toBeGreaterThanOrEqual(10);
    for (const sc of vectors.scenarios) expect(Object.keys(sc)).toEqual(SCENARIO_KEYS);
  });

  it("is what the generator writes today (regenerate with `pnpm --filter @dmex/money-math gen:vectors`)", () => {
    expect(JSON.parse(JSON.stringify(buildVectors()))).toEqual(vectors);
    expect(formatVectors(buildVectors())).toBe(text);
  });

  it("only buys before the term starts and keeps the window consistent with its packed form", () => {
    for (const sc of vectors.scenarios) {
      sc.kinds.forEach((k, i) => {
        if (k === EVENT.buy) expect(sc.days[i], sc.name).toBeLessThan(fixture.termStartDay);
      });
      expect(windowShare(decodeRecentShares(BigInt(sc.recentShares)), 7), sc.name).toBe(sc.windowShare);
      expect(
        sc.startDays.every((d) => d === fixture.termStartDay),
        sc.name,
      ).toBe(true);
    }
  });

  for (const sc of vectors.scenarios) {
    it(`the package reproduces: ${sc.name}`, () => {
      const events: SimEvent[] = sc.kinds.map((kind, i) => ({
        kind: kind as EventKind,
        day: sc.days[i] ?? 0,
        value: BigInt(sc.values[i] ?? "0"),
      }));
      const r = simulate(fixture, events, sc.checkDay);
      expect(r.released.toString()).toBe(sc.released);
      expect(r.releasedDay).toBe(sc.releasedDay);
      expect(r.withdrawable.toString()).toBe(sc.withdrawable);
      expect(r.accRewardPerUnit.toString()).toBe(sc.accRewardPerUnit);
      expect(r.windowShare).toBe(sc.windowShare);
      expect(r.recentShares.toString()).toBe(sc.recentShares);
      expect(r.missedDays).toBe(sc.missedDays);
      expect(r.canFlag).toBe(sc.canFlag);
      expect(r.positions.map((p) => p.startDay)).toEqual(sc.startDays);
      expect(r.positions.map((p) => p.claimable.toString())).toEqual(sc.claimable);
      expect(r.positions.map((p) => p.claimed.toString())).toEqual(sc.claimed);
      expect(r.positions.map((p) => p.refundable.toString())).toEqual(sc.refundable);
    });
  }

  it("covers every event kind", () => {
    const kinds = new Set(vectors.scenarios.flatMap((s) => s.kinds));
    for (const k of Object.values(EVENT)) expect(kinds.has(k)).toBe(true);
  });
});

/** Figures worked out by hand (not by the package) for scenarios whose rule matters most. */
describe("vector figures, independently", () => {
  const by = (prefix: string) => {
    const sc = vectors.scenarios.find((s) => s.name.startsWith(prefix));
    if (!sc) throw new Error(`no scenario "${prefix}"`);
    return sc;
  };
  it("splits rewards exactly by units: (0.03 + 0.024 + 0.03 capped-at-market... paid 0.099) IFIL over 15 units", () => {
    const sc = by("buyers before the term");
    // 0.03 + 0.024 + 0.045 IFIL = 0.099 IFIL over 15 units = 0.0066 IFIL per unit (the cap is on the share, not the money).
    expect(sc.accRewardPerUnit).toBe("6600000000000000000000000000");
    expect(sc.claimable).toEqual(["46200000000000000", "0", "33000000000000000"]);
    expect(sc.claimed).toEqual(["0", "19800000000000000", "0"]);
    // Day 20040: 38 of 180 days of 15 x 36.1 USDT = 114.316666 USDT; the oldest uncovered day (20005) has waited 35 days.
    expect([sc.released, sc.releasedDay, sc.missedDays, sc.canFlag, sc.windowShare]).toEqual([
      "114316666",
      20_040,
      35,
      true,
      0,
    ]);
  });
  it("flags a low window and refunds each position its unreleased escrow, rounded down", () => {
    const sc = by("low window");
    expect(sc.windowShare).toBe(635); // (6 x 600 + 850) / 7 = 635.7
    // Frozen on the flag day 20009: 7 of 180 days. 6 units: 216.6 USDT - ceil(8.423333) = 208.176666; 4 units: 144.4 - ceil(5.615555).
    expect(sc.refundable).toEqual(["208176666", "138784444"]);
    expect([sc.released, sc.releasedDay]).toEqual(["14038888", 20_009]);
  });
  it("holds back the last days of a miner that stopped 3 days before the end", () => {
    const sc = by("holdback: a miner stopping");
    // Covered to 20178: release stops at 20179 (177 of 180 days of 361 USDT = 354.983333), 6 days waited: not yet flaggable.
    expect([sc.released, sc.releasedDay, sc.missedDays, sc.canFlag]).toEqual(["354983333", 20_179, 6, false]);
  });
  it("flags after the term and refunds the held-back days", () => {
    const sc = by("post-term flag");
    // 11 units, 397.1 USDT, frozen at 20179: released 390.481666; 7 units refund 252.7 - ceil(248.488333), 4 units 144.4 - ceil(141.993333).
    expect([sc.released, sc.releasedDay]).toEqual(["390481666", 20_179]);
    expect(sc.refundable).toEqual(["4211666", "2406666"]);
  });
  it("closes the flag window 10 days after the term", () => {
    const sc = by("no deposit at all");
    // Never covered: release stops where the holdback starts (20175: 173 of 180 days of 180.5 USDT).
    expect([sc.released, sc.releasedDay, sc.missedDays, sc.canFlag]).toEqual(["173480555", 20_175, 190, false]);
    expect(by("post-term window").canFlag).toBe(true);
  });
});
