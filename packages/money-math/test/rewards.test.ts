// The reward accumulator: every deposit shared by all units sold, 1e12 precision, rounded down.
import { describe, expect, it } from "vitest";

import {
  accAfterDeposit,
  averagePaidPerUnitWad,
  claimable,
  dayRewardPerUnitWad,
  REWARD_PRECISION,
  suggestedDeposit,
  WAD,
} from "../src/rewards.js";
import { intIn, prng } from "./prng.js";

const E18 = 10n ** 18n;

describe("rewards", () => {
  it("accumulates with 1e12 precision and pays units x delta rounded down", () => {
    const acc = accAfterDeposit(0n, 10n, 3n); // 3.333... per unit
    expect(acc).toBe(3_333_333_333_333n);
    expect(claimable(1n, acc, 0n)).toBe(3n);
    expect(claimable(3n, acc, 0n)).toBe(9n); // one base unit stays as dust, as on chain
    expect(claimable(2n, acc, acc)).toBe(0n);
  });

  it("suggests units x expected reward, rounded up", () => {
    expect(suggestedDeposit(3n, 450_000_000_000_000n * E18)).toBe(1_350_000_000_000_000n);
    expect(suggestedDeposit(3n, 1n)).toBe(1n);
    expect(suggestedDeposit(0n, 5n)).toBe(0n);
  });

  it("averages what was paid per unit per covered day", () => {
    // Two days at 0.00045 IFIL per unit: acc = 0.0009e18 x 1e12.
    expect(averagePaidPerUnitWad(9n * 10n ** 26n, 100, 101)).toBe(450_000_000_000_000n * E18);
    expect(averagePaidPerUnitWad(0n, 100, 99)).toBeNull();
  });
});

describe("reward properties on random deposit histories", () => {
  it("never pays out more than was deposited, and loses under one base unit per deposit per holder", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = prng(3000 + seed);
      const holdings = Array.from({ length: intIn(rand, 1, 8) }, () => BigInt(intIn(rand, 1, 500)));
      const units = holdings.reduce((a, b) => a + b, 0n);
      let acc = 0n;
      let deposited = 0n;
      const deposits = intIn(rand, 1, 30);
      for (let d = 0; d < deposits; d++) {
        const amount = BigInt(intIn(rand, 1, 1e9)) * 10n ** BigInt(intIn(rand, 0, 9));
        acc = accAfterDeposit(acc, amount, units);
        deposited += amount;
      }
      const paid = holdings.reduce((sum, u) => sum + claimable(u, acc, 0n), 0n);
      expect(paid <= deposited, `seed ${seed}`).toBe(true);
      // Each deposit loses < 1/1e12 per unit in the accumulator, each holder < 1 base unit on the claim.
      const slack = (BigInt(deposits) * units) / REWARD_PRECISION + 1n + BigInt(holdings.length);
      expect(deposited - paid <= slack, `seed ${seed}: ${deposited - paid} > ${slack}`).toBe(true);
    }
  });

  it("claims in two steps pay what one claim pays, up to rounding", () => {
    const acc1 = accAfterDeposit(0n, 10n ** 18n, 7n);
    const acc2 = accAfterDeposit(acc1, 3n * 10n ** 17n + 1n, 7n);
    const once = claimable(3n, acc2, 0n);
    const twice = claimable(3n, acc1, 0n) + claimable(3n, acc2, acc1);
    expect(once - twice >= 0n && once - twice <= 1n).toBe(true);
    expect(claimable(3n, acc1, acc2)).toBe(0n); // a snapshot past the accumulator pays nothing
  });

  it("judges a day's reward per unit WAD-scaled and refuses a deposit without units", () => {
    expect(dayRewardPerUnitWad(30n * 10n ** 15n, 25n)).toBe(12n * 10n ** 32n);
    expect(() => dayRewardPerUnitWad(1n, 0n)).toThrow(RangeError);
    expect(() => accAfterDeposit(0n, 1n, 0n)).toThrow(RangeError);
    expect(WAD).toBe(E18);
  });
});
