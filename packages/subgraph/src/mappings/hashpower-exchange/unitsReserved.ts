import { UnitsReserved } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { dayOf, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, loadOffering, saveOfferingWithDay } from "../../utils/loaders";

/** reserveUnits: a primary auction holds units of the offering; they count as sold (as in the contract). */
export function handleUnitsReserved(event: UnitsReserved): void {
  const o = loadOffering(offeringId(event.params.offeringId));
  o.reservedUnits = o.reservedUnits.plus(event.params.units);
  o.unitsSold = o.unitsSold.plus(event.params.units);
  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);
}
