// Secondary trading (issue 11): listing liveness, the offering's floor price and the trading totals.
// Every rule here runs on events only: no eth_call.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Account, Listing, Offering, Parameter, Position, Protocol } from "../../generated/schema";
import { STATUS_HALTED, ZERO } from "./constants";
import { dayOf } from "./ids";
import {
  getOrCreateAccount,
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  saveOfferingWithDay,
} from "./loaders";

export const LISTING_LIVE = "Live";
export const LISTING_SOLD = "Sold";
export const LISTING_CANCELLED = "Cancelled";
export const LISTING_VOID = "Void";

export const VOID_TRANSFER = "transfer";
export const VOID_LOCK = "lock";
export const VOID_APPROVAL = "approval";
export const VOID_HALT = "halt";
export const VOID_REPLACED = "replaced";

/** Parameter ids the trading mappings keep (see README). */
export const LISTINGS_CONTRACT_PARAMETER = "listings-contract";
const EXCHANGE_ORACLE_PARAMETER = "exchange-oracle";
const FEE_TOKEN_DECIMALS_PREFIX = "rewards-feeTokenDecimals.";

/**
 * The Protocol singleton, found from the exchange's constructor-set oracle parameter (the trading
 * contracts do not emit the exchange's address); null before the exchange is indexed.
 */
export function findProtocol(): Protocol | null {
  const p = Parameter.load(EXCHANGE_ORACLE_PARAMETER);
  if (p == null) return null;
  return getOrCreateProtocol(Address.fromBytes(p.contract));
}

/** Account of `address`, counted on the protocol when new (saved here, as is the protocol). */
export function tradingAccount(address: Address, block: ethereum.Block): Account {
  const existing = Account.load(address);
  if (existing != null) return existing;
  const protocol = findProtocol();
  if (protocol == null) {
    const a = new Account(address);
    a.positionCount = 0;
    a.purchaseCount = 0;
    a.rewardsClaimed = ZERO;
    a.refunded = ZERO;
    a.tradingRewardsClaimed = ZERO;
    a.createdAtBlock = block.number;
    a.save();
    return a;
  }
  const a = getOrCreateAccount(protocol, address, block);
  protocol.save();
  return a;
}

/** The listings contract's address, recorded by its first Listed. */
export function isListingsContract(address: Address): boolean {
  const p = Parameter.load(LISTINGS_CONTRACT_PARAMETER);
  return p != null && p.value == address.toHexString();
}

/** Decimals of a token, if TradingRewards listed it as a fee token (FeeTokenSet carries them). */
function decimalsOf(token: Bytes): i32 {
  const p = Parameter.load(FEE_TOKEN_DECIMALS_PREFIX + token.toHexString());
  if (p == null) return -1;
  return I32.parseInt(p.value);
}

export function feeTokenDecimalsParameter(token: Address): string {
  return "feeTokenDecimals." + token.toHexString();
}

/**
 * `amount` of `token` in the base units of the offering's payment token; null when the decimals of
 * either are unknown (then the amount cannot be compared with the offering's prices).
 */
export function inOfferingUnits(amount: BigInt, token: Bytes, o: Offering): BigInt | null {
  if (token.equals(o.paymentToken)) return amount;
  const from = decimalsOf(token);
  const to = decimalsOf(o.paymentToken);
  if (from < 0 || to < 0) return null;
  if (from == to) return amount;
  if (to > from) return amount.times(BigInt.fromI32(10).pow(u8(to - from)));
  return amount.div(BigInt.fromI32(10).pow(u8(from - to)));
}

function withoutListing(ids: string[], id: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < ids.length; i++) if (ids[i] != id) kept.push(ids[i]);
  return kept;
}

export function addLiveListing(o: Offering, id: string): void {
  const ids = o.liveListings;
  for (let i = 0; i < ids.length; i++) if (ids[i] == id) return;
  ids.push(id);
  o.liveListings = ids;
}

export function removeLiveListing(o: Offering, id: string): void {
  o.liveListings = withoutListing(o.liveListings, id);
}

/**
 * The cheapest Live listing per unit, unexpired at `now`, in the offering's payment-token units
 * (null if none); expired ones are dropped from liveListings (an update re-adds a revived one).
 */
