/**
 * APR of the DMC emission pools with its formula written out in the pool's own figures:
 *   APR = rate x 31,536,000 s x (your weight / total weight) x DMC price / value staked
 * (@dmex/money-math/emission). The DMC price comes from the DMC/USDT pair's reserves; the value staked is the LP
 * tokens' share of their pair's reserves (liquidity mining) or the position's value from the lending valuation:
 * its refund right plus the expected rewards of its days left (NFT staking). Nothing is shown without a price.
 */
import { emissionApr } from "@dmex/money-math/emission";

import { formatAmount, formatUsd } from "~/lib/format";

export interface AprFigures {
  /** DMC wei per second the pool emits now (`rewardRate()`). */
  readonly ratePerSecond: bigint;
  /** USD per DMC, WAD; null when the DMC/USDT pair has no reserves. */
  readonly dmcUsdWad: bigint | null;
  readonly weight: bigint;
  /** Total weight including `weight`. */
  readonly totalWeight: bigint;
  /** USD value of what `weight` stakes, WAD; null when a price is missing. */
  readonly valueUsdWad: bigint | null;
}

export interface AprResult {
  /** The APR in basis points, or null with the reason in `formula`. */
  readonly aprBps: bigint | null;
  /** The formula with the figures, one line. */
  readonly formula: string;
}

const usd = (wad: bigint) => formatUsd(Number(wad) / 1e18);

/** "12.3%", or "over 10,000%" for an emission into an almost empty pool. */
export function aprPercentText(aprBps: bigint): string {
  if (aprBps >= 1_000_000n) return "over 10,000%";
  const whole = aprBps / 100n;
  const frac = (aprBps % 100n) / 10n;
  return `${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}%`;
}

/** The APR of `weight` of the pool and the formula it came from. */
export function poolApr(f: AprFigures, weightLabel: string): AprResult {
  const rate = `${formatAmount(f.ratePerSecond, 18, 4)} DMC/s`;
  const share = f.totalWeight === 0n ? "all" : `${weightLabel} ${f.weight.toString()} / ${f.totalWeight.toString()}`;
  if (f.ratePerSecond === 0n)
    return { aprBps: 0n, formula: "The pool emits nothing now (outside its period or its budget is spent)." };
  if (f.dmcUsdWad === null)
    return {
      aprBps: null,
      formula: `${rate} x 31,536,000 s x share x DMC price: no DMC price yet (the DMC/USDT pair is empty).`,
    };
  if (f.valueUsdWad === null || f.valueUsdWad === 0n)
    return {
      aprBps: null,
      formula: `${rate} x 31,536,000 s x ${share} x ${usd(f.dmcUsdWad)}: no value staked to compare with.`,
    };
  const r = emissionApr({
    ratePerSecond: f.ratePerSecond,
    dmcPriceWad: f.dmcUsdWad,
    weight: f.weight,
    totalWeight: f.totalWeight,
    valueUsdWad: f.valueUsdWad,
  });
  return {
    aprBps: r.aprBps,
    formula: `${rate} x 31,536,000 s x ${share} = ${formatAmount(r.dmcPerYear, 18, 0)} DMC a year x ${usd(f.dmcUsdWad)} = ${usd(r.usdPerYear)} / ${usd(f.valueUsdWad)} staked`,
  };
}
