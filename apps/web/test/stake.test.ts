// The Stake page's logic: contracts by deployment name, the pairs' orientation and DMC price, the APR with its
// formula, the add-liquidity form's validation (6 vs 18 decimals, balances, slippage, deadline), the stake state
// of a position, and Uniswap's string reverts in plain language.
import { describe, expect, it } from "vitest";

import { WAD } from "@dmex/money-math";
import { explainReason, KNOWN_REASONS } from "~/lib/errorReasons";
import { aprPercentText, poolApr } from "~/lib/stake/apr";
import { defiAddresses } from "~/lib/stake/contracts";
import { addLiquidityArgs, DEADLINE_SECONDS, parseSlippage, planLiquidity, quoteForDmc } from "~/lib/stake/liquidity";
import { dmcPriceInQuoteWad, dmcUsdWad, lpUsdWad, pairState, type PairState } from "~/lib/stake/pair";
import { stakeState, weightText, type StakeCandidate } from "~/lib/stake/positions";

const USDT = 1_000_000n;
const DMC = WAD;
const DMC_ADDR = "0x00000000000000000000000000000000000000d1";
const USDT_ADDR = "0x00000000000000000000000000000000000000a1";
const STAKING = "0x00000000000000000000000000000000000000c5";
const LOANS = "0x00000000000000000000000000000000000000e7";
const ME = "0x0000000000000000000000000000000000000b0b";

// 1 DMC = 0.25 USDT: 200,000 DMC against 50,000 USDT, 100,000 LP.
const PAIR: PairState = {
  reserveDmc: 200_000n * DMC,
  reserveQuote: 50_000n * USDT,
  totalSupply: 100_000n * DMC,
  quoteDecimals: 6,
};

describe("DeFi contracts by deployment name", () => {
  it("finds the pools with their pairs and leaves out a pool whose pair is missing", () => {
    const d = defiAddresses({
      "0x01": "PositionStaking",
      "0x02": "LiquidityMiningDmcUsdt",
      "0x03": "DmcUsdtPair",
      "0x04": "LiquidityMiningDmcIfil",
      "0x05": "UniswapV2Router02",
      "0x06": "FeeBuyback",
    });
    expect(d.positionStaking).toBe("0x01");
    expect(d.router).toBe("0x05");
    expect(d.buyback).toBe("0x06");
    expect(d.splitter).toBeNull();
    expect(d.lpPools).toEqual([
      { key: "dmc-usdt", label: "DMC/USDT", pool: "0x02", pair: "0x03", quoteSymbol: "USDT" },
    ]);
  });
  it("has nothing on a deployment before issue 13", () => {
    expect(defiAddresses({ "0x01": "HashpowerExchange" })).toMatchObject({ positionStaking: null, lpPools: [] });
  });
});

describe("pair", () => {
  it("orients the reserves by which token is DMC", () => {
    const base = { reserve0: 1n, reserve1: 2n, totalSupply: 3n, dmc: DMC_ADDR, quoteDecimals: 6 };
    expect(pairState({ ...base, token0: DMC_ADDR, token1: USDT_ADDR })).toMatchObject({
      reserveDmc: 1n,
      reserveQuote: 2n,
    });
    expect(pairState({ ...base, token0: USDT_ADDR, token1: DMC_ADDR.toUpperCase() })).toMatchObject({
      reserveDmc: 2n,
      reserveQuote: 1n,
    });
    expect(() => pairState({ ...base, token0: USDT_ADDR, token1: STAKING })).toThrow(/does not hold DMC/);
  });
  it("prices DMC from the DMC/USDT reserves and values LP by both sides", () => {
    expect(dmcPriceInQuoteWad(PAIR)).toBe(WAD / 4n);
    expect(dmcUsdWad(PAIR, WAD)).toBe(WAD / 4n);
    expect(dmcPriceInQuoteWad({ ...PAIR, reserveDmc: 0n })).toBeNull();
    // 1,000 LP = 2,000 DMC ($500) + 500 USDT ($500)
    expect(lpUsdWad(1_000n * DMC, PAIR, WAD / 4n, WAD)).toBe(1_000n * WAD);
  });
});

describe("APR with its formula", () => {
  it("shows rate x year x share x DMC price / value", () => {
    const r = poolApr(
      { ratePerSecond: DMC, dmcUsdWad: WAD / 4n, weight: 1n, totalWeight: 4n, valueUsdWad: 10_000_000n * WAD },
      "LP",
    );
    expect(r.aprBps).toBe(1_971n);
    expect(aprPercentText(r.aprBps ?? 0n)).toBe("19.7%");
    expect(r.formula).toBe(
      "1 DMC/s x 31,536,000 s x LP 1 / 4 = 7,884,000 DMC a year x $0.25 = $1,971,000.00 / $10,000,000.00 staked",
    );
  });
  it("says why there is no APR instead of inventing one", () => {
    const base = { ratePerSecond: DMC, dmcUsdWad: WAD, weight: 1n, totalWeight: 1n, valueUsdWad: WAD };
    expect(poolApr({ ...base, dmcUsdWad: null }, "LP")).toMatchObject({
      aprBps: null,
      formula: expect.stringMatching(/no DMC price yet/),
    });
    expect(poolApr({ ...base, valueUsdWad: 0n }, "LP")).toMatchObject({
      aprBps: null,
      formula: expect.stringMatching(/no value staked/),
    });
    expect(poolApr({ ...base, ratePerSecond: 0n }, "LP")).toMatchObject({
      aprBps: 0n,
      formula: expect.stringMatching(/emits nothing now/),
    });
    expect(aprPercentText(2_000_000n)).toBe("over 10,000%");
  });
});

