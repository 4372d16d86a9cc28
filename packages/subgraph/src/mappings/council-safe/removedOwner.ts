import { RemovedOwner } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange, replaced, swapSuccessor, without } from "../../utils/council";

/** removeOwner drops the owner; swapOwner puts its successor in the same slot, as getOwners() lists them. */
export function handleRemovedOwner(event: RemovedOwner): void {
  const c = getOrCreateCouncil(event.address);
  const owner = event.params.owner;
  const successor = swapSuccessor(event);
  c.owners = successor ? replaced(c.owners, owner, successor) : without(c.owners, owner);
  c.save();
  const change = newCouncilChange(event, c.id, "OwnerRemoved");
  change.account = owner;
  change.save();
}
