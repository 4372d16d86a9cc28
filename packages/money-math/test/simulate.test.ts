// The offering replay: it throws where the contract would revert, and its figures keep the
// escrow and reward books balanced on random lives.
import { describe, expect, it } from "vitest";

import { DEFAULT_THRESHOLDS, type Thresholds } from "../src/delinquency.js";
import { released } from "../src/escrow.js";
import {
  EVENT,
  holdbackDaysOf,
  netPricePerUnit,
  simulate,
  type OfferingParams,
  type SimEvent,
} from "../src/simulate.js";
import { intIn, prng } from "./prng.js";

const MARKET = 2n * 10n ** 33n; // 0.002 IFIL per unit per day, WAD-scaled
const T: Thresholds = {
  missedDaysThreshold: 7,
  windowDays: 7,
  minRewardRatioBps: 8000,
  minCoverageBps: 5000,
  postTermFlagDays: 10,
};

describe("simulation guards (what the contract would revert)", () => {
  const p = {
    termStartDay: 100,
    termEndDay: 280,
    pricePerUnit: 38_000_000n,
    feeBps: 500,
    marketAvgWad: MARKET,
    thresholds: T,
  };
  it("refuses a buy once the term started and a deposit under 50%", () => {
    expect(() => simulate(p, [{ kind: EVENT.buy, day: 100, value: 1n }], 100)).toThrow(/sale closed/);
    expect(() =>
      simulate(
        p,
        [
          { kind: EVENT.buy, day: 99, value: 10n },
          { kind: EVENT.deposit, day: 101, value: 10n ** 16n - 1n },
        ],
        101,
      ),
    ).toThrow(/DepositBelowMinimum/);
    expect(
      simulate(
        p,
        [
          { kind: EVENT.buy, day: 99, value: 10n },
          { kind: EVENT.deposit, day: 101, value: 10n ** 16n },
        ],
        101,
      ).windowShare,
    ).toBe(0);
  });
  it("freezes a flag raised in the holdback where release stood", () => {
    // Covered to 272, flagged on 281 (8 days waited, after the term): release froze at 273, not at 280.
    const deposits = Array.from({ length: 173 }, (_, i) => ({
      kind: EVENT.deposit,
      day: 101 + i,
      value: 2n * 10n ** 16n,
    }));
    const r = simulate(
      p,
      [
        { kind: EVENT.buy, day: 99, value: 10n },
        ...deposits,
        { kind: EVENT.flag, day: 281, value: 0n },
        { kind: EVENT.halt, day: 282, value: 0n },
      ],
      283,
    );
    expect(r.frozenDay).toBe(273);
    expect(r.positions[0]?.refundable).toBe(361_000_000n - 346_961_112n); // 361 - ceil(361 x 173 / 180) USDT
  });
});

describe("replay properties on random lives", () => {
  const p: OfferingParams = {
    termStartDay: 100,
    termEndDay: 130,
    pricePerUnit: 38_000_001n,
    feeBps: 500,
    marketAvgWad: MARKET,
    thresholds: DEFAULT_THRESHOLDS,
  };

  it("prices the net after the fee and snapshots the holdback", () => {
    expect(netPricePerUnit(38_000_000n, 500)).toBe(36_100_000n);
    expect(holdbackDaysOf(100, 103, T)).toBe(3);
    expect(holdbackDaysOf(100, 280, T)).toBe(7);
  });

  it("keeps released, withdrawable, refunds and rewards within what was paid in", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(9000 + seed);
      const events: SimEvent[] = [];
      const buys = intIn(rand, 1, 5);
      for (let i = 0; i < buys; i++)
        events.push({ kind: EVENT.buy, day: 98 + Math.min(i, 1), value: BigInt(intIn(rand, 1, 50)) });
      const units = events.reduce((s, e) => s + e.value, 0n);
      let deposited = 0n;
      const covered = intIn(rand, 0, 29);
      for (let d = 0; d < covered; d++) {
        // Between 50% and 150% of the market for the units sold: never refused.
        const amount = (units * 2_000_000_000_000_000n * BigInt(intIn(rand, 500, 1500))) / 1000n + 1n;
        events.push({ kind: EVENT.deposit, day: 101 + d, value: amount });
        deposited += amount;
      }
      const last = covered > 0 ? 100 + covered : 100;
      const checkDay = last + intIn(rand, 0, 20);
      const r = simulate(p, events, checkDay);
      const totalNet = units * netPricePerUnit(p.pricePerUnit, p.feeBps);
      expect(r.released <= totalNet && r.withdrawable === r.released, `seed ${seed}`).toBe(true);
      expect(r.released).toBe(released(totalNet, p.termStartDay, p.termEndDay, r.releasedDay));
      expect(r.lastCoveredDay).toBe(99 + covered);
      const owed = r.positions.reduce((s, x) => s + x.claimable + x.claimed, 0n);
      expect(owed <= deposited && deposited - owed <= BigInt(r.positions.length) + 1n, `seed ${seed}`).toBe(true);
      expect(r.status).toBe("Active");
      expect(r.positions.every((x) => x.refundable === 0n)).toBe(true);
    }
  });

  it("refunds a halted offering's holders no more than escrow still holds", () => {
    const events: SimEvent[] = [
      { kind: EVENT.buy, day: 98, value: 7n },
      { kind: EVENT.buy, day: 99, value: 11n },
      { kind: EVENT.buy, day: 99, value: 3n },
      { kind: EVENT.flag, day: 108, value: 0n },
      { kind: EVENT.halt, day: 109, value: 0n },
    ];
    const r = simulate(p, events, 120);
    const totalNet = 21n * netPricePerUnit(p.pricePerUnit, p.feeBps);
    const refunds = r.positions.reduce((s, x) => s + x.refundable, 0n);
    expect(r.status).toBe("Halted");
    expect(r.frozenDay).toBe(108);
    expect(refunds <= totalNet - r.released && totalNet - r.released - refunds <= 3n).toBe(true);
  });
});
