// DMC emission pools: earned ticking from one read (against a port of DmcEmissionPool's accumulator) and the APR.
import { describe, expect, it } from "vitest";

import {
  currentRate,
  dmcPerYear,
  EMISSION_PRECISION,
  EMISSION_YEAR_SECONDS,
  earnedAt,
  emissionApr,
  emittedSince,
  positionStakeWeight,
  type EmissionSnapshot,
} from "../src/emission.js";
import { WAD } from "../src/rewards.js";
import { intIn, prng } from "./prng.js";

const DMC = WAD;
/** The deploy's NFT staking rate: 6M DMC over 365 days (docs/decisions/0019). */
const RATE = 190_258_751_902_587_519n;

/**
 * A port of DmcEmissionPool's storage and `_load` / `_changeWeight` / `earned` (the contract's own rounding:
 * amount * 1e12 + remainder over the total weight, remainder carried; an account's pending truncated).
 */
class PoolModel {
  acc = 0n;
  emitted = 0n;
  last: bigint;
  total = 0n;
  remainder = 0n;
  readonly accounts = new Map<string, { weight: bigint; paid: bigint; earned: bigint }>();
  constructor(
    readonly rate: bigint,
    readonly budget: bigint,
    readonly start: bigint,
    readonly end: bigint,
  ) {
    this.last = start;
  }
  private load(now: bigint) {
    let { acc, emitted, remainder } = this;
    const to = now < this.end ? now : this.end;
    if (to <= this.last) return { acc, emitted, remainder, last: this.last };
    if (this.total !== 0n) {
      let amount = this.rate * (to - this.last);
      const left = this.budget - emitted;
      if (amount > left) amount = left;
      if (amount !== 0n) {
        const num = amount * EMISSION_PRECISION + remainder;
        acc += num / this.total;
        remainder = num % this.total;
        emitted += amount;
      }
    }
    return { acc, emitted, remainder, last: to };
  }
  private account(a: string) {
    let x = this.accounts.get(a);
    if (x === undefined) {
      x = { weight: 0n, paid: 0n, earned: 0n };
      this.accounts.set(a, x);
    }
    return x;
  }
  changeWeight(a: string, weight: bigint, now: bigint) {
    const p = this.load(now);
    const x = this.account(a);
    x.earned += (x.weight * (p.acc - x.paid)) / EMISSION_PRECISION;
    this.total += weight - x.weight;
    x.weight = weight;
    x.paid = p.acc;
    this.acc = p.acc;
    this.emitted = p.emitted;
    this.remainder = p.remainder;
    this.last = p.last;
  }
  earned(a: string, now: bigint): bigint {
    const p = this.load(now);
    const x = this.account(a);
    return x.earned + (x.weight * (p.acc - x.paid)) / EMISSION_PRECISION;
  }
  snapshot(a: string, now: bigint): EmissionSnapshot {
    return {
      at: now,
      earned: this.earned(a, now),
      weight: this.account(a).weight,
      totalWeight: this.total,
      rate: this.rate,
      emitted: this.load(now).emitted,
      budget: this.budget,
      start: this.start,
      end: this.end,
    };
  }
}

const base: EmissionSnapshot = {
  at: 1_000n,
  earned: 5n * DMC,
  weight: 1_000n,
  totalWeight: 4_000n,
  rate: DMC,
  emitted: 100n * DMC,
  budget: 1_000_000n * DMC,
  start: 0n,
  end: 1_000_000n,
};

