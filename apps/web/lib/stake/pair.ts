/**
 * A Uniswap V2 pair with DMC as the pages read it (`token0`, `getReserves`, `totalSupply`), oriented DMC / other
 * token, and what follows from it: DMC's USD price from the DMC/USDT pair and the USD value of LP tokens
 * (@dmex/money-math/uniswap does the arithmetic).
 */
import { WAD } from "@dmex/money-math";
import { lpValueUsdWad, pairPriceWad } from "@dmex/money-math/uniswap";

export interface PairState {
  readonly reserveDmc: bigint;
  readonly reserveQuote: bigint;
  readonly totalSupply: bigint;
  readonly quoteDecimals: number;
}

/** Orients the pair's reserves by which token is DMC (`token0` decides). Throws when neither token is DMC. */
export function pairState(p: {
  token0: string;
  token1: string;
  reserve0: bigint;
  reserve1: bigint;
  totalSupply: bigint;
  dmc: string;
  quoteDecimals: number;
}): PairState {
  const dmc = p.dmc.toLowerCase();
  if (p.token0.toLowerCase() === dmc)
    return {
      reserveDmc: p.reserve0,
      reserveQuote: p.reserve1,
      totalSupply: p.totalSupply,
      quoteDecimals: p.quoteDecimals,
    };
  if (p.token1.toLowerCase() === dmc)
    return {
      reserveDmc: p.reserve1,
      reserveQuote: p.reserve0,
      totalSupply: p.totalSupply,
      quoteDecimals: p.quoteDecimals,
    };
  throw new Error(`the pair (${p.token0}, ${p.token1}) does not hold DMC`);
}

/** DMC's price in the pair's other token, WAD (e.g. USDT per DMC); null while the pair is empty. */
export function dmcPriceInQuoteWad(pair: PairState): bigint | null {
  if (pair.reserveDmc === 0n || pair.reserveQuote === 0n) return null;
  return pairPriceWad(pair.reserveDmc, 18, pair.reserveQuote, pair.quoteDecimals);
}

/** DMC's USD price (WAD) from the DMC/USDT pair at USDT's USD price; null while the pair is empty. */
export function dmcUsdWad(dmcUsdt: PairState, usdtUsdWad: bigint): bigint | null {
  const inUsdt = dmcPriceInQuoteWad(dmcUsdt);
  return inUsdt === null ? null : (inUsdt * usdtUsdWad) / WAD;
}

/** USD value (WAD) of `lp` LP tokens of the pair, with DMC and the other token priced. */
export function lpUsdWad(lp: bigint, pair: PairState, dmcUsd: bigint, quoteUsd: bigint): bigint {
  if (pair.totalSupply === 0n) return 0n;
  return lpValueUsdWad(
    lp,
    pair.totalSupply,
    { reserve: pair.reserveDmc, decimals: 18, usdWad: dmcUsd },
    { reserve: pair.reserveQuote, decimals: pair.quoteDecimals, usdWad: quoteUsd },
  );
}
