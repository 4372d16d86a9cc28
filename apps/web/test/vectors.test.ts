import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { EVENT, simulate, type EventKind, type SimEvent } from "~/lib/simulate";
import { buildVectors, fixture } from "~/scripts/gen-vectors";

/** The vectors forge replays against HashpowerExchange (test/unit/Vectors.t.sol). */
const file = fileURLToPath(new URL("../../../packages/contracts/test/vectors/exchange-scenarios.json", import.meta.url));
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
  lowStreak: number;
  missedDays: number;
  canFlag: boolean;
  startDays: number[];
  claimable: string[];
  refundable: string[];
}
const vectors = JSON.parse(readFileSync(file, "utf8")) as { offering: Record<string, string | number>; scenarios: Scenario[] };

describe("shared contract vectors", () => {
  it("records the forge fixture's offering", () => {
    expect(vectors.offering.termStartDay).toBe(fixture.termStartDay);
    expect(vectors.offering.pricePerUnit).toBe(fixture.pricePerUnit.toString());
    expect(vectors.scenarios.length).toBeGreaterThanOrEqual(5);
  });

  it("is what the generator writes today (regenerate with scripts/gen-vectors.ts)", () => {
    expect(JSON.parse(JSON.stringify(buildVectors()))).toEqual(vectors);
  });

  for (const sc of vectors.scenarios) {
    it(`lib reproduces: ${sc.name}`, () => {
      const events: SimEvent[] = sc.kinds.map((kind, i) => ({ kind: kind as EventKind, day: sc.days[i] ?? 0, value: BigInt(sc.values[i] ?? "0") }));
      const r = simulate(fixture, events, sc.checkDay);
      expect(r.released.toString()).toBe(sc.released);
      expect(r.releasedDay).toBe(sc.releasedDay);
      expect(r.withdrawable.toString()).toBe(sc.withdrawable);
      expect(r.accRewardPerUnit.toString()).toBe(sc.accRewardPerUnit);
      expect(r.lowStreak).toBe(sc.lowStreak);
      expect(r.missedDays).toBe(sc.missedDays);
      expect(r.canFlag).toBe(sc.canFlag);
      expect(r.positions.map((p) => p.startDay)).toEqual(sc.startDays);
      expect(r.positions.map((p) => p.claimable.toString())).toEqual(sc.claimable);
      expect(r.positions.map((p) => p.refundable.toString())).toEqual(sc.refundable);
    });
  }

  it("covers every event kind", () => {
    const kinds = new Set(vectors.scenarios.flatMap((s) => s.kinds));
    for (const k of Object.values(EVENT)) expect(kinds.has(k)).toBe(true);
  });
});
