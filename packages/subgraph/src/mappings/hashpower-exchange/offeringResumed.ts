import { OfferingResumed } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Flag } from "../../../generated/schema";
import { STATUS_ACTIVE, ZERO } from "../../utils/constants";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, getOrCreateProtocol, loadOffering, saveOfferingWithDay } from "../../utils/loaders";
import { setWindow } from "../../utils/window";

/**
 * resume: release continues including the paused days; the judged window starts afresh
 * (recentShares = 0). frozenDay and flaggedOnDay stay, as in storage.
 */
export function handleOfferingResumed(event: OfferingResumed): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  const o = loadOffering(offeringId(params.offeringId));
  o.status = STATUS_ACTIVE;
  o.flagReason = "None";
  setWindow(o, ZERO, protocol);

  const flag = new Flag(eventId(event));
  flag.offering = o.id;
  flag.action = "Resumed";
  flag.by = params.by;
  flag.day = params.day.toI32();
  flag.reason = "None";
  flag.blockNumber = event.block.number;
  flag.timestamp = event.block.timestamp;
  flag.transactionHash = event.transaction.hash;
  flag.logIndex = event.logIndex;
  flag.save();

  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);

  protocol.offeringsFlagged -= 1;
  protocol.save();
}
