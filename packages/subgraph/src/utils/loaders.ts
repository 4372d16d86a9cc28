// Shared getOrCreate* loaders. Convention: loaders save a NEW entity only when they must (so a
// reference to it is never dangling); callers mutate the returned object and save it themselves.
import { Address, BigInt, Bytes, Entity, ethereum, log, Value } from "@graphprotocol/graph-ts";

import {
  Account,
  Locker,
  Miner,
  Offering,
  OfferingDay,
  Position,
  Protocol,
  ProtocolDay,
  Token,
  TokenDay,
} from "../../generated/schema";
import { ZERO, ZERO_ADDRESS } from "./constants";
import { releaseDay, releasedToDate } from "./escrow";
import { dateOf, dayOf, offeringDayId, tokenDayId } from "./ids";

/** The singleton, keyed by the exchange address (the emitter of every exchange event). */
export function getOrCreateProtocol(exchange: Address): Protocol {
  let p = Protocol.load(exchange);
  if (p != null) return p;
  p = new Protocol(exchange);
  p.channelFeeBps = 0;
  p.feeRecipient = ZERO_ADDRESS;
  p.oracle = ZERO_ADDRESS;
  p.renderer = ZERO_ADDRESS;
  p.missedDaysThreshold = 0;
  p.windowDays = 0;
  p.minRewardRatioBps = 0;
  p.minCoverageBps = 0;
  p.postTermFlagDays = 0;
  p.offeringCount = 0;
  p.positionCount = 0;
  p.accountCount = 0;
  p.minerCount = 0;
  p.offeringsFlagged = 0;
  p.offeringsHalted = 0;
  p.purchaseCount = 0;
  p.unitsSold = ZERO;
  p.volume = ZERO;
  p.fees = ZERO;
  p.feesCollected = ZERO;
  p.totalNet = ZERO;
  p.escrowWithdrawn = ZERO;
  p.refunded = ZERO;
  p.rewardsDeposited = ZERO;
  p.rewardsClaimed = ZERO;
  return p;
}

/** Account of `address`; counts it on the protocol the first time (caller saves `protocol`). */
export function getOrCreateAccount(protocol: Protocol, address: Address, block: ethereum.Block): Account {
  let a = Account.load(address);
  if (a != null) return a;
  a = new Account(address);
  a.positionCount = 0;
  a.purchaseCount = 0;
  a.rewardsClaimed = ZERO;
  a.refunded = ZERO;
  a.tradingRewardsClaimed = ZERO;
  a.createdAtBlock = block.number;
  a.save();
  protocol.accountCount += 1;
  return a;
}

export function getOrCreateMiner(protocol: Protocol, address: Address): Miner {
  let m = Miner.load(address);
  if (m != null) return m;
  m = new Miner(address);
  m.name = "";
  m.offeringCount = 0;
  m.escrowWithdrawn = ZERO;
  m.rewardsDeposited = ZERO;
  m.save();
  protocol.minerCount += 1;
  return m;
}

export function getOrCreateToken(address: Address): Token {
  let t = Token.load(address);
  if (t != null) return t;
  t = new Token(address);
  t.listedForPayment = false;
  t.loanCollateral = false;
  t.volume = ZERO;
  t.fees = ZERO;
  t.feesCollected = ZERO;
  t.totalNet = ZERO;
  t.escrowWithdrawn = ZERO;
  t.refunded = ZERO;
  t.rewardsDeposited = ZERO;
  t.rewardsClaimed = ZERO;
  t.save();
  return t;
}

export function getOrCreateLocker(address: Address): Locker {
  let l = Locker.load(address);
  if (l != null) return l;
  l = new Locker(address);
  l.approved = false;
  l.activeLocks = 0;
  l.save();
  return l;
}

export function getOrCreateProtocolDay(timestamp: BigInt): ProtocolDay {
  const day = dayOf(timestamp);
  const id = day.toString();
  let d = ProtocolDay.load(id);
  if (d != null) return d;
  d = new ProtocolDay(id);
  d.day = day;
  d.date = dateOf(day);
  d.purchases = 0;
  d.unitsSold = ZERO;
  d.volume = ZERO;
  d.fees = ZERO;
  d.feesCollected = ZERO;
  d.escrowWithdrawn = ZERO;
  d.refunded = ZERO;
  d.rewardsDeposited = ZERO;
  d.rewardsClaimed = ZERO;
  d.newPositions = 0;
  d.transfers = 0;
  d.tradingVolume = ZERO;
  d.tradingFees = ZERO;
  d.trades = 0;
  d.lendingVolume = ZERO;
  d.loansStarted = 0;
  d.lendingInterest = ZERO;
  d.lendingFees = ZERO;
  d.foreclosures = 0;
  return d;
}

