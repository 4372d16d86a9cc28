import { Position } from "../../generated/schema";
import { POSITION_ACTIVE, POSITION_LOCKED, POSITION_REFUNDED } from "./constants";

/** Refunded wins over Locked (a refund is final), Locked over Active. */
export function positionStatus(p: Position): string {
  if (p.refunded) return POSITION_REFUNDED;
  if (p.locked) return POSITION_LOCKED;
  return POSITION_ACTIVE;
}

/** LockPayouts bits (IPositionLocks): 1 routes rewards to the lock holder, 2 routes the refund. */
const REWARDS_TO_LOCKER = 1;
const REFUND_TO_LOCKER = 2;

export function applyLockPayouts(p: Position, payouts: i32): void {
  p.rewardsToLocker = (payouts & REWARDS_TO_LOCKER) != 0;
  p.refundToLocker = (payouts & REFUND_TO_LOCKER) != 0;
}
