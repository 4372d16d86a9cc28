// Uniswap V2 pair math (UniswapV2Library, Router02._addLiquidity, Pair.mint) and the fee buyback's plan and figures.
import { describe, expect, it } from "vitest";

import { buybackPlan, paidOverTwapBps, pricePerDmcWad, Q112, x112ToDmcPerTokenWad } from "../src/buyback.js";
import { WAD } from "../src/rewards.js";
import {
  addLiquidityAmounts,
  getAmountOut,
  liquidityMinted,
  lpShare,
  lpValueUsdWad,
  minWithSlippage,
  MINIMUM_LIQUIDITY,
  pairPriceWad,
  pairQuote,
} from "../src/uniswap.js";
import { intIn, prng } from "./prng.js";

const USDT = 1_000_000n;
const DMC = WAD;
// The seed's story: 1 DMC = 0.25 USDT, e.g. 50,000 USDT against 200,000 DMC.
const R_USDT = 50_000n * USDT;
const R_DMC = 200_000n * DMC;

describe("pair price", () => {
  it("reads DMC's price in USDT from the reserves, decimals apart", () => {
    expect(pairPriceWad(R_DMC, 18, R_USDT, 6)).toBe(WAD / 4n);
    expect(pairPriceWad(R_USDT, 6, R_DMC, 18)).toBe(4n * WAD);
    expect(() => pairPriceWad(0n, 18, R_USDT, 6)).toThrow(/no liquidity/);
  });
});

describe("swap and quote", () => {
  it("getAmountOut takes the 0.3% fee and rounds down, as UniswapV2Library", () => {
    // 100 USDT in: 100 * 0.997 * 200,000 / (50,000 + 99.7) DMC
    const out = getAmountOut(100n * USDT, R_USDT, R_DMC);
    expect(out).toBe((100n * USDT * 997n * R_DMC) / (R_USDT * 1000n + 100n * USDT * 997n));
    expect(out < 400n * DMC).toBe(true);
    expect(() => getAmountOut(0n, R_USDT, R_DMC)).toThrow(/above zero/);
  });

  it("pairQuote is the ratio, rounded down", () => {
    expect(pairQuote(100n * USDT, R_USDT, R_DMC)).toBe(400n * DMC);
    expect(pairQuote(1n, R_DMC, R_USDT)).toBe(0n);
  });
});

describe("addLiquidity", () => {
  it("takes all of A and the B at the ratio when B is enough", () => {
    expect(addLiquidityAmounts(400n * DMC, 200n * USDT, R_DMC, R_USDT)).toEqual({
      amountA: 400n * DMC,
      amountB: 100n * USDT,
    });
  });

  it("takes all of B and the A at the ratio otherwise", () => {
    expect(addLiquidityAmounts(1_000n * DMC, 100n * USDT, R_DMC, R_USDT)).toEqual({
      amountA: 400n * DMC,
      amountB: 100n * USDT,
    });
  });

  it("takes both desired amounts into an empty pair", () => {
    expect(addLiquidityAmounts(4n * DMC, 1n * USDT, 0n, 0n)).toEqual({ amountA: 4n * DMC, amountB: USDT });
  });

  it("never takes more than desired, and the router's mins pass at 0 slippage, on random deposits", () => {
    const rand = prng(7);
    for (let i = 0; i < 500; i++) {
      const rA = BigInt(intIn(rand, 1, 10 ** 9)) * DMC;
      const rB = BigInt(intIn(rand, 1, 10 ** 9)) * USDT;
      const dA = BigInt(intIn(rand, 1, 10 ** 9)) * 10n ** 12n;
      const dB = BigInt(intIn(rand, 1, 10 ** 9));
      const { amountA, amountB } = addLiquidityAmounts(dA, dB, rA, rB);
      expect(amountA <= dA && amountB <= dB).toBe(true);
      expect(amountA === dA || amountB === dB).toBe(true);
    }
  });

  it("min amounts subtract the slippage, rounded down, and refuse a slippage of 100% or more", () => {
    expect(minWithSlippage(100n * USDT, 50n)).toBe(99_500_000n);
    expect(minWithSlippage(3n, 50n)).toBe(2n);
    expect(() => minWithSlippage(1n, 10_000n)).toThrow(/slippage out of range/);
  });
});