function getOrCreateTokenDay(token: Bytes, day: i32): TokenDay {
  const id = tokenDayId(token, day);
  let d = TokenDay.load(id);
  if (d != null) return d;
  d = new TokenDay(id);
  d.token = token;
  d.protocolDay = day.toString();
  d.day = day;
  d.date = dateOf(day);
  d.volume = ZERO;
  d.fees = ZERO;
  d.feesCollected = ZERO;
  d.escrowWithdrawn = ZERO;
  d.refunded = ZERO;
  d.rewardsDeposited = ZERO;
  d.rewardsClaimed = ZERO;
  return d;
}

function addTo(entity: Entity, field: string, amount: BigInt): void {
  const current = entity.get(field);
  const base = current == null ? ZERO : current.toBigInt();
  entity.set(field, Value.fromBigInt(base.plus(amount)));
}

/**
 * Adds `amount` of `token` to the running total `field` of the protocol, the protocol day (both
 * in memory: the caller saves them), the token and the token day (saved here). `field` is one of
 * volume, fees, feesCollected, escrowWithdrawn, refunded, rewardsDeposited, rewardsClaimed.
 */
export function recordFlow(
  protocol: Protocol,
  protocolDay: ProtocolDay,
  token: Bytes,
  field: string,
  amount: BigInt,
): void {
  addTo(protocol, field, amount);
  addTo(protocolDay, field, amount);
  const t = getOrCreateToken(Address.fromBytes(token));
  addTo(t, field, amount);
  t.save();
  const td = getOrCreateTokenDay(token, protocolDay.day);
  addTo(td, field, amount);
  td.save();
}

export function loadOffering(id: string): Offering {
  const o = Offering.load(id);
  if (o == null) {
    log.critical("Offering {} not indexed: is startBlock at or before the exchange deployment?", [id]);
  }
  return o!;
}

export function loadPosition(id: string): Position {
  const p = Position.load(id);
  if (p == null) {
    log.critical("Position {} not indexed: is startBlock at or before the exchange deployment?", [id]);
  }
  return p!;
}

export function getOrCreateOfferingDay(offering: string, day: i32): OfferingDay {
  const id = offeringDayId(offering, day);
  let d = OfferingDay.load(id);
  if (d != null) return d;
  d = new OfferingDay(id);
  d.offering = offering;
  d.day = day;
  d.date = dateOf(day);
  d.covered = false;
  d.rewardAmount = ZERO;
  d.purchases = 0;
  d.unitsSold = ZERO;
  d.volume = ZERO;
  d.fees = ZERO;
  d.rewardsClaimed = ZERO;
  d.escrowWithdrawn = ZERO;
  d.feesCollected = ZERO;
  d.refunded = ZERO;
  d.tradingVolume = ZERO;
  return d;
}

/**
 * Writes the end-of-day snapshot of `o` into its day entity for the block's day (the caller
 * has already applied the event to `o`). The snapshot is overwritten by every later event of
 * the same day, so after the day's last event it equals the contract's views in that block.
 */
export function snapshotOfferingDay(d: OfferingDay, o: Offering): void {
  d.unitsOutstanding = o.unitsSold;
  d.status = o.status;
  d.accRewardPerUnit = o.accRewardPerUnit;
  d.escrowReleased = releasedToDate(o, d.day);
  d.escrowReleasedDay = releaseDay(o, d.day);
  d.floorPricePerUnit = o.floorPricePerUnit;
  d.lastSalePricePerUnit = o.lastSalePricePerUnit;
}

/** Marks the offering updated and saves it together with its snapshot for the block's day. */
export function saveOfferingWithDay(o: Offering, d: OfferingDay, event: ethereum.Event): void {
  o.updatedAtBlock = event.block.number;
  o.updatedAtTimestamp = event.block.timestamp;
  o.save();
  snapshotOfferingDay(d, o);
  d.save();
}