describe("add liquidity", () => {
  const input = {
    dmcText: "400",
    quoteText: "100",
    slippageText: "0.5",
    quoteSymbol: "USDT",
    quoteDecimals: 6,
    dmcBalance: 1_000n * DMC,
    quoteBalance: 1_000n * USDT,
    pair: PAIR,
    now: 1_800_000_000n,
  };
  it("fills the other side at the pair's ratio in its own decimals", () => {
    expect(quoteForDmc(400n * DMC, PAIR)).toBe(100n * USDT);
    expect(quoteForDmc(400n * DMC, { ...PAIR, reserveDmc: 0n })).toBeNull();
  });
  it("plans the router call with slippage minimums, a deadline and the LP expected", () => {
    const r = planLiquidity(input);
    if (!r.ok) throw new Error(r.error);
    expect(r.plan).toEqual({
      dmcDesired: 400n * DMC,
      quoteDesired: 100n * USDT,
      dmcUsed: 400n * DMC,
      quoteUsed: 100n * USDT,
      dmcMin: 398n * DMC,
      quoteMin: 99_500_000n,
      slippageBps: 50n,
      deadline: 1_800_000_000n + DEADLINE_SECONDS,
      lpExpected: 200n * DMC,
    });
    expect(addLiquidityArgs(r.plan, DMC_ADDR, USDT_ADDR, ME)).toEqual([
      DMC_ADDR,
      USDT_ADDR,
      400n * DMC,
      100n * USDT,
      398n * DMC,
      99_500_000n,
      ME,
      1_800_001_200n,
    ]);
  });
  it("takes only what the ratio needs of a generous side", () => {
    const r = planLiquidity({ ...input, quoteText: "150" });
    expect(r.ok && [r.plan.quoteDesired, r.plan.quoteUsed, r.plan.quoteMin]).toEqual([
      150n * USDT,
      100n * USDT,
      99_500_000n,
    ]);
  });
  it("refuses USDT with more than 6 decimals, amounts over the balance, zero and a reckless slippage", () => {
    expect(planLiquidity({ ...input, quoteText: "100.0000001" })).toEqual({
      ok: false,
      field: "quote",
      error: "At most 6 decimal places for this token.",
    });
    expect(planLiquidity({ ...input, dmcText: "0.0000000000000000001" })).toMatchObject({
      ok: false,
      field: "dmc",
      error: "At most 18 decimal places for this token.",
    });
    expect(planLiquidity({ ...input, dmcText: "1001" })).toMatchObject({
      field: "dmc",
      error: "Insufficient DMC balance.",
    });
    expect(planLiquidity({ ...input, quoteText: "0" })).toMatchObject({
      field: "quote",
      error: "Amount must be greater than zero.",
    });
    expect(planLiquidity({ ...input, slippageText: "6" })).toMatchObject({
      field: "slippage",
      error: expect.stringMatching(/at most that/),
    });
    expect(parseSlippage("0.125")).toMatchObject({ ok: false });
    expect(parseSlippage("1")).toEqual({ ok: true, bps: 100n });
  });
  it("refuses a deposit too small to take anything at the ratio", () => {
    expect(planLiquidity({ ...input, dmcText: "0.000000000001", quoteText: "0.000001" })).toMatchObject({
      ok: false,
      field: "dmc",
    });
  });
});

describe("stake state of a position", () => {
  const p: StakeCandidate = {
    tokenId: "7",
    units: "500",
    locked: false,
    lockedBy: null,
    offering: { status: "Active", termEndDay: 200 },
  };
  it("is stakable with units x days left while live and free", () => {
    expect(stakeState(p, 20, STAKING, undefined)).toEqual({ kind: "stakable", weight: 90_000n });
    expect(weightText(p.units, "TiB", 200, 20)).toBe("500 TiB x 180 days left = 90,000");
  });
  it("is staked when PositionStaking holds it, with the weight poke would give", () => {
    expect(
      stakeState({ ...p, locked: true, lockedBy: STAKING }, 30, STAKING, {
        staker: ME,
        weight: 90_000n,
        currentWeight: 85_000n,
      }),
    ).toEqual({
      kind: "staked",
      weight: 90_000n,
      currentWeight: 85_000n,
    });
  });
  it("explains why not otherwise", () => {
    expect(stakeState({ ...p, offering: { status: "Halted", termEndDay: 200 } }, 20, STAKING, undefined)).toMatchObject(
      {
        kind: "blocked",
        reason: expect.stringMatching(/halted/),
      },
    );
    expect(stakeState(p, 200, STAKING, undefined)).toMatchObject({ kind: "blocked", reason: "Its term is over." });
    expect(
      stakeState({ ...p, locked: true, lockedBy: LOANS }, 20, STAKING, undefined, { [LOANS]: "PositionLoans" }),
    ).toMatchObject({
      kind: "blocked",
      reason: "Locked by a loan (repay it first): a position has one lock at a time.",
    });
  });
});

describe("Uniswap's string reverts", () => {
  it("are explained in plain language, and an unknown reason is quoted", () => {
    expect(explainReason("UniswapV2Router: EXPIRED")).toMatch(/after its deadline/);
    expect(explainReason("UniswapV2Router: INSUFFICIENT_B_AMOUNT")).toMatch(/moved beyond your slippage/);
    expect(explainReason("TransferHelper: TRANSFER_FROM_FAILED")).toMatch(/approve the router/);
    expect(explainReason("something else")).toBe("The contract refused the transaction: something else");
    for (const r of KNOWN_REASONS) expect(explainReason(r)).not.toContain(r);
  });
});
