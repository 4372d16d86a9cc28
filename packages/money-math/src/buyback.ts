/**
 * The fee buyback, mirroring `FeeBuyback` (packages/contracts/src/treasury/FeeBuyback.sol,
 * docs/decisions/0020-fee-buyback.md): what `convert(token)` swaps and the TWAP bound it must meet, and the
 * figures the app shows of past conversions (price paid against the TWAP).
 *
 *   amountIn  = min(balance, reserveIn * maxInputBps / 10,000)               at most 0.2% of the pair's reserve
 *   dmcAtTwap = floor(amountIn * twapX112 / 2^112)                           the input's worth at the TWAP
 *   minOut    = floor(dmcAtTwap * (10,000 - maxSlippageBps) / 10,000)        the bound (reverts below it)
 *   dmcOut    = getAmountOut(amountIn, reserveIn, reserveOut)                what the pair pays
 *   price paid = amountIn / dmcOut, TWAP price = amountIn / dmcAtTwap (fee token per DMC)
 */
import { WAD } from "./rewards.js";
import { getAmountOut } from "./uniswap.js";

const BPS = 10_000n;
export const Q112 = 1n << 112n;

export interface BuybackInput {
  /** The buyback's balance of the fee token (base units). */
  readonly balance: bigint;
  /** The pair's reserves of the fee token (in) and of DMC (out). */
  readonly reserveIn: bigint;
  readonly reserveOut: bigint;
  /** The TWAP of the fee token in DMC: DMC wei per base unit, UQ112x112 (`twap(token)`). */
  readonly twapX112: bigint;
  readonly maxInputBps: bigint;
  readonly maxSlippageBps: bigint;
}

export interface BuybackPlan {
  readonly amountIn: bigint;
  readonly dmcOut: bigint;
  readonly dmcAtTwap: bigint;
  readonly minOut: bigint;
  /** Why the contract would revert, by its error name; null when the conversion goes through. */
  readonly refusal: "Buyback_NothingToConvert" | "Buyback_DustAmount" | "Buyback_BelowTwapBound" | null;
}

/** What `convert` does with these inputs (the checks past the checkpoint window: see `twap` for those). */
export function buybackPlan(p: BuybackInput): BuybackPlan {
  if (p.maxInputBps <= 0n || p.maxInputBps > BPS || p.maxSlippageBps < 0n || p.maxSlippageBps >= BPS)
    throw new RangeError("buyback parameters out of range");
  if (p.balance === 0n)
    return { amountIn: 0n, dmcOut: 0n, dmcAtTwap: 0n, minOut: 0n, refusal: "Buyback_NothingToConvert" };
  const cap = (p.reserveIn * p.maxInputBps) / BPS;
  const amountIn = p.balance < cap ? p.balance : cap;
  const dmcAtTwap = (amountIn * p.twapX112) / Q112;
  const minOut = (dmcAtTwap * (BPS - p.maxSlippageBps)) / BPS;
  if (minOut === 0n || amountIn === 0n)
    return { amountIn, dmcOut: 0n, dmcAtTwap, minOut, refusal: "Buyback_DustAmount" };
  const dmcOut = getAmountOut(amountIn, p.reserveIn, p.reserveOut);
  return { amountIn, dmcOut, dmcAtTwap, minOut, refusal: dmcOut < minOut ? "Buyback_BelowTwapBound" : null };
}

/** Fee-token base units paid per whole DMC, WAD-scaled in whole fee tokens (e.g. USDT per DMC); null for 0 DMC. */
export function pricePerDmcWad(amountIn: bigint, inDecimals: number, dmcOut: bigint): bigint | null {
  if (dmcOut <= 0n) return null;
  return (amountIn * WAD * WAD) / (dmcOut * 10n ** BigInt(inDecimals));
}

/**
 * How the price paid compares with the TWAP price, in basis points: positive when the conversion paid more per DMC
 * than the TWAP (it got less DMC than `dmcAtTwap`), as it normally does by the pair's 0.3% fee and its price
 * impact; the bound keeps it at most `maxSlippageBps`. Null without a TWAP value.
 */
export function paidOverTwapBps(dmcOut: bigint, dmcAtTwap: bigint): bigint | null {
  if (dmcAtTwap <= 0n || dmcOut <= 0n) return null;
  // price paid / twap price - 1 = dmcAtTwap / dmcOut - 1
  return ((dmcAtTwap - dmcOut) * BPS) / dmcOut;
}

/** A UQ112x112 price (DMC wei per fee-token base unit) as whole DMC per whole fee token, WAD-scaled. */
export function x112ToDmcPerTokenWad(priceX112: bigint, tokenDecimals: number): bigint {
  return (priceX112 * 10n ** BigInt(tokenDecimals)) / Q112;
}
