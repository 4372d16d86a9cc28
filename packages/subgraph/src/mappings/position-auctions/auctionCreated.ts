import { AuctionCreated } from "../../../generated/PositionAuctions/PositionAuctions";
import { Auction, Position } from "../../../generated/schema";
import { AUCTION_OPEN, auctionId } from "../../utils/auctions";
import { offeringId, positionId } from "../../utils/ids";
import { getOrCreateToken } from "../../utils/loaders";
import { tradingAccount } from "../../utils/trading";

/** createAuction (Secondary, kind 0: the position is locked in place) or createPrimaryAuction (kind 1). */
export function handleAuctionCreated(event: AuctionCreated): void {
  const params = event.params;
  const id = auctionId(params.auctionId);
  const auction = new Auction(id);
  auction.auctionId = params.auctionId;
  auction.kind = params.kind == 1 ? "Primary" : "Secondary";
  auction.seller = tradingAccount(params.seller, event.block).id;
  auction.offering = offeringId(params.offeringId);
  auction.units = params.units;
  auction.paymentToken = getOrCreateToken(params.paymentToken).id;
  auction.reservePrice = params.reservePrice;
  auction.duration = params.duration;
  auction.minIncrementBps = params.minIncrementBps.toI32();
  auction.feeBps = params.feeBps.toI32();
  auction.hardEnd = params.hardEnd;
  auction.status = AUCTION_OPEN;
  auction.minNextBid = params.reservePrice;
  auction.bidCount = 0;
  auction.extensions = 0;
  auction.createdAtTimestamp = event.block.timestamp;
  if (params.kind != 1) {
    const position = Position.load(positionId(params.tokenId));
    if (position != null) {
      auction.position = position.id;
      position.auction = id;
      position.save();
    }
  }
  auction.save();
}