describe("earned from one read", () => {
  it("adds the account's share of each second's DMC", () => {
    // 10 s at 1 DMC/s, a quarter of the weight: 2.5 DMC more.
    expect(earnedAt(base, 1_010n)).toBe(5n * DMC + (25n * DMC) / 10n);
    expect(earnedAt(base, 1_000n)).toBe(5n * DMC);
  });

  it("stops at the end of the period and at the budget", () => {
    expect(emittedSince({ ...base, end: 1_004n }, 2_000n)).toBe(4n * DMC);
    expect(emittedSince({ ...base, budget: 103n * DMC }, 2_000n)).toBe(3n * DMC);
    expect(earnedAt({ ...base, budget: 100n * DMC }, 2_000n)).toBe(5n * DMC);
  });

  it("emits nothing before the start or with nothing staked (that DMC stays in the bucket)", () => {
    expect(emittedSince({ ...base, start: 1_050n }, 1_040n)).toBe(0n);
    expect(emittedSince({ ...base, start: 1_050n }, 1_060n)).toBe(10n * DMC);
    expect(emittedSince({ ...base, weight: 0n, totalWeight: 0n }, 5_000n)).toBe(0n);
    expect(earnedAt({ ...base, weight: 0n }, 5_000n)).toBe(5n * DMC);
  });

  it("refuses an impossible snapshot", () => {
    expect(() => earnedAt({ ...base, weight: 5_000n }, 1_001n)).toThrow(/above the total weight/);
    expect(() => earnedAt({ ...base, emitted: base.budget + 1n }, 1_001n)).toThrow(/above the budget/);
    expect(() => earnedAt({ ...base, start: 10n, end: 10n }, 1_001n)).toThrow(/empty emission period/);
  });

  it("stays within (weight + remainder) / 1e12 + 2 wei of the contract's accumulator on random pools, stakes and reads", () => {
    const rand = prng(1913);
    for (let run = 0; run < 200; run++) {
      const start = BigInt(intIn(rand, 0, 1_000));
      const end = start + BigInt(intIn(rand, 100, 100_000));
      const rate = rand() < 0.5 ? RATE : BigInt(intIn(rand, 1, 10 ** 9)) * 1_000_000_007n;
      const budget = rand() < 0.3 ? rate * BigInt(intIn(rand, 10, 50_000)) : 6_000_000n * DMC;
      const pool = new PoolModel(rate, budget, start, end);
      let now = start;
      const names = ["a", "b", "c"];
      for (let step = 0; step < 6; step++) {
        now += BigInt(intIn(rand, 0, 5_000));
        const who = names[intIn(rand, 0, 2)] ?? "a";
        // weights of both kinds: LP wei (huge) and units x days (small)
        const weight =
          rand() < 0.5 ? BigInt(intIn(rand, 0, 3_000)) * 180n : BigInt(intIn(rand, 0, 10 ** 6)) * 10n ** 15n;
        pool.changeWeight(who, weight, now);
        const snap = pool.snapshot("a", now);
        const later = now + BigInt(intIn(rand, 0, 20_000));
        const exact = pool.earned("a", later);
        const projected = earnedAt(snap, later);
        const diff = exact > projected ? exact - projected : projected - exact;
        // the accumulator truncates each update to 1e-12 wei per unit of weight, and the next update spreads the
        // carried remainder (below the total weight it was divided by, in wei x 1e12)
        expect(diff).toBeLessThanOrEqual((snap.weight + pool.remainder) / EMISSION_PRECISION + 2n);
        // the pool never pays more than it emitted
        const all = names.reduce((s, n) => s + pool.earned(n, later), 0n);
        expect(all).toBeLessThanOrEqual(budget);
      }
    }
  });
});

describe("rewardRate", () => {
  it("is the rate inside the period while the budget lasts, else zero", () => {
    expect(currentRate(base, 1_001n)).toBe(DMC);
    expect(currentRate({ ...base, start: 2_000n }, 1_001n)).toBe(0n);
    expect(currentRate(base, base.end)).toBe(0n);
    expect(currentRate({ ...base, budget: 101n * DMC }, 1_001n)).toBe(0n);
  });
});

describe("APR", () => {
  it("is rate x year x share x DMC price / value", () => {
    // 1 DMC/s shared by a quarter: 7,884,000 DMC a year; at $0.25 that is $1,971,000 on $10M staked: 19.71%.
    const r = emissionApr({
      ratePerSecond: DMC,
      dmcPriceWad: WAD / 4n,
      weight: 1n,
      totalWeight: 4n,
      valueUsdWad: 10_000_000n * WAD,
    });
    expect(r.dmcPerYear).toBe((EMISSION_YEAR_SECONDS * DMC) / 4n);
    expect(r.usdPerYear).toBe(1_971_000n * WAD);
    expect(r.aprBps).toBe(1_971n);
  });

  it("has no APR without value staked and earns nothing from an empty pool", () => {
    expect(
      emissionApr({ ratePerSecond: DMC, dmcPriceWad: WAD, weight: 0n, totalWeight: 0n, valueUsdWad: 0n }).aprBps,
    ).toBeNull();
    expect(dmcPerYear(DMC, 0n, 0n)).toBe(0n);
    expect(() => dmcPerYear(DMC, 2n, 1n)).toThrow(/above the total weight/);
  });

  it("the deploy's LP pool: 6M DMC a year on $100,000 of LP at $0.25 is 1,500%", () => {
    const r = emissionApr({
      ratePerSecond: RATE,
      dmcPriceWad: WAD / 4n,
      weight: 10n,
      totalWeight: 10n,
      valueUsdWad: 100_000n * WAD,
    });
    expect(r.dmcPerYear / DMC).toBe(5_999_999n); // the rate rounds down: 6M minus under a DMC
    expect(r.aprBps).toBe(149_999n);
  });
});

describe("NFT stake weight", () => {
  it("is units x days of term left, today counted, and 0 once the term ended", () => {
    expect(positionStakeWeight(500n, 200, 20)).toBe(500n * 180n);
    expect(positionStakeWeight(500n, 200, 199)).toBe(500n);
    expect(positionStakeWeight(500n, 200, 200)).toBe(0n);
    expect(() => positionStakeWeight(-1n, 200, 20)).toThrow(/negative/);
  });
});
