import { OfferingFlagged } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Flag } from "../../../generated/schema";
import { flagReasonName, STATUS_FLAGGED } from "../../utils/constants";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, getOrCreateProtocol, loadOffering, saveOfferingWithDay } from "../../utils/loaders";

/** DefaultMonitor.flag: release freezes at frozenDay (the flag day, or earlier under the end-of-term holdback). */
export function handleOfferingFlagged(event: OfferingFlagged): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  const reason = flagReasonName(params.reason);
  o.status = STATUS_FLAGGED;
  o.frozenDay = params.frozenDay.toI32();
  o.flaggedOnDay = params.day.toI32();
  o.flagReason = reason;

  const flag = new Flag(eventId(event));
  flag.offering = o.id;
  flag.action = "Flagged";
  flag.by = params.flagger;
  flag.day = params.day.toI32();
  flag.reason = reason;
  flag.frozenDay = params.frozenDay.toI32();
  flag.lastCoveredDay = params.lastCoveredDay.toI32();
  flag.windowSharePerMille = params.windowSharePerMille.toI32();
  flag.blockNumber = event.block.number;
  flag.timestamp = event.block.timestamp;
  flag.transactionHash = event.transaction.hash;
  flag.logIndex = event.logIndex;
  flag.save();

  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);

  const protocol = getOrCreateProtocol(event.address);
  protocol.offeringsFlagged += 1;
  protocol.save();
}
