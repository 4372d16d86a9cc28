import { ReservedUnitsReleased } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { ZERO } from "../../utils/constants";
import { dayOf, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, loadOffering, saveOfferingWithDay } from "../../utils/loaders";

/** releaseReservedUnits: an auction ended without a winner; its units are back on sale. */
export function handleReservedUnitsReleased(event: ReservedUnitsReleased): void {
  const o = loadOffering(offeringId(event.params.offeringId));
  const units = event.params.units;
  o.reservedUnits = o.reservedUnits.ge(units) ? o.reservedUnits.minus(units) : ZERO;
  o.unitsSold = o.unitsSold.ge(units) ? o.unitsSold.minus(units) : ZERO;
  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);
}
