import { LeadingBidWithdrawn } from "../../../generated/PositionAuctions/PositionAuctions";
import { Auction } from "../../../generated/schema";
import {
  AUCTION_WITHDRAWN,
  auctionId,
  BID_REFUNDABLE,
  setLeadingBidStatus,
  unlinkPosition,
} from "../../utils/auctions";

/**
 * withdrawLeadingBid (offering flagged or halted): the leader's bid is credited back (BidRefundCredited)
 * and the auction closes; the position is unlocked or the units released by the exchange's events.
 */
export function handleLeadingBidWithdrawn(event: LeadingBidWithdrawn): void {
  const auction = Auction.load(auctionId(event.params.auctionId));
  if (auction == null) return;
  setLeadingBidStatus(auction, BID_REFUNDABLE);
  auction.status = AUCTION_WITHDRAWN;
  unlinkPosition(auction);
  auction.save();
}
