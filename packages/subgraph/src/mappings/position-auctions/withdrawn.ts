import { Withdrawn } from "../../../generated/PositionAuctions/PositionAuctions";
import { Auction } from "../../../generated/schema";
import { BID_REFUNDABLE, BID_REFUNDED, getOrCreateBalance } from "../../utils/auctions";
import { ZERO } from "../../utils/constants";
import { getOrCreateToken } from "../../utils/loaders";
import { tradingAccount } from "../../utils/trading";

/**
 * withdraw pulls everything the account has in the token: refunds and proceeds drop to zero and its
 * Refundable bids in that token are Refunded. Works without any prior credit (nothing to mark).
 */
export function handleWithdrawn(event: Withdrawn): void {
  const params = event.params;
  const account = tradingAccount(params.account, event.block);
  getOrCreateToken(params.token);
  const balance = getOrCreateBalance(account.id, params.token);
  balance.withdrawn = balance.withdrawn.plus(params.amount);
  balance.refundable = ZERO;
  balance.proceeds = ZERO;
  balance.save();

  const bids = account.bids.load();
  for (let i = 0; i < bids.length; i++) {
    const bid = bids[i];
    if (bid.status != BID_REFUNDABLE) continue;
    const auction = Auction.load(bid.auction);
    if (auction == null || !auction.paymentToken.equals(params.token)) continue;
    bid.status = BID_REFUNDED;
    bid.save();
  }
}
