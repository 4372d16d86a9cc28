/**
 * Trading arithmetic, mirroring `PositionListings` (fee split), `PositionAuctions` (minimum next bid,
 * anti-sniping end) and `TradingRewards` (DMC per epoch, capped by the fees paid). Everything is
 * bigint with the contracts' rounding; see packages/contracts/src/interfaces/{IPositionListings,
 * IPositionAuctions,ITradingRewards}.sol and docs/decisions/0017-trading.md.
 */
export const BPS = 10_000n;
/** `PositionAuctions.EXTENSION`: a bid in the last 15 minutes moves the end to bid time + 15 minutes. */
export const AUCTION_EXTENSION = 900n;
/** `PositionAuctions.MIN_DURATION` / `MAX_DURATION` (seconds). */
export const AUCTION_MIN_DURATION = 3_600n;
export const AUCTION_MAX_DURATION = 30n * 86_400n;
/** `PositionAuctions.MIN_INCREMENT_BPS` / `MAX_INCREMENT_BPS`. */
export const AUCTION_MIN_INCREMENT_BPS = 500n;
export const AUCTION_MAX_INCREMENT_BPS = 1_000n;
/** 1e18: one stablecoin unit ($1) of fee credit, and one DMC in wei. */
export const FEE_UNIT = 1_000_000_000_000_000_000n;

function requireBps(bps: bigint): void {
  if (bps < 0n || bps > BPS) throw new RangeError(`basis points out of range: ${bps}`);
}

/** A listing sale: the fee (`price * feeBps / 1e4`, rounded down) and what the seller receives (the rest). */
export function listingFeeSplit(price: bigint, feeBps: bigint): { fee: bigint; sellerProceeds: bigint } {
  if (price < 0n) throw new RangeError("negative price");
  requireBps(feeBps);
  const fee = (price * feeBps) / BPS;
  return { fee, sellerProceeds: price - fee };
}

/**
 * The least the next bid may be (`PositionAuctions.minNextBid`): the reserve before the first bid,
 * then the leading bid plus `max(ceil(leading * bps / 1e4), 1)`.
 */
export function minNextBid(leadingBid: bigint | null, reservePrice: bigint, minIncrementBps: bigint): bigint {
  requireBps(minIncrementBps);
  if (leadingBid === null || leadingBid === 0n) return reservePrice;
  const step = (leadingBid * minIncrementBps + BPS - 1n) / BPS;
  return leadingBid + (step > 1n ? step : 1n);
}

/**
 * The auction's end after a bid at `now`. First bid (`endTime` null or 0): min(now + duration, hardEnd).
 * Later bids: inside the last EXTENSION seconds the end moves to min(now + EXTENSION, hardEnd), else it
 * stays. `extended` says whether a later bid moved it.
 */
export function endAfterBid(
  endTime: bigint | null,
  now: bigint,
  duration: bigint,
  hardEnd: bigint,
): { endTime: bigint; extended: boolean } {
  const min = (a: bigint, b: bigint) => (a < b ? a : b);
  if (endTime === null || endTime === 0n) return { endTime: min(now + duration, hardEnd), extended: false };
  if (endTime - now < AUCTION_EXTENSION) {
    const next = min(now + AUCTION_EXTENSION, hardEnd);
    return next > endTime ? { endTime: next, extended: true } : { endTime, extended: false };
  }
  return { endTime, extended: false };
}

/** A fee normalised to 18 decimals (`TradingRewards`' credit: 1e18 = $1 of a stablecoin). */
export function feeCredit(fee: bigint, decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 18)
    throw new RangeError(`unsupported decimals: ${decimals}`);
  return fee * 10n ** BigInt(18 - decimals);
}

/**
 * DMC (wei) `credit` earns in an epoch (`TradingRewards.rewardFor`):
 * min(budget * credit / totalCredit, credit * capDmcPerFeeUnit / 1e18), each rounded down.
 */
export function tradingReward(
  credit: bigint,
  totalCredit: bigint,
  dmcPerEpoch: bigint,
  capDmcPerFeeUnit: bigint,
): bigint {
  if (credit === 0n || totalCredit === 0n) return 0n;
  if (credit > totalCredit) throw new RangeError("credit above the epoch's total");
  const share = (dmcPerEpoch * credit) / totalCredit;
  const cap = (credit * capDmcPerFeeUnit) / FEE_UNIT;
  return share < cap ? share : cap;
}

/**
 * The DMC price (in $, 18-decimal fixed point: 1e17 = $0.10) at which a wash trade breaks even:
 * each $1 of fee earns at most `capDmcPerFeeUnit / 1e18` DMC, so it loses money below 1e18 / cap dollars.
 * Returns `1e36 / cap` (the dollar price scaled by 1e18), rounded down.
 */
export function washTradeBreakEvenPriceWad(capDmcPerFeeUnit: bigint): bigint {
  if (capDmcPerFeeUnit <= 0n) throw new RangeError("the cap must be positive");
  return (FEE_UNIT * FEE_UNIT) / capDmcPerFeeUnit;
}

/**
 * Price per remaining unit-day: `price / units / daysLeft`, rounded down, in the price's base units
 * (compare a listing with the primary price per unit per term day). Null when nothing is left.
 */
export function pricePerUnitDay(price: bigint, units: bigint, daysLeft: bigint): bigint | null {
  if (units <= 0n || daysLeft <= 0n) return null;
  return price / units / daysLeft;
}
