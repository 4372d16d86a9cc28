import { Approval } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Position } from "../../../generated/schema";
import { positionId } from "../../utils/ids";
import { isListingsContract, reviveListingOf, VOID_APPROVAL, voidListingOf } from "../../utils/trading";

/**
 * ERC-721 approve. A listing fills only while the position carries the listings contract's approval:
 * approving anyone else (or clearing it) voids the Live listing; the seller approving the listings
 * contract again brings its stored listing back if every other condition holds (as the contract does).
 */
export function handleApproval(event: Approval): void {
  const position = Position.load(positionId(event.params.tokenId));
  if (position == null) return;
  position.listingsApproved = isListingsContract(event.params.approved);
  if (position.listingsApproved) reviveListingOf(position, event);
  else voidListingOf(position, VOID_APPROVAL, event);
  position.updatedAtBlock = event.block.number;
  position.save();
}
