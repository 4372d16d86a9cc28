import { AddedOwner } from "../../../generated/CouncilSafe/CouncilSafe";
import { contains, getOrCreateCouncil, newCouncilChange, prepend } from "../../utils/council";

/**
 * addOwnerWithThreshold puts the new owner at the head of Safe's list; after a swapOwner the
 * RemovedOwner handler has already put it in the removed owner's slot.
 */
export function handleAddedOwner(event: AddedOwner): void {
  const c = getOrCreateCouncil(event.address);
  const owner = event.params.owner;
  if (!contains(c.owners, owner)) c.owners = prepend(c.owners, owner);
  c.save();
  const change = newCouncilChange(event, c.id, "OwnerAdded");
  change.account = owner;
  change.save();
}
