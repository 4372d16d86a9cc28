import { Bytes } from "@graphprotocol/graph-ts";

import { ListingCancelled } from "../../../generated/PositionListings/PositionListings";
import { Listing, Offering, Position } from "../../../generated/schema";
import {
  closeListing,
  LISTING_CANCELLED,
  LISTING_LIVE,
  removeLiveListing,
  saveOfferingFloor,
  VOID_REPLACED,
} from "../../utils/trading";
import { listingId } from "./ids";

/** Selector of list(uint256,address,uint256,uint256): a cancel inside it is a replacement. */
const LIST_SELECTOR = Bytes.fromHexString("0xc9f0ec7e");

/** cancelListing, or the stored listing of a position listed again (reason "replaced"). */
export function handleListingCancelled(event: ListingCancelled): void {
  const listing = Listing.load(listingId(event.params.listingId));
  if (listing == null) return;
  if (listing.status != LISTING_LIVE) {
    // A stale (void) listing cancelled, or one already replaced: no longer stored, never revived.
    const position = Position.load(listing.position);
    if (position != null && position.storedListing == listing.id) {
      position.storedListing = null;
      position.save();
    }
    return;
  }
  const input = event.transaction.input;
  const replaced = input.length >= 4 && Bytes.fromUint8Array(input.subarray(0, 4)).equals(LIST_SELECTOR);
  closeListing(listing, LISTING_CANCELLED, replaced ? VOID_REPLACED : null, event);
  const o = Offering.load(listing.offering)!;
  removeLiveListing(o, listing.id);
  saveOfferingFloor(o, event);
}
