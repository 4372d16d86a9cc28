import { AuctionSettled } from "../../../generated/PositionAuctions/PositionAuctions";
import { Auction, Offering } from "../../../generated/schema";
import { AUCTION_SETTLED, auctionId, BID_WON, setLeadingBidStatus, unlinkPosition } from "../../utils/auctions";
import { ZERO, ZERO_ADDRESS } from "../../utils/constants";
import { dayOf, positionId } from "../../utils/ids";
import { getOrCreateOfferingDay, saveOfferingWithDay } from "../../utils/loaders";
import { recordTrade, tradingAccount } from "../../utils/trading";

/**
 * settle. Secondary with a winner: a trade (the position went to the winner). Primary with a
 * winner: the exchange's PositionPurchased (same transaction, before this) sold the reserved units
 * and counted them as sold once more; they were sold since UnitsReserved, so that count is undone
 * and the reservation closed. Primary without a winner: the exchange's ReservedUnitsReleased (units
 * back on sale, tokenId 0) or zero-price PositionPurchased (minted to the miner) did the accounting.
 */
export function handleAuctionSettled(event: AuctionSettled): void {
  const params = event.params;
  const auction = Auction.load(auctionId(params.auctionId));
  if (auction == null) return;
  const hasWinner = !params.winner.equals(ZERO_ADDRESS);
  auction.status = AUCTION_SETTLED;
  auction.settledAmount = params.amount;
  auction.fee = params.fee;
  auction.settledAtTimestamp = event.block.timestamp;
  if (hasWinner) {
    auction.winner = tradingAccount(params.winner, event.block).id;
    setLeadingBidStatus(auction, BID_WON);
  }
  const o = Offering.load(auction.offering);
  if (auction.kind == "Primary") {
    if (!params.tokenId.isZero()) auction.position = positionId(params.tokenId);
    if (hasWinner && o != null) {
      o.unitsSold = o.unitsSold.ge(auction.units) ? o.unitsSold.minus(auction.units) : ZERO;
      o.reservedUnits = o.reservedUnits.ge(auction.units) ? o.reservedUnits.minus(auction.units) : ZERO;
      saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);
    }
  } else {
    unlinkPosition(auction);
    if (hasWinner && o != null) recordTrade(o, auction.paymentToken, params.amount, params.fee, auction.units, event);
  }
  auction.save();
}
