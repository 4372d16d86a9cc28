import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { SECONDS_PER_DAY } from "./constants";

/** Id of an event record: tx hash ++ log index (graph-node's recommended immutable Bytes id). */
export function eventId(event: ethereum.Event): Bytes {
  return event.transaction.hash.concatI32(event.logIndex.toI32());
}

/** The contract's UTC day number of a timestamp: `timestamp / 86400`. */
export function dayOf(timestamp: BigInt): i32 {
  return timestamp.div(SECONDS_PER_DAY).toI32();
}

/** Unix time of the first second of a day. */
export function dateOf(day: i32): i32 {
  return day * 86400;
}

export function offeringId(id: BigInt): string {
  return id.toString();
}

export function positionId(tokenId: BigInt): string {
  return tokenId.toString();
}

export function assetId(id: i32): string {
  return id.toString();
}

export function offeringDayId(offering: string, day: i32): string {
  return offering + "-" + day.toString();
}

export function tokenDayId(token: Bytes, day: i32): string {
  return token.toHexString() + "-" + day.toString();
}

export function marketRateId(oracle: Address, asset: i32, day: i32): string {
  return oracle.toHexString() + "-" + asset.toString() + "-" + day.toString();
}

export function marketRateFeedId(oracle: Address, asset: i32): string {
  return oracle.toHexString() + "-" + asset.toString();
}

export function depositorId(offering: string, depositor: Bytes): string {
  return offering + "-" + depositor.toHexString();
}

export function rewardTokenListingId(asset: i32, token: Bytes): string {
  return asset.toString() + "-" + token.toHexString();
}
