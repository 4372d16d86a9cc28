// PositionAuctions helpers: ids, the leading bid, minimum next bid and pull balances.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Auction, AuctionBalance, Bid, Position } from "../../generated/schema";
import { ONE, ZERO } from "./constants";

export const AUCTIONS = "auctions";
export const AUCTION_OPEN = "Open";
export const AUCTION_SETTLED = "Settled";
export const AUCTION_CANCELLED = "Cancelled";
export const AUCTION_WITHDRAWN = "Withdrawn";
export const BID_LEADING = "Leading";
export const BID_REFUNDABLE = "Refundable";
export const BID_REFUNDED = "Refunded";
export const BID_WON = "Won";
const BPS = BigInt.fromI32(10000);

export function auctionId(id: BigInt): string {
  return id.toString();
}

/** Id of a record of one event: "<tx hash>-<log index>". */
export function eventKey(event: ethereum.Event): string {
  return event.transaction.hash.toHexString() + "-" + event.logIndex.toString();
}

/** leadingBid + max(ceil(leadingBid * bps / 1e4), 1): the contract's minimum next bid. */
export function minNextBid(leadingBid: BigInt, bps: i32): BigInt {
  const raised = leadingBid.times(BigInt.fromI32(bps)).plus(BPS.minus(ONE)).div(BPS);
  return leadingBid.plus(raised.gt(ONE) ? raised : ONE);
}

/** The auction's Leading bid, if any. */
export function leadingBidOf(auction: Auction): Bid | null {
  const bids = auction.bids.load();
  for (let i = 0; i < bids.length; i++) if (bids[i].status == BID_LEADING) return bids[i];
  return null;
}

export function setLeadingBidStatus(auction: Auction, status: string): void {
  const bid = leadingBidOf(auction);
  if (bid == null) return;
  bid.status = status;
  bid.save();
}

export function getOrCreateBalance(account: Bytes, token: Address): AuctionBalance {
  const id = account.toHexString() + "-" + token.toHexString();
  let b = AuctionBalance.load(id);
  if (b != null) return b;
  b = new AuctionBalance(id);
  b.account = account;
  b.token = token;
  b.refundable = ZERO;
  b.proceeds = ZERO;
  b.withdrawn = ZERO;
  return b;
}

/** A secondary auction no longer holds its position open. */
export function unlinkPosition(auction: Auction): void {
  const id = auction.position;
  if (id === null) return;
  const position = Position.load(id as string);
  if (position == null || position.auction != auction.id) return;
  position.auction = null;
  position.save();
}
