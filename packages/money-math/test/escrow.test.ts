// Escrow release, holdback and refunds: figures worked out by hand, then properties against
// references written differently (release by search instead of division, the holdback and the
// freeze by scanning days).
import { describe, expect, it } from "vitest";

import { dayOf, SECONDS_PER_DAY } from "../src/days.js";
import {
  escrowSplit,
  heldBackDay,
  holdbackDay,
  holdbackStatus,
  positionReleasedCeil,
  refundableOf,
  released,
  releaseDay,
  releasedToDate,
  withdrawableEscrow,
  type EscrowState,
  type OfferingStatusName,
} from "../src/escrow.js";
import { intIn, prng } from "./prng.js";

// 7 units x 36.1 USDT bought before a [100, 280) term.
const o: EscrowState = {
  termStartDay: 100,
  termEndDay: 280,
  totalNet: 252_700_000n,
  status: "Active",
  frozenDay: 0,
  holdbackDays: 7,
  lastCoveredDay: 99,
};

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
    expect(holdbackStatus({ ...o, lastCoveredDay: 271 }, 270)).toMatchObject({
      zoneStart: 273,
      inZone: false,
      heldDays: 0,
      nextToCover: null,
    });
    expect(holdbackStatus({ ...o, lastCoveredDay: 274 }, 278)).toMatchObject({
      inZone: true,
      heldDays: 3,
      releasedDay: 275,
      nextToCover: 275,
    });
    expect(holdbackStatus({ ...o, lastCoveredDay: 260 }, 285)).toMatchObject({
      heldDays: 7,
      releasedDay: 273,
      nextToCover: 273,
    });
    expect(holdbackStatus({ ...o, lastCoveredDay: 279 }, 285)).toMatchObject({ heldDays: 0, releasedDay: 280 });
  });
});

describe("withdrawals, splits and days", () => {
  it("subtracts what was withdrawn and splits released / held / refunded", () => {
    const covered = { ...o, lastCoveredDay: 200 };
    expect(withdrawableEscrow({ ...covered, withdrawn: 70_000_000n }, 150)).toBe(194_444n);
    expect(escrowSplit({ ...covered, refunded: 0n }, 150)).toEqual({
      released: 70_194_444n,
      held: 182_505_556n,
      refunded: 0n,
      day: 150,
    });
    const halted = { ...covered, status: "Halted" as const, frozenDay: 110, refunded: 300_000_000n };
    expect(escrowSplit(halted, 150).held).toBe(0n); // never negative
  });

  it("uses the contract's day: timestamp / 86400, for numbers and bigints", () => {
    expect(dayOf(SECONDS_PER_DAY * 20_000 + 86_399)).toBe(20_000);
    expect(dayOf(BigInt(SECONDS_PER_DAY) * 20_000n)).toBe(20_000);
    expect(dayOf(0)).toBe(0);
  });
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
function heldBackRef(e: EscrowState, today: number): number {
  const zoneStart = e.termEndDay - e.holdbackDays;
  for (let t = today; ; t--) if (t <= zoneStart || t <= e.lastCoveredDay + 1) return t;
}

function releaseDayRef(e: EscrowState, today: number): number {
  const frozen = e.status !== "Active" && e.frozenDay < today;
  return Math.min(frozen ? e.frozenDay : heldBackRef(e, today), e.termEndDay);
}

describe("escrow properties on random offerings", () => {
  it("release day and amount match the references on every day around the term", () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = prng(seed);
      const termStartDay = 20_000 + intIn(rand, 0, 4);
      const termDays = intIn(rand, 1, 40);
      const termEndDay = termStartDay + termDays;
      const e: EscrowState = {
        termStartDay,
        termEndDay,
        holdbackDays: Math.min(termDays, intIn(rand, 0, 11)),
        lastCoveredDay: termStartDay - 1 + intIn(rand, 0, termDays),
        totalNet: BigInt(intIn(rand, 1, 1e9)) * 997n + BigInt(intIn(rand, 0, 12)),
        status: (["Active", "Flagged", "Halted"] as const satisfies readonly OfferingStatusName[])[intIn(rand, 0, 2)]!,
        frozenDay: termStartDay - 2 + intIn(rand, 0, termDays + 7),
      };
      let previous = 0n;
      for (let t = termStartDay - 2; t <= termEndDay + 12; t++) {
        const at = `seed ${seed} day ${t}`;
        const day = releaseDayRef(e, t);
        const r = releasedToDate(e, t);
        expect(r.day, at).toBe(day);
        expect(Math.min(releaseDay(e, t), termEndDay), at).toBe(day);
        expect(r.released, at).toBe(releasedRef(e.totalNet, termStartDay, termEndDay, day));
        expect(heldBackDay(e, t), at).toBe(heldBackRef(e, t));
        expect(holdbackDay(t, termEndDay, e.holdbackDays, e.lastCoveredDay), at).toBe(heldBackRef(e, t));
        // Release never goes back with time and never passes the escrow.
        expect(r.released >= previous && r.released <= e.totalNet, at).toBe(true);
        previous = r.released;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("never refunds more in total than release left in escrow, and at most one base unit per position less", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(1000 + seed);
      const nets = Array.from({ length: intIn(rand, 1, 12) }, () => BigInt(intIn(rand, 1, 1e7)));
      const total = nets.reduce((a, b) => a + b, 0n);
      const start = 500;
      const end = start + intIn(rand, 1, 30);
      const frozen = start + intIn(rand, 0, end - start + 1);
      const refunds = nets.reduce((sum, net) => sum + refundableOf(net, start, end, frozen), 0n);
      const unreleased = total - released(total, start, end, frozen);
      expect(refunds <= unreleased, `seed ${seed}`).toBe(true);
      expect(unreleased - refunds <= BigInt(nets.length), `seed ${seed}`).toBe(true);
      for (const net of nets) {
        const ceil = positionReleasedCeil(net, start, end, frozen);
        expect(
          ceil >= releasedRef(net, start, end, frozen) && ceil - releasedRef(net, start, end, frozen) <= 1n,
          `seed ${seed}`,
        ).toBe(true);
      }
    }
  });
});
