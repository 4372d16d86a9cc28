import { AddedOwner } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange, prepend } from "../../utils/council";

/** addOwnerWithThreshold and swapOwner (after its RemovedOwner); a new owner heads Safe's list. */
export function handleAddedOwner(event: AddedOwner): void {
  const c = getOrCreateCouncil(event.address);
  c.owners = prepend(c.owners, event.params.owner);
  c.save();
  const change = newCouncilChange(event, c.id, "OwnerAdded");
  change.account = event.params.owner;
  change.save();
}
