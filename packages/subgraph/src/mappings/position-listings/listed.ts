import { Listed } from "../../../generated/PositionListings/PositionListings";
import { Listing, Offering, Position } from "../../../generated/schema";
import { setAddressParameter } from "../../utils/governance";
import { positionId } from "../../utils/ids";
import { getOrCreateToken } from "../../utils/loaders";
import {
  addLiveListing,
  LISTING_CANCELLED,
  LISTING_LIVE,
  removeLiveListing,
  saveOfferingFloor,
  tradingAccount,
  VOID_REPLACED,
} from "../../utils/trading";
import { LISTINGS, listingId } from "./ids";

/** list: a new Live listing; an earlier Live one of the same position is replaced (Cancelled). */
export function handleListed(event: Listed): void {
  const params = event.params;
  // The exchange's Approval handler tells this contract's approval from any other.
  setAddressParameter(event, LISTINGS, "contract", event.address);
  const position = Position.load(positionId(params.tokenId));
  if (position == null) return; // a token the exchange never minted: nothing can fill
  const o = Offering.load(position.offering)!;
  const id = listingId(params.listingId);

  // The contract keeps one listing per position: a new one replaces the stored one (a contract that
  // emits ListingCancelled for it first has already closed it).
  const previous = position.storedListing;
  if (previous !== null && previous != id) {
    const old = Listing.load(previous as string);
    // A void one stays Void with its reason (it was dead already); it is simply no longer stored.
    if (old != null && old.status == LISTING_LIVE) {
      old.status = LISTING_CANCELLED;
      old.voidReason = VOID_REPLACED;
      old.updatedAtTimestamp = event.block.timestamp;
      old.save();
      removeLiveListing(o, old.id);
    }
  }

  const listing = new Listing(id);
  listing.listingId = params.listingId;
  listing.position = position.id;
  listing.offering = o.id;
  listing.seller = tradingAccount(params.seller, event.block).id;
  listing.paymentToken = getOrCreateToken(params.paymentToken).id;
  listing.units = position.units;
  listing.price = params.price;
  listing.pricePerUnit = params.price.div(position.units);
  listing.feeBps = params.feeBps.toI32();
  listing.expiry = params.expiry;
  listing.status = LISTING_LIVE;
  listing.createdAtTimestamp = event.block.timestamp;
  listing.createdAtBlock = event.block.number;
  listing.updatedAtTimestamp = event.block.timestamp;
  listing.save();

  position.listing = id;
  position.storedListing = id;
  // list() requires the approval: the Approval before the first Listed could not be recognised yet.
  position.listingsApproved = true;
  position.save();
  o.listingCount += 1;
  addLiveListing(o, id);
  saveOfferingFloor(o, event);
}
