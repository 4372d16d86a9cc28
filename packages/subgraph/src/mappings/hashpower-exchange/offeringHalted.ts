import { OfferingHalted } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Flag, Listing } from "../../../generated/schema";
import { STATUS_HALTED } from "../../utils/constants";
import { releaseDay } from "../../utils/escrow";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, getOrCreateProtocol, loadOffering, saveOfferingWithDay } from "../../utils/loaders";
import { closeListing, LISTING_LIVE, LISTING_VOID, VOID_HALT } from "../../utils/trading";

/** halt: release frozen at frozenDay forever; holders pull the rest with claimRefunds; every live listing is void. */
export function handleOfferingHalted(event: OfferingHalted): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  o.status = STATUS_HALTED;
  o.releasedAtHalt = params.releasedAtHalt;
  o.unreleasedEscrow = params.unreleasedEscrow;
  o.lastReportedReleased = params.releasedAtHalt;
  // releasedAtHalt is releasedToDate() in the halt's block: its day is the release day then.
  o.lastReportedReleasedDay = releaseDay(o, dayOf(event.block.timestamp));

  const live = o.liveListings;
  for (let i = 0; i < live.length; i++) {
    const listing = Listing.load(live[i]);
    if (listing != null && listing.status == LISTING_LIVE) closeListing(listing, LISTING_VOID, VOID_HALT, event);
  }
  o.liveListings = [];
  o.floorPricePerUnit = null;

  const flag = new Flag(eventId(event));
  flag.offering = o.id;
  flag.action = "Halted";
  flag.by = params.by;
  flag.day = params.frozenDay.toI32();
  flag.reason = o.flagReason;
  flag.frozenDay = params.frozenDay.toI32();
  flag.releasedAtHalt = params.releasedAtHalt;
  flag.unreleasedEscrow = params.unreleasedEscrow;
  flag.blockNumber = event.block.number;
  flag.timestamp = event.block.timestamp;
  flag.transactionHash = event.transaction.hash;
  flag.logIndex = event.logIndex;
  flag.save();

  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);

  const protocol = getOrCreateProtocol(event.address);
  protocol.offeringsFlagged -= 1;
  protocol.offeringsHalted += 1;
  protocol.save();
}
