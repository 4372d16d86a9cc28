// Trading: the listing fee split, auction increments and anti-sniping, DMC rewards capped by fees paid.
import { describe, expect, it } from "vitest";

import {
  AUCTION_EXTENSION,
  endAfterBid,
  feeCredit,
  FEE_UNIT,
  listingFeeSplit,
  minNextBid,
  pricePerUnitDay,
  tradingReward,
  washTradeBreakEvenPriceWad,
} from "../src/trading.js";
import { intIn, prng } from "./prng.js";

const USDT = 1_000_000n; // 6 decimals
const DMC = FEE_UNIT;

describe("listing fee split", () => {
  it("takes 2% rounded down and gives the seller the rest", () => {
    expect(listingFeeSplit(100n * USDT, 200n)).toEqual({ fee: 2n * USDT, sellerProceeds: 98n * USDT });
    // 0.000049 USDT at 2% is 0.98 base units: the fee rounds down to 0, the seller keeps all of it.
    expect(listingFeeSplit(49n, 200n)).toEqual({ fee: 0n, sellerProceeds: 49n });
    expect(listingFeeSplit(12_345_678n, 200n)).toEqual({ fee: 246_913n, sellerProceeds: 12_098_765n });
  });

  it("never loses or creates a base unit (fee + proceeds = price) on random 6-decimal prices", () => {
    const rand = prng(11);
    for (let i = 0; i < 500; i++) {
      const price = BigInt(intIn(rand, 0, 2 ** 31)) * BigInt(intIn(rand, 1, 1000));
      const bps = BigInt(intIn(rand, 0, 500));
      const { fee, sellerProceeds } = listingFeeSplit(price, bps);
      expect(fee + sellerProceeds).toBe(price);
      expect(fee * 10_000n).toBeLessThanOrEqual(price * bps);
      expect((fee + 1n) * 10_000n).toBeGreaterThan(price * bps);
    }
  });

  it("refuses impossible inputs", () => {
    expect(() => listingFeeSplit(-1n, 200n)).toThrow(RangeError);
    expect(() => listingFeeSplit(1n, 10_001n)).toThrow(RangeError);
  });
});

describe("minimum next bid", () => {
  it("is the reserve before the first bid", () => {
    expect(minNextBid(null, 500n * USDT, 500n)).toBe(500n * USDT);
    expect(minNextBid(0n, 7n, 500n)).toBe(7n);
  });

  it("adds the increment rounded up, at least one base unit", () => {
    expect(minNextBid(100n * USDT, 1n, 500n)).toBe(105n * USDT);
    expect(minNextBid(101n, 1n, 500n)).toBe(101n + 6n); // 5.05 -> 6
    expect(minNextBid(1n, 1n, 500n)).toBe(2n); // ceil(0.05) = 1
    expect(minNextBid(10n, 1n, 1000n)).toBe(11n);
  });
});

describe("anti-sniping end", () => {
  const hour = 3_600n;
  it("starts the clock at the first bid, capped by the hard end", () => {
    expect(endAfterBid(null, 1_000n, 24n * hour, 10n ** 12n)).toEqual({
      endTime: 1_000n + 24n * hour,
      extended: false,
    });
    expect(endAfterBid(0n, 1_000n, 24n * hour, 5_000n)).toEqual({ endTime: 5_000n, extended: false });
  });

  it("extends a bid in the last 15 minutes to bid time + 15 minutes, never past the hard end", () => {
    const end = 100_000n;
    expect(endAfterBid(end, end - 60n, hour, 10n ** 12n)).toEqual({ endTime: end - 60n + 900n, extended: true });
    // Exactly 900 s before the end: not inside the window (end - now < 900 is false).
    expect(endAfterBid(end, end - 900n, hour, 10n ** 12n)).toEqual({ endTime: end, extended: false });
    // 899 s before: extended by one second.
    expect(endAfterBid(end, end - 899n, hour, 10n ** 12n)).toEqual({ endTime: end + 1n, extended: true });
    expect(endAfterBid(end, end - 10n, hour, end + 100n)).toEqual({ endTime: end + 100n, extended: true });
    expect(endAfterBid(end, end - 10n, hour, end)).toEqual({ endTime: end, extended: false });
  });

  it("never shortens the auction and keeps the end within EXTENSION of the last bid", () => {
    const rand = prng(5);
    for (let i = 0; i < 500; i++) {
      const end = BigInt(intIn(rand, 10_000, 1_000_000));
      const now = end - BigInt(intIn(rand, 1, 5_000));
      const hardEnd = end + BigInt(intIn(rand, 0, 2_000));
      const r = endAfterBid(end, now, hour, hardEnd);
      expect(r.endTime).toBeGreaterThanOrEqual(end);
      expect(r.endTime).toBeLessThanOrEqual(hardEnd > end ? hardEnd : end);
      if (r.extended) expect(r.endTime - now).toBeLessThanOrEqual(AUCTION_EXTENSION);
    }
  });
});

describe("trading rewards", () => {
  const budget = 100_000n * DMC;
  const cap = 10n * DMC; // 10 DMC per $1 of fees

  it("normalises fees to 18 decimals", () => {
    expect(feeCredit(2n * USDT, 6)).toBe(2n * FEE_UNIT);
    expect(feeCredit(5n, 18)).toBe(5n);
    expect(() => feeCredit(1n, 19)).toThrow(RangeError);
  });

  it("pays the pro-rata share of the budget, capped at cap x fees", () => {
    // Alone in the epoch with $2 of fees: the share would be the whole budget, the cap is 20 DMC.
    expect(tradingReward(2n * FEE_UNIT, 2n * FEE_UNIT, budget, cap)).toBe(20n * DMC);
    // A busy epoch: $1M of fees in total; $100 earns 100,000 x 100 / 1,000,000 = 10 DMC (cap 1,000).
    expect(tradingReward(100n * FEE_UNIT, 1_000_000n * FEE_UNIT, budget, cap)).toBe(10n * DMC);
    expect(tradingReward(0n, 10n, budget, cap)).toBe(0n);
    expect(() => tradingReward(2n, 1n, budget, cap)).toThrow(RangeError);
  });

  it("makes wash trading lose money below $0.10 a DMC with a cap of 10 DMC per $1", () => {
    expect(washTradeBreakEvenPriceWad(cap)).toBe(FEE_UNIT / 10n); // $0.10
    // Two accounts trade a $1,000 position back and forth 10 times: $200 of fees at 2%.
    const fees = 10n * listingFeeSplit(1_000n * USDT, 200n).fee;
    const reward = tradingReward(feeCredit(fees, 6), feeCredit(fees, 6), budget, cap);
    expect(reward).toBe(2_000n * DMC);
    // Worth $199.8 at $0.0999: less than the $200 paid.
    const valueDollars = (reward * 999n) / 10_000n / DMC; // DMC x $0.0999, in dollars
    expect(valueDollars).toBeLessThan(200n);
  });
});

describe("price per remaining unit-day", () => {
  it("divides the price by units and days left, rounded down", () => {
    expect(pricePerUnitDay(1_800n * USDT, 10n, 180n)).toBe(1n * USDT);
    expect(pricePerUnitDay(10n, 3n, 2n)).toBe(1n);
    expect(pricePerUnitDay(10n, 0n, 2n)).toBeNull();
    expect(pricePerUnitDay(10n, 1n, 0n)).toBeNull();
  });
});
