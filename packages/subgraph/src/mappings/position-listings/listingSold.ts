import { ListingSold } from "../../../generated/PositionListings/PositionListings";
import { Listing, Offering, Sale } from "../../../generated/schema";
import { getOrCreateToken } from "../../utils/loaders";
import { closeListing, LISTING_SOLD, recordTrade, removeLiveListing, tradingAccount } from "../../utils/trading";
import { listingId } from "./ids";

/**
 * buy: emitted before the position and the tokens move, so the listing is closed as Sold here and
 * the sale's Transfer finds no Live listing to void.
 */
export function handleListingSold(event: ListingSold): void {
  const params = event.params;
  const listing = Listing.load(listingId(params.listingId));
  if (listing == null) return;
  const buyer = tradingAccount(params.buyer, event.block);
  const token = getOrCreateToken(params.paymentToken);

  const sale = new Sale(event.transaction.hash.toHexString() + "-" + event.logIndex.toString());
  sale.listing = listing.id;
  sale.position = listing.position;
  sale.offering = listing.offering;
  sale.seller = tradingAccount(params.seller, event.block).id;
  sale.buyer = buyer.id;
  sale.paymentToken = token.id;
  sale.price = params.price;
  sale.fee = params.fee;
  sale.pricePerUnit = params.price.div(listing.units);
  sale.referrer = params.referrer;
  sale.timestamp = event.block.timestamp;
  sale.blockNumber = event.block.number;
  sale.transactionHash = event.transaction.hash;
  sale.save();

  listing.sale = sale.id;
  closeListing(listing, LISTING_SOLD, null, event);
  const o = Offering.load(listing.offering)!;
  removeLiveListing(o, listing.id);
  recordTrade(o, params.paymentToken, params.price, params.fee, listing.units, event);
}
