import { Position } from "../../generated/schema";
import { POSITION_ACTIVE, POSITION_LOCKED, POSITION_REFUNDED } from "./constants";

/** Refunded wins over Locked (a refund is final), Locked over Active. */
export function positionStatus(p: Position): string {
  if (p.refunded) return POSITION_REFUNDED;
  if (p.locked) return POSITION_LOCKED;
  return POSITION_ACTIVE;
}
