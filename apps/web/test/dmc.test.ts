// The DMC page's logic: whether the buyback can run now (FeeBuyback's checkpoint window, age, balance) and the
// price chart's geometry.
import { describe, expect, it } from "vitest";

import { buybackReadiness, durationText, type BuybackState } from "~/lib/dmc/buyback";
import { niceStep, priceChart } from "~/lib/dmc/chart";

const PAIR = "0x00000000000000000000000000000000000000a1";
const T = 1_800_000_000;
const base: BuybackState = {
  pair: PAIR,
  prevTimestamp: 0,
  lastTimestamp: T,
  minWindow: 1_800,
  maxAge: 2 * 86_400,
  maxSlippageBps: 100,
  maxInputBps: 20,
  balance: 5_000_000n,
  now: T + 3_600,
};

describe("buyback readiness", () => {
  it("is ready once the checkpoint is at least the window old, and says the bounds", () => {
    const r = buybackReadiness(base);
    expect(r).toMatchObject({ kind: "ready", window: 3_600 });
    expect(r.text).toMatch(/spans 1 h; one call swaps at most 0.2% of the pair's reserve .* less 1%/);
  });
  it("asks to wait while the window has not elapsed (Buyback_WindowTooShort)", () => {
    expect(buybackReadiness({ ...base, now: T + 600 })).toMatchObject({
      kind: "wait",
      seconds: 1_200,
      text: expect.stringMatching(/wait 20 min/),
    });
  });
  it("uses the older checkpoint when the newer is too fresh", () => {
    expect(buybackReadiness({ ...base, prevTimestamp: T - 3_000, lastTimestamp: T, now: T + 100 })).toMatchObject({
      kind: "ready",
      window: 3_100,
    });
    expect(buybackReadiness({ ...base, prevTimestamp: T - 1_000, lastTimestamp: T, now: T + 100 })).toMatchObject({
      kind: "wait",
      seconds: 700,
    });
  });
  it("waits, not re-observes, when a fresh checkpoint follows a stale one (the e2e's seeded state)", () => {
    // observe() would revert as too soon, and convert() as stale: only time helps
    expect(buybackReadiness({ ...base, prevTimestamp: T - 61 * 3_600, lastTimestamp: T, now: T + 60 })).toMatchObject({
      kind: "wait",
      seconds: 1_740,
      text: expect.stringMatching(/the one before it is past the 2 days limit: wait 29 min/),
    });
  });
  it("asks for a checkpoint when there is none or it is stale (Buyback_NoObservation, Buyback_StaleObservation)", () => {
    expect(buybackReadiness({ ...base, lastTimestamp: 0 })).toMatchObject({
      kind: "observe",
      text: expect.stringMatching(/No price checkpoint yet/),
    });
    expect(buybackReadiness({ ...base, now: T + 3 * 86_400 })).toMatchObject({
      kind: "observe",
      text: expect.stringMatching(/3 days old, past the 2 days limit/),
    });
  });
  it("says when there is nothing to convert or the token is not listed", () => {
    expect(buybackReadiness({ ...base, balance: 0n })).toMatchObject({ kind: "empty" });
    expect(buybackReadiness({ ...base, pair: "0x0000000000000000000000000000000000000000" })).toMatchObject({
      kind: "not-listed",
    });
  });
  it("writes durations plainly", () => {
    expect([
      durationText(30),
      durationText(1_800),
      durationText(3_900),
      durationText(7_200),
      durationText(172_800),
    ]).toEqual(["1 min", "30 min", "1 h 5 min", "2 h", "2 days"]);
  });
});

describe("price chart", () => {
  it("scales points into the box, price up, with round ticks", () => {
    const g = priceChart(
      [
        { time: 200, price: 0.3 },
        { time: 100, price: 0.2 },
        { time: 300, price: 0.25 },
      ],
      600,
      100,
    );
    if (g === null) throw new Error("no chart");
    expect(g.points.map((p) => p.time)).toEqual([100, 200, 300]);
    expect(g.points[0]?.x).toBe(0);
    expect(g.points[2]?.x).toBe(600);
    // the highest price is nearest the top
    expect((g.points[1]?.y ?? 0) < (g.points[0]?.y ?? 0)).toBe(true);
    expect(g.path.startsWith("M 0.0 ")).toBe(true);
    expect(g.ticks.every((t) => t.y >= 0 && t.y <= 100)).toBe(true);
    expect(g.ticks.length).toBeGreaterThanOrEqual(2);
  });
  it("draws a flat price in a band and nothing with fewer than two points", () => {
    const flat = priceChart(
      [
        { time: 1, price: 0.25 },
        { time: 2, price: 0.25 },
      ],
      100,
      100,
    );
    expect(flat?.points.every((p) => p.y === 50)).toBe(true);
    expect(priceChart([{ time: 1, price: 0.25 }], 100, 100)).toBeNull();
  });
  it("picks 1, 2 or 5 x 10^k steps", () => {
    expect(niceStep(0.12, 4)).toBeCloseTo(0.05);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0, 4)).toBe(1);
  });
});
