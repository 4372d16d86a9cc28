import { describe, expect, it } from "vitest";

import {
  claimableRewards,
  cohortRate,
  dayOf,
  positionReleasedCeil,
  refundableOf,
  releaseDay,
  releasedToDate,
  withdrawableEscrow,
} from "../lib/escrow.js";

// EscrowMath.RATE_PRECISION, restated here so the reference below does not depend on lib/escrow.js.
const RP = 10n ** 6n;

type Offering = {
  status: string;
  flaggedDay: number;
  termStartDay: number;
  termEndDay: number;
  totalNet: bigint;
  pendingNet: bigint;
  pendingDay: number;
  rateSum: bigint;
  rateDayProduct: bigint;
  withdrawn: bigint;
  accRewardPerUnit: bigint;
};

function newOffering(termStartDay: number, termEndDay: number): Offering {
  return {
    status: "Active",
    flaggedDay: 0,
    termStartDay,
    termEndDay,
    totalNet: 0n,
    pendingNet: 0n,
    pendingDay: 0,
    rateSum: 0n,
    rateDayProduct: 0n,
    withdrawn: 0n,
    accRewardPerUnit: 0n,
  };
}

/** The contract's _buy escrow effect (what handlePositionPurchased replays in AssemblyScript). */
function buy(o: Offering, today: number, net: bigint): number {
  const startDay = Math.max(today + 1, o.termStartDay);
  let pendingNet = o.pendingNet;
  if (pendingNet !== 0n && o.pendingDay <= today) {
    const rate = (pendingNet * RP) / BigInt(o.termEndDay - o.pendingDay);
    o.rateSum += rate;
    o.rateDayProduct += rate * BigInt(o.pendingDay - o.termStartDay);
    pendingNet = 0n;
  }
  o.pendingNet = pendingNet + net;
  o.pendingDay = startDay;
  o.totalNet += net;
  return startDay;
}

