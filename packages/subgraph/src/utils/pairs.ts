// The Uniswap V2 pairs with DMC (DmcUsdtPair, DmcIfilPair): reserves, the DMC price, swaps, liquidity and the
// hourly and daily price candles of the chart.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Pair, PairLiquidity, PairSwap, PricePoint, StakingPool } from "../../generated/schema";
import { daoContracts } from "./dao";
import { ZERO, ZERO_ADDRESS } from "./constants";
import { defiContracts } from "./emission";
import { eventId } from "./ids";
import { stamp } from "./records";

const WAD = BigInt.fromString("1000000000000000000");
const HOUR: i32 = 3600;
const DAY: i32 = 86400;
/** The deployment name of the pair that prices DMC for every pool but liquidity mining. */
export const DMC_USDT_PAIR = "DmcUsdtPair";

function callAddress(abi: string, address: Address, name: string): Address {
  const r = ethereum.call(new ethereum.SmartContractCall(abi, address, name, name + "():(address)", []));
  if (r == null) throw new Error(name + "() of " + address.toHexString() + " reverted");
  return r[0].toAddress();
}

/**
 * The pair, created at its first event. Its tokens are immutable and named by no event the pair emits, so they are
 * read once from the contract (token0, token1, and the quote token's symbol and decimals); DMC is the DAO's token.
 */
export function loadPair(event: ethereum.Event, name: string): Pair {
  let pair = Pair.load(event.address);
  if (pair != null) return pair;
  pair = new Pair(event.address);
  pair.name = name;
  const token0 = callAddress("UniswapV2Pair", event.address, "token0");
  const token1 = callAddress("UniswapV2Pair", event.address, "token1");
  const dmc = daoContracts().token;
  const dmcIsToken0 = dmc ? token0.equals(dmc) : symbolOf(token0) == "DMC";
  const quote = dmcIsToken0 ? token1 : token0;
  pair.token0 = token0;
  pair.token1 = token1;
  pair.dmc = dmcIsToken0 ? token0 : token1;
  pair.dmcIsToken0 = dmcIsToken0;
  pair.quoteToken = quote;
  pair.quoteSymbol = symbolOf(quote);
  const decimals = ethereum.call(
    new ethereum.SmartContractCall("DMCToken", quote, "decimals", "decimals():(uint8)", []),
  );
  if (decimals == null) throw new Error("decimals() of " + quote.toHexString() + " reverted");
  pair.quoteDecimals = decimals[0].toI32();
  pair.reserve0 = ZERO;
  pair.reserve1 = ZERO;
  pair.reserveDmc = ZERO;
  pair.reserveQuote = ZERO;
  pair.priceWad = ZERO;
  pair.totalSupply = ZERO;
  pair.swapCount = 0;
  pair.volumeDmc = ZERO;
  pair.volumeQuote = ZERO;
  pair.createdAtBlock = event.block.number;
  if (name == DMC_USDT_PAIR) linkPricePair(event.address);
  return pair;
}

function symbolOf(token: Address): string {
  const r = ethereum.call(new ethereum.SmartContractCall("DMCToken", token, "symbol", "symbol():(string)", []));
  return r == null ? "" : r[0].toString();
}

/** Points every pool that prices DMC with the DMC/USDT pair at it (pools created before the pair's first event). */
function linkPricePair(pair: Bytes): void {
  const defi = defiContracts();
  defi.dmcUsdtPair = pair;
  defi.save();
  const pools = defi.pools;
  for (let i = 0; i < pools.length; i++) {
    const pool = StakingPool.load(pools[i]);
    if (pool == null) continue;
    pool.pricePair = pair;
    pool.save();
  }
}

/** Quote token per DMC x 1e18, both tokens' decimals taken out (DMC has 18). */
export function priceWadOf(reserveDmc: BigInt, reserveQuote: BigInt, quoteDecimals: i32): BigInt {
  if (reserveDmc.isZero() || reserveQuote.isZero()) return ZERO;
  const scale = BigInt.fromI32(10).pow(u8(18 - quoteDecimals));
  return reserveQuote.times(scale).times(WAD).div(reserveDmc);
}

function touch(pair: Pair, event: ethereum.Event): void {
  pair.updatedAtBlock = event.block.number;
  pair.updatedAtTimestamp = event.block.timestamp;
}

function candle(pair: Pair, interval: string, seconds: i32, timestamp: BigInt): PricePoint {
  const start = (timestamp.toI32() / seconds) * seconds;
  const id = pair.id.toHexString() + "-" + interval + "-" + start.toString();
  let p = PricePoint.load(id);
  if (p != null) return p;
  p = new PricePoint(id);
  p.pair = pair.id;
  p.interval = interval;
  p.start = start;
  p.open = pair.priceWad;
  p.high = pair.priceWad;
  p.low = pair.priceWad;
  p.close = pair.priceWad;
  p.reserveDmc = pair.reserveDmc;
  p.reserveQuote = pair.reserveQuote;
  p.swapCount = 0;
  p.volumeDmc = ZERO;
  p.volumeQuote = ZERO;
  return p;
}

