import { ListingUpdated } from "../../../generated/PositionListings/PositionListings";
import { Listing, Offering } from "../../../generated/schema";
import { addLiveListing, LISTING_LIVE, saveOfferingFloor } from "../../utils/trading";
import { listingId } from "./ids";

/** updateListing: new price or expiry (an expired listing given a later expiry counts for the floor again). */
export function handleListingUpdated(event: ListingUpdated): void {
  const listing = Listing.load(listingId(event.params.listingId));
  if (listing == null) return;
  listing.price = event.params.price;
  listing.pricePerUnit = event.params.price.div(listing.units);
  listing.expiry = event.params.expiry;
  listing.updatedAtTimestamp = event.block.timestamp;
  listing.save();
  if (listing.status != LISTING_LIVE) return;
  const o = Offering.load(listing.offering)!;
  addLiveListing(o, listing.id);
  saveOfferingFloor(o, event);
}
