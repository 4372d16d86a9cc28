import { Approval } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Position } from "../../../generated/schema";
import { positionId } from "../../utils/ids";
import { isListingsContract, VOID_APPROVAL, voidListingOf } from "../../utils/trading";

/**
 * ERC-721 approve: a listing fills only while the position carries the listings contract's
 * approval, so approving anyone else (or clearing it) voids the Live listing for good.
 */
export function handleApproval(event: Approval): void {
  const position = Position.load(positionId(event.params.tokenId));
  if (position == null || position.listing === null) return;
  if (isListingsContract(event.params.approved)) return;
  voidListingOf(position, VOID_APPROVAL, event);
  position.save();
}
