import { BidPlaced } from "../../../generated/PositionAuctions/PositionAuctions";
import { Auction, Bid } from "../../../generated/schema";
import {
  auctionId,
  BID_LEADING,
  BID_REFUNDABLE,
  BID_REFUNDED,
  eventKey,
  leadingBidOf,
  minNextBid,
} from "../../utils/auctions";
import { tradingAccount } from "../../utils/trading";

/**
 * bid: the new bid leads. The bid it beat becomes Refundable (its refund is credited), unless the
 * leader raised its own bid: then it was carried into the new one (Refunded, nothing to withdraw).
 */
export function handleBidPlaced(event: BidPlaced): void {
  const params = event.params;
  const auction = Auction.load(auctionId(params.auctionId));
  if (auction == null) return;
  const bidder = tradingAccount(params.bidder, event.block);

  const previous = leadingBidOf(auction);
  if (previous != null) {
    previous.status = previous.bidder.equals(bidder.id) ? BID_REFUNDED : BID_REFUNDABLE;
    previous.save();
  }

  const bid = new Bid(eventKey(event));
  bid.auction = auction.id;
  bid.bidder = bidder.id;
  bid.amount = params.amount;
  bid.endTimeAfter = params.endTime;
  bid.extended = params.extended;
  bid.status = BID_LEADING;
  bid.timestamp = event.block.timestamp;
  bid.transactionHash = event.transaction.hash;
  bid.save();

  auction.leader = bidder.id;
  auction.leadingBid = params.amount;
  auction.endTime = params.endTime;
  auction.minNextBid = minNextBid(params.amount, auction.minIncrementBps);
  auction.bidCount += 1;
  if (params.extended) auction.extensions += 1;
  auction.save();
}
