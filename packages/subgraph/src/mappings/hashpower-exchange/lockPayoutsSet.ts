import { log } from "@graphprotocol/graph-ts";

import { LockPayoutsSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { PositionLock } from "../../../generated/schema";
import { positionId } from "../../utils/ids";
import { loadPosition } from "../../utils/loaders";
import { applyLockPayouts } from "../../utils/positions";

/** setLockPayouts: the lock holder re-routes where the position's rewards and refund go. */
export function handleLockPayoutsSet(event: LockPayoutsSet): void {
  const params = event.params;
  const position = loadPosition(positionId(params.tokenId));
  const lockId = position.currentLock;
  if (lockId === null) {
    log.critical("LockPayoutsSet for token {} without an indexed lock", [position.id]);
    return;
  }
  const lock = PositionLock.load(lockId)!;
  lock.payouts = params.payouts;
  lock.payoutChanges += 1;
  lock.save();

  applyLockPayouts(position, params.payouts);
  position.updatedAtBlock = event.block.number;
  position.save();
}
