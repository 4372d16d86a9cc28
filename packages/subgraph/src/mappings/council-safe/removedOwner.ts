import { RemovedOwner } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange, without } from "../../utils/council";

export function handleRemovedOwner(event: RemovedOwner): void {
  const c = getOrCreateCouncil(event.address);
  c.owners = without(c.owners, event.params.owner);
  c.save();
  const change = newCouncilChange(event, c.id, "OwnerRemoved");
  change.account = event.params.owner;
  change.save();
}