/** Independent reference: explicit cohorts (one per start day), each released linearly. */
function referenceReleased(cohorts: Map<number, bigint>, o: Offering, today: number): bigint {
  const day = o.status !== "Active" && o.flaggedDay < today ? o.flaggedDay : today;
  const total = [...cohorts.values()].reduce((a, b) => a + b, 0n);
  if (day >= o.termEndDay) return total;
  let scaled = 0n;
  for (const [start, net] of cohorts) {
    if (start < day) scaled += ((net * RP) / BigInt(o.termEndDay - start)) * BigInt(day - start);
  }
  const released = scaled / RP;
  return released < total ? released : total;
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

describe("releasedToDate", () => {
  it("releases a pre-term purchase linearly from the term start", () => {
    const o = newOffering(100, 110);
    expect(buy(o, 95, 1000n)).toBe(100);
    expect(releasedToDate(o, 99)).toBe(0n);
    expect(releasedToDate(o, 100)).toBe(0n);
    expect(releasedToDate(o, 101)).toBe(100n);
    expect(releasedToDate(o, 105)).toBe(500n);
    expect(releasedToDate(o, 110)).toBe(1000n);
    expect(releasedToDate(o, 500)).toBe(1000n);
  });

  it("starts a purchase made during the term on the next day and rounds each cohort rate down", () => {
    const o = newOffering(100, 110);
    buy(o, 95, 1000n); // 100/day from day 100
    expect(buy(o, 104, 10n)).toBe(105); // 2/day from day 105 (pending until then)
    expect(releasedToDate(o, 105)).toBe(500n);
    expect(releasedToDate(o, 106)).toBe(602n);
    buy(o, 106, 7n); // folds the day-105 cohort; 7/4 per day from 107
    expect(o.rateSum).toBe(100n * RP + 2n * RP);
    expect(o.rateDayProduct).toBe(2n * RP * 5n);
    expect(releasedToDate(o, 108)).toBe((102n * 8n * RP - 10n * RP + ((7n * RP) / 3n) * 1n) / RP);
    expect(releasedToDate(o, 110)).toBe(1017n);
  });

  it("freezes at the flag day while flagged or halted and continues after a resume", () => {
    const o = newOffering(100, 110);
    buy(o, 95, 1000n);
    o.status = "Flagged";
    o.flaggedDay = 103;
    expect(releasedToDate(o, 108)).toBe(300n);
    expect(releaseDay(o, 108)).toBe(103);
    o.status = "Halted";
    expect(releasedToDate(o, 200)).toBe(300n);
    o.status = "Active";
    expect(releasedToDate(o, 108)).toBe(800n);
    expect(releaseDay(o, 200)).toBe(110);
  });

  it("matches explicit per-cohort release for random purchase histories", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(seed);
      const termStart = 1000 + Math.floor(rand() * 5);
      const termEnd = termStart + 2 + Math.floor(rand() * 60);
      const o = newOffering(termStart, termEnd);
      const cohorts = new Map<number, bigint>();
      let today = termStart - 3;
      for (let i = 0; i < 30 && today < termEnd - 1; i++) {
        const net = BigInt(1 + Math.floor(rand() * 1e9)) * 997n;
        const start = buy(o, today, net);
        cohorts.set(start, (cohorts.get(start) ?? 0n) + net);
        for (let t = today; t <= termEnd + 1; t++) {
          expect(releasedToDate(o, t), `seed ${seed} day ${t}`).toBe(referenceReleased(cohorts, o, t));
        }
        today += Math.floor(rand() * 3);
      }
      if (rand() < 0.5) {
        o.status = rand() < 0.5 ? "Flagged" : "Halted";
        o.flaggedDay = today;
        expect(releasedToDate(o, today + 5)).toBe(referenceReleased(cohorts, o, today + 5));
      }
    }
  });

  it("subtracts what was withdrawn", () => {
    const o = newOffering(100, 110);
    buy(o, 95, 1000n);
    o.withdrawn = 300n;
    expect(withdrawableEscrow(o, 105)).toBe(200n);
  });

  it("accepts GraphQL shapes (BigInt as strings)", () => {
    const o = newOffering(100, 110);
    buy(o, 95, 1000n);
    const asJson = JSON.parse(JSON.stringify(o, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
    expect(releasedToDate(asJson, "105")).toBe(500n);
  });
});

describe("rewards and refunds", () => {
  it("computes claimable rewards with the 1e12 accumulator, rounding down", () => {
    expect(claimableRewards({ units: 3, rewardSnapshot: 0 }, { accRewardPerUnit: 10n ** 13n + 1n })).toBe(30n);
    expect(claimableRewards({ units: "3", rewardSnapshot: "10000000000000" }, { accRewardPerUnit: "10000000000001" })).toBe(0n);
    expect(claimableRewards({ units: 7, rewardSnapshot: 5n * 10n ** 11n }, { accRewardPerUnit: 2n * 10n ** 12n })).toBe(10n);
  });

  it("rounds a position's released amount up so refunds never exceed the escrow left", () => {
    expect(positionReleasedCeil(1001n, 100, 110, 103)).toBe(301n);
    expect(positionReleasedCeil(1000n, 100, 110, 100)).toBe(0n);
    expect(positionReleasedCeil(1000n, 100, 110, 111)).toBe(1000n);
  });

  it("refunds the unreleased escrow of a position of a halted offering, once", () => {
    const halted = { status: "Halted", flaggedDay: 103, termEndDay: 110 };
    const position = { units: 10, rewardSnapshot: 0, netPaid: 1001n, startDay: 100, refunded: false };
    expect(refundableOf(position, halted)).toBe(700n);
    expect(refundableOf({ ...position, refunded: true }, halted)).toBe(0n);
    expect(refundableOf(position, { ...halted, status: "Flagged" })).toBe(0n);
    expect(refundableOf({ ...position, startDay: 105 }, halted)).toBe(1001n);
  });

  it("uses the contract's day and rate definitions", () => {
    expect(dayOf(86400 * 20000 + 86399)).toBe(20000);
    expect(cohortRate(10n, 3)).toBe((10n * RP) / 3n);
  });
});
