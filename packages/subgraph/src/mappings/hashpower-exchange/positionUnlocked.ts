import { log } from "@graphprotocol/graph-ts";

import { PositionUnlocked } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { PositionLock } from "../../../generated/schema";
import { ZERO_ADDRESS } from "../../utils/constants";
import { positionId } from "../../utils/ids";
import { getOrCreateLocker, loadPosition } from "../../utils/loaders";
import { positionStatus } from "../../utils/positions";
import { reviveListingOf } from "../../utils/trading";

/**
 * unlock / seize / releaseRevokedLock close the current lock period. A seller who approved the listings
 * contract during the lock gets its stored listing back (a seize's Transfer follows and voids it again).
 */
export function handlePositionUnlocked(event: PositionUnlocked): void {
  const params = event.params;
  const position = loadPosition(positionId(params.tokenId));
  const lockId = position.currentLock;
  if (lockId === null) {
    log.critical("PositionUnlocked for token {} without an indexed lock", [position.id]);
    return;
  }
  const lock = PositionLock.load(lockId)!;
  lock.active = false;
  if (!params.seizedTo.equals(ZERO_ADDRESS)) lock.seizedTo = params.seizedTo;
  lock.unlockedAtBlock = event.block.number;
  lock.unlockedAtTimestamp = event.block.timestamp;
  lock.unlockedAtTransaction = event.transaction.hash;
  lock.save();

  const locker = getOrCreateLocker(params.locker);
  locker.activeLocks -= 1;
  locker.save();

  position.lockedBy = null;
  position.currentLock = null;
  position.locked = false;
  position.rewardsToLocker = false;
  position.refundToLocker = false;
  position.status = positionStatus(position);
  position.updatedAtBlock = event.block.number;
  reviveListingOf(position, event);
  position.save();
}
