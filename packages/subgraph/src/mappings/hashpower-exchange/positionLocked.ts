import { PositionLocked } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { PositionLock } from "../../../generated/schema";
import { eventId, positionId } from "../../utils/ids";
import { getOrCreateLocker, loadPosition } from "../../utils/loaders";
import { applyLockPayouts, positionStatus } from "../../utils/positions";
import { VOID_LOCK, voidListingOf } from "../../utils/trading";

/** lock: an approved locker (staking, loans, auctions) holds the position in place; a listing of it is void. */
export function handlePositionLocked(event: PositionLocked): void {
  const params = event.params;
  const position = loadPosition(positionId(params.tokenId));
  const locker = getOrCreateLocker(params.locker);
  locker.activeLocks += 1;
  locker.save();

  const lock = new PositionLock(eventId(event));
  lock.position = position.id;
  lock.locker = locker.id;
  lock.owner = params.owner;
  lock.active = true;
  lock.payouts = params.payouts;
  lock.payoutChanges = 0;
  lock.lockedAtBlock = event.block.number;
  lock.lockedAtTimestamp = event.block.timestamp;
  lock.lockedAtTransaction = event.transaction.hash;
  lock.save();

  position.lockedBy = params.locker;
  position.currentLock = lock.id;
  position.locked = true;
  applyLockPayouts(position, params.payouts);
  position.status = positionStatus(position);
  // The exchange clears the per-token approval on lock (without an Approval event).
  position.listingsApproved = false;
  voidListingOf(position, VOID_LOCK, event);
  position.updatedAtBlock = event.block.number;
  position.save();
}
