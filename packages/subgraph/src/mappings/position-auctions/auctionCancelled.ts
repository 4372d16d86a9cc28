import { AuctionCancelled } from "../../../generated/PositionAuctions/PositionAuctions";
import { Auction } from "../../../generated/schema";
import { AUCTION_CANCELLED, auctionId, unlinkPosition } from "../../utils/auctions";

/** cancel before the first bid: the position is unlocked (PositionUnlocked) or the units released. */
export function handleAuctionCancelled(event: AuctionCancelled): void {
  const auction = Auction.load(auctionId(event.params.auctionId));
  if (auction == null) return;
  auction.status = AUCTION_CANCELLED;
  unlinkPosition(auction);
  auction.save();
}