export function recomputeFloor(o: Offering, now: BigInt): void {
  const ids = o.liveListings;
  const kept: string[] = [];
  let floor: BigInt | null = null;
  for (let i = 0; i < ids.length; i++) {
    const listing = Listing.load(ids[i]);
    if (listing == null || listing.status != LISTING_LIVE || listing.expiry.le(now)) continue;
    kept.push(ids[i]);
    const perUnit = inOfferingUnits(listing.pricePerUnit, listing.paymentToken, o);
    if (perUnit === null) continue;
    if (floor === null || perUnit.lt(floor as BigInt)) floor = perUnit;
  }
  o.liveListings = kept;
  o.floorPricePerUnit = floor;
}

/** Saves the offering with its floor recomputed and its day snapshot. */
export function saveOfferingFloor(o: Offering, event: ethereum.Event): void {
  recomputeFloor(o, event.block.timestamp);
  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);
}

/**
 * Closes `listing` for good (Sold, Cancelled, or Void by a halt) and unlinks it from its position;
 * a sold or cancelled listing is no longer stored by the contract either (saved here).
 */
export function closeListing(listing: Listing, status: string, reason: string | null, event: ethereum.Event): void {
  listing.status = status;
  if (reason !== null) listing.voidReason = reason;
  listing.updatedAtTimestamp = event.block.timestamp;
  listing.save();
  const position = Position.load(listing.position);
  if (position == null) return;
  if (position.listing == listing.id) position.listing = null;
  if (status != LISTING_VOID && position.storedListing == listing.id) position.storedListing = null;
  position.save();
}

/**
 * Voids the position's Live listing, if any (a Sold one was already unlinked by ListingSold, which
 * comes before the sale's Transfer), and recomputes the offering's floor. The contract still stores
 * it: its seller's own approval may bring it back (reviveListingOf). The caller saves `position`.
 */
export function voidListingOf(position: Position, reason: string, event: ethereum.Event): void {
  const id = position.listing;
  if (id === null) return;
  const listing = Listing.load(id as string);
  position.listing = null;
  if (listing == null || listing.status != LISTING_LIVE) return;
  listing.status = LISTING_VOID;
  listing.voidReason = reason;
  listing.updatedAtTimestamp = event.block.timestamp;
  listing.save();
  const o = Offering.load(listing.offering);
  if (o == null) return;
  removeLiveListing(o, listing.id);
  saveOfferingFloor(o, event);
}

/**
 * The contract's liveness rule, re-checked when one of its conditions comes back (an approval of the
 * listings contract, an unlock): the stored listing is Live again if its seller owns the position,
 * the position carries the listings contract's approval, no lock holds it and its offering was never
 * halted (expiry and the term's end are time, filtered by clients). The caller saves `position`.
 */
export function reviveListingOf(position: Position, event: ethereum.Event): void {
  const id = position.storedListing;
  if (id === null || position.listing !== null) return;
  if (position.locked || !position.listingsApproved) return;
  const listing = Listing.load(id as string);
  if (listing == null || listing.status != LISTING_VOID || !listing.seller.equals(position.owner)) return;
  const o = Offering.load(listing.offering);
  if (o == null || o.status == STATUS_HALTED) return;
  listing.status = LISTING_LIVE;
  listing.voidReason = null;
  listing.updatedAtTimestamp = event.block.timestamp;
  listing.save();
  position.listing = listing.id;
  addLiveListing(o, listing.id);
  saveOfferingFloor(o, event);
}

/** Records a secondary trade: last sale price and the day's trading totals. */
export function recordTrade(
  o: Offering,
  token: Bytes,
  price: BigInt,
  fee: BigInt,
  units: BigInt,
  event: ethereum.Event,
): void {
  const converted = inOfferingUnits(price, token, o);
  const day = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  if (converted !== null) {
    if (units.gt(ZERO)) o.lastSalePricePerUnit = (converted as BigInt).div(units);
    day.tradingVolume = day.tradingVolume.plus(converted as BigInt);
  }
  recomputeFloor(o, event.block.timestamp);
  saveOfferingWithDay(o, day, event);

  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  protocolDay.tradingVolume = protocolDay.tradingVolume.plus(price);
  protocolDay.tradingFees = protocolDay.tradingFees.plus(fee);
  protocolDay.trades += 1;
  protocolDay.save();
}
