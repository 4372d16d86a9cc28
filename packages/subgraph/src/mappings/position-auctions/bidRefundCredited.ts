import { BidRefundCredited } from "../../../generated/PositionAuctions/PositionAuctions";
import { BidRefund } from "../../../generated/schema";
import { auctionId, eventKey, getOrCreateBalance } from "../../utils/auctions";
import { getOrCreateToken } from "../../utils/loaders";
import { tradingAccount } from "../../utils/trading";

/** An outbid (or withdrawn leading) bid was credited to its bidder, to pull with withdraw. */
export function handleBidRefundCredited(event: BidRefundCredited): void {
  const params = event.params;
  const bidder = tradingAccount(params.bidder, event.block);
  const token = getOrCreateToken(params.token);
  const refund = new BidRefund(eventKey(event));
  refund.auction = auctionId(params.auctionId);
  refund.bidder = bidder.id;
  refund.token = token.id;
  refund.amount = params.amount;
  refund.timestamp = event.block.timestamp;
  refund.save();

  const balance = getOrCreateBalance(bidder.id, params.token);
  balance.refundable = balance.refundable.plus(params.amount);
  balance.save();
}