describe("LP tokens", () => {
  it("mints pro rata, the smaller side counting", () => {
    const supply = 100_000n * DMC;
    expect(liquidityMinted(400n * DMC, 100n * USDT, R_DMC, R_USDT, supply)).toBe(200n * DMC);
    expect(liquidityMinted(400n * DMC, 200n * USDT, R_DMC, R_USDT, supply)).toBe(200n * DMC);
  });

  it("burns the minimum liquidity on the first deposit", () => {
    expect(liquidityMinted(4n * DMC, USDT, 0n, 0n, 0n)).toBe(2n * 10n ** 12n - MINIMUM_LIQUIDITY);
  });

  it("values LP by its share of both reserves", () => {
    const supply = 100_000n * DMC;
    expect(lpShare(1_000n * DMC, supply, R_DMC, R_USDT)).toEqual({ amountA: 2_000n * DMC, amountB: 500n * USDT });
    // 2,000 DMC at $0.25 + 500 USDT at $1 = $1,000
    const value = lpValueUsdWad(
      1_000n * DMC,
      supply,
      { reserve: R_DMC, decimals: 18, usdWad: WAD / 4n },
      { reserve: R_USDT, decimals: 6, usdWad: WAD },
    );
    expect(value).toBe(1_000n * WAD);
    expect(() => lpShare(supply + 1n, supply, R_DMC, R_USDT)).toThrow(/above the supply/);
  });
});

describe("fee buyback", () => {
  // The TWAP at the spot price: DMC wei per USDT base unit = 4e12, as UQ112x112.
  const twap = (R_DMC << 112n) / R_USDT;
  const params = { maxInputBps: 20n, maxSlippageBps: 100n };

  it("converts at most 0.2% of the reserve, above the 1% bound at a steady price", () => {
    const p = buybackPlan({ balance: 1_000n * USDT, reserveIn: R_USDT, reserveOut: R_DMC, twapX112: twap, ...params });
    expect(p.amountIn).toBe(100n * USDT);
    expect(p.dmcAtTwap).toBe((100n * USDT * twap) / Q112);
    expect(p.minOut).toBe((p.dmcAtTwap * 9_900n) / 10_000n);
    expect(p.dmcOut).toBe(getAmountOut(100n * USDT, R_USDT, R_DMC));
    expect(p.refusal).toBeNull();
    // paid over the TWAP: the 0.3% fee plus 0.2% impact, about 50 bps, under the 100 bps bound
    const over = paidOverTwapBps(p.dmcOut, p.dmcAtTwap);
    expect(over !== null && over >= 49n && over <= 51n).toBe(true);
  });

  it("refuses when the spot was pushed past the bound, or there is nothing or dust to convert", () => {
    // The spot moved 2% against the buyback (fewer DMC per USDT) while the TWAP did not.
    const moved = buybackPlan({
      balance: 10n * USDT,
      reserveIn: R_USDT,
      reserveOut: (R_DMC * 98n) / 100n,
      twapX112: twap,
      ...params,
    });
    expect(moved.refusal).toBe("Buyback_BelowTwapBound");
    expect(buybackPlan({ balance: 0n, reserveIn: R_USDT, reserveOut: R_DMC, twapX112: twap, ...params }).refusal).toBe(
      "Buyback_NothingToConvert",
    );
    expect(buybackPlan({ balance: 1n, reserveIn: R_USDT, reserveOut: R_DMC, twapX112: 1n, ...params }).refusal).toBe(
      "Buyback_DustAmount",
    );
  });

  it("shows the price paid and the TWAP in whole tokens", () => {
    expect(pricePerDmcWad(100n * USDT, 6, 400n * DMC)).toBe(WAD / 4n);
    expect(pricePerDmcWad(100n * USDT, 6, 0n)).toBeNull();
    expect(x112ToDmcPerTokenWad(twap, 6)).toBe(4n * WAD);
  });
});
