/**
 * Uniswap V2 pair arithmetic, mirroring `UniswapV2Library` and `UniswapV2Router02._addLiquidity` (the npm artifacts
 * @uniswap/v2-core 1.0.1 / v2-periphery 1.1.0-beta.0 the local chain deploys), plus the figures the app derives
 * from a pair: a token's price from the reserves and the value of LP tokens.
 *
 *   pairQuote(a, rA, rB)      = floor(a * rB / rA)                          the other side at the pool's ratio
 *   getAmountOut(i, rI, rO)   = floor(i * 997 * rO / (rI * 1000 + i * 997))  a swap, 0.3% fee
 *   addLiquidity(dA, dB)      : B' = pairQuote(dA); B' <= dB ? (dA, B') : (pairQuote(dB, rB, rA), dB)   (what the router takes)
 *   LP minted                 = min(a * S / rA, b * S / rB)     (first deposit: sqrt(a * b) - 1000)
 *   min amounts (slippage s)  = floor(amount * (10,000 - s) / 10,000)
 *   price of base in quote    = rQuote / 10^qDec / (rBase / 10^bDec), WAD-scaled
 *   LP value                  = lp / S * (rA * priceA + rB * priceB)
 * Amounts are base units of their token (USDT 6 decimals, DMC and IFIL 18).
 */
import { WAD } from "./rewards.js";

const BPS = 10_000n;
/** `UniswapV2Pair.MINIMUM_LIQUIDITY`: burnt on the first deposit. */
export const MINIMUM_LIQUIDITY = 1_000n;

function requireReserves(a: bigint, b: bigint): void {
  if (a <= 0n || b <= 0n) throw new RangeError("the pair has no liquidity");
}

/** `UniswapV2Library.quote`: `amountA` of token A in token B at the reserves' ratio, rounded down. */
export function pairQuote(amountA: bigint, reserveA: bigint, reserveB: bigint): bigint {
  if (amountA <= 0n) throw new RangeError("amount must be above zero");
  requireReserves(reserveA, reserveB);
  return (amountA * reserveB) / reserveA;
}

/** `UniswapV2Library.getAmountOut`: what a swap of `amountIn` pays, after the 0.3% fee, rounded down. */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  if (amountIn <= 0n) throw new RangeError("amount must be above zero");
  requireReserves(reserveIn, reserveOut);
  const inWithFee = amountIn * 997n;
  return (inWithFee * reserveOut) / (reserveIn * 1_000n + inWithFee);
}

/** `amount` less `slippageBps` (the least the router may take or pay), rounded down. */
export function minWithSlippage(amount: bigint, slippageBps: bigint): bigint {
  if (slippageBps < 0n || slippageBps >= BPS) throw new RangeError(`slippage out of range: ${slippageBps} bps`);
  if (amount < 0n) throw new RangeError("negative amount");
  return (amount * (BPS - slippageBps)) / BPS;
}

/** What `UniswapV2Router02.addLiquidity` takes of two desired amounts at the reserves (before the min checks). */
export function addLiquidityAmounts(
  desiredA: bigint,
  desiredB: bigint,
  reserveA: bigint,
  reserveB: bigint,
): { amountA: bigint; amountB: bigint } {
  if (desiredA <= 0n || desiredB <= 0n) throw new RangeError("both amounts must be above zero");
  if (reserveA === 0n && reserveB === 0n) return { amountA: desiredA, amountB: desiredB };
  const bOptimal = pairQuote(desiredA, reserveA, reserveB);
  if (bOptimal <= desiredB) return { amountA: desiredA, amountB: bOptimal };
  return { amountA: pairQuote(desiredB, reserveB, reserveA), amountB: desiredB };
}

function sqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/** LP tokens `UniswapV2Pair.mint` gives for the deposit (protocol fee off, as on the local deployment). */
export function liquidityMinted(
  amountA: bigint,
  amountB: bigint,
  reserveA: bigint,
  reserveB: bigint,
  totalSupply: bigint,
): bigint {
  if (amountA <= 0n || amountB <= 0n) throw new RangeError("both amounts must be above zero");
  if (totalSupply === 0n) {
    const root = sqrt(amountA * amountB);
    return root > MINIMUM_LIQUIDITY ? root - MINIMUM_LIQUIDITY : 0n;
  }
  requireReserves(reserveA, reserveB);
  const a = (amountA * totalSupply) / reserveA;
  const b = (amountB * totalSupply) / reserveB;
  return a < b ? a : b;
}

/**
 * The price of one whole base token in the quote token, WAD-scaled, from the pair's reserves: e.g. DMC in USDT
 * (with USDT at $1, DMC's USD price). Rounded down.
 */
export function pairPriceWad(
  reserveBase: bigint,
  baseDecimals: number,
  reserveQuote: bigint,
  quoteDecimals: number,
): bigint {
  requireReserves(reserveBase, reserveQuote);
  return (reserveQuote * 10n ** BigInt(baseDecimals) * WAD) / (reserveBase * 10n ** BigInt(quoteDecimals));
}

/** The tokens `lp` LP tokens redeem for (`burn`'s pro-rata share), rounded down. */
export function lpShare(
  lp: bigint,
  totalSupply: bigint,
  reserveA: bigint,
  reserveB: bigint,
): { amountA: bigint; amountB: bigint } {
  if (lp < 0n) throw new RangeError("negative LP amount");
  if (lp > totalSupply) throw new RangeError(`LP amount ${lp} above the supply ${totalSupply}`);
  if (totalSupply === 0n) return { amountA: 0n, amountB: 0n };
  return { amountA: (lp * reserveA) / totalSupply, amountB: (lp * reserveB) / totalSupply };
}

/** One side of a pair: its reserve, decimals and USD price (WAD per whole token). */
export interface PairSide {
  readonly reserve: bigint;
  readonly decimals: number;
  readonly usdWad: bigint;
}

/** USD value (WAD) of `lp` LP tokens of a pair whose sides are priced. */
export function lpValueUsdWad(lp: bigint, totalSupply: bigint, a: PairSide, b: PairSide): bigint {
  const { amountA, amountB } = lpShare(lp, totalSupply, a.reserve, b.reserve);
  return (amountA * a.usdWad) / 10n ** BigInt(a.decimals) + (amountB * b.usdWad) / 10n ** BigInt(b.decimals);
}
