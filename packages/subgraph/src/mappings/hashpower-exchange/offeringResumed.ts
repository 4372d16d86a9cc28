import { OfferingResumed } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Flag } from "../../../generated/schema";
import { STATUS_ACTIVE } from "../../utils/constants";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, getOrCreateProtocol, loadOffering, saveOfferingWithDay } from "../../utils/loaders";

/** resume: release continues including the paused days; the low streak resets. flaggedDay stays. */
export function handleOfferingResumed(event: OfferingResumed): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  o.status = STATUS_ACTIVE;
  o.flagReason = "None";
  o.lowStreak = 0;

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

  const protocol = getOrCreateProtocol(event.address);
  protocol.offeringsFlagged -= 1;
  protocol.save();
}