function updateCandle(pair: Pair, interval: string, seconds: i32, timestamp: BigInt, previous: BigInt): void {
  const p = candle(pair, interval, seconds, timestamp);
  // The first candle ever opens at its first price, not at the empty pair's zero.
  if (previous.isZero() && p.open.isZero()) {
    p.open = pair.priceWad;
    p.low = pair.priceWad;
  }
  if (pair.priceWad > p.high) p.high = pair.priceWad;
  if (pair.priceWad < p.low || p.low.isZero()) p.low = pair.priceWad;
  p.close = pair.priceWad;
  p.reserveDmc = pair.reserveDmc;
  p.reserveQuote = pair.reserveQuote;
  p.save();
}

/** Sync: the reserves after every mint, burn, swap and sync; the price and both candles follow. */
export function onSync(event: ethereum.Event, pair: Pair, reserve0: BigInt, reserve1: BigInt): void {
  const previous = pair.priceWad;
  pair.reserve0 = reserve0;
  pair.reserve1 = reserve1;
  pair.reserveDmc = pair.dmcIsToken0 ? reserve0 : reserve1;
  pair.reserveQuote = pair.dmcIsToken0 ? reserve1 : reserve0;
  // Candles open at the previous close: created before the price moves.
  const hour = candle(pair, "Hour", HOUR, event.block.timestamp);
  hour.save();
  const day = candle(pair, "Day", DAY, event.block.timestamp);
  day.save();
  pair.priceWad = priceWadOf(pair.reserveDmc, pair.reserveQuote, pair.quoteDecimals);
  updateCandle(pair, "Hour", HOUR, event.block.timestamp, previous);
  updateCandle(pair, "Day", DAY, event.block.timestamp, previous);
  touch(pair, event);
  pair.save();
}

function addVolume(pair: Pair, interval: string, seconds: i32, timestamp: BigInt, dmc: BigInt, quote: BigInt): void {
  const p = candle(pair, interval, seconds, timestamp);
  p.swapCount += 1;
  p.volumeDmc = p.volumeDmc.plus(dmc);
  p.volumeQuote = p.volumeQuote.plus(quote);
  p.save();
}

/** Swap (after its Sync): the record with the price after it, and the volumes. */
export function onSwap(
  event: ethereum.Event,
  pair: Pair,
  sender: Address,
  to: Address,
  amount0In: BigInt,
  amount1In: BigInt,
  amount0Out: BigInt,
  amount1Out: BigInt,
): void {
  const s = new PairSwap(eventId(event));
  s.pair = pair.id;
  s.sender = sender;
  s.to = to;
  s.amount0In = amount0In;
  s.amount1In = amount1In;
  s.amount0Out = amount0Out;
  s.amount1Out = amount1Out;
  s.dmcIn = pair.dmcIsToken0 ? amount0In : amount1In;
  s.dmcOut = pair.dmcIsToken0 ? amount0Out : amount1Out;
  s.quoteIn = pair.dmcIsToken0 ? amount1In : amount0In;
  s.quoteOut = pair.dmcIsToken0 ? amount1Out : amount0Out;
  s.buysDmc = s.dmcOut > s.dmcIn;
  s.priceWadAfter = pair.priceWad;
  stamp(s, event);
  s.save();
  pair.swapCount += 1;
  pair.volumeDmc = pair.volumeDmc.plus(s.dmcIn);
  pair.volumeQuote = pair.volumeQuote.plus(s.quoteIn);
  touch(pair, event);
  pair.save();
  addVolume(pair, "Hour", HOUR, event.block.timestamp, s.dmcIn, s.quoteIn);
  addVolume(pair, "Day", DAY, event.block.timestamp, s.dmcIn, s.quoteIn);
}

/** Mint or Burn: liquidity added or removed (the LP tokens move in the pair's Transfer events). */
export function onLiquidity(
  event: ethereum.Event,
  pair: Pair,
  kind: string,
  sender: Address,
  to: Address | null,
  amount0: BigInt,
  amount1: BigInt,
): void {
  const r = new PairLiquidity(eventId(event));
  r.pair = pair.id;
  r.kind = kind;
  r.sender = sender;
  r.to = to;
  r.amount0 = amount0;
  r.amount1 = amount1;
  r.amountDmc = pair.dmcIsToken0 ? amount0 : amount1;
  r.amountQuote = pair.dmcIsToken0 ? amount1 : amount0;
  stamp(r, event);
  r.save();
  touch(pair, event);
  pair.save();
}

/**
 * The pair's own ERC-20 (its LP token): mints (from zero) and burns (to zero) change the supply, other transfers do
 * not. The first mint's MINIMUM_LIQUIDITY goes from zero to zero: minted and locked, not burnt.
 */
export function onTransfer(event: ethereum.Event, pair: Pair, from: Address, to: Address, value: BigInt): void {
  if (from.equals(ZERO_ADDRESS)) pair.totalSupply = pair.totalSupply.plus(value);
  else if (to.equals(ZERO_ADDRESS)) pair.totalSupply = pair.totalSupply.minus(value);
  touch(pair, event);
  pair.save();
}
