import { HoldbackSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { dayOf, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, loadOffering, saveOfferingWithDay } from "../../utils/loaders";

/** OfferingFactory.create snapshots the end-of-term holdback right after OfferingCreated. */
export function handleHoldbackSet(event: HoldbackSet): void {
  const o = loadOffering(offeringId(event.params.offeringId));
  o.holdbackDays = event.params.holdbackDays.toI32();
  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);
}
