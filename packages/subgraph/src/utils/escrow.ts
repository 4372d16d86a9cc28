// Exact replica of the contract's escrow arithmetic (HashpowerExchange._releasedToDate,
// EscrowMath.released / heldBackDay): every position starts on termStartDay, so the escrow is one
// cohort released linearly over the term, held back in the last holdbackDays until covered, and
// frozen at frozenDay while flagged or halted. All values are non-negative, so graph-ts BigInt
// division (truncating) equals Math.mulDiv's floor; BigInt is unbounded, so the 512-bit
// intermediate of mulDiv needs no special care. @dmex/money-math is the same math for the app.
import { BigInt } from "@graphprotocol/graph-ts";

import { Offering } from "../../generated/schema";
import { STATUS_ACTIVE } from "./constants";
import { holdbackDay, releaseDayOf } from "./days";

/** EscrowMath.released: `totalNet * (day - startDay) / (endDay - startDay)`, rounded down. */
export function released(totalNet: BigInt, startDay: i32, endDay: i32, day: i32): BigInt {
  if (day <= startDay) return BigInt.zero();
  if (day >= endDay) return totalNet;
  return totalNet.times(BigInt.fromI32(day - startDay)).div(BigInt.fromI32(endDay - startDay));
}

/** EscrowMath.heldBackDay: also the day a flag raised on `day` freezes release at. */
export function heldBackDay(o: Offering, day: i32): i32 {
  return holdbackDay(day, o.termEndDay, o.holdbackDays, o.lastCoveredDay);
}

/** The day release has reached on `today` (releasedToDate's `releasedDay`). */
export function releaseDay(o: Offering, today: i32): i32 {
  return releaseDayOf(o.status == STATUS_ACTIVE, o.frozenDay, today, o.termEndDay, o.holdbackDays, o.lastCoveredDay);
}

/** HashpowerExchange._releasedToDate evaluated on `today` with the offering's current state. */
export function releasedToDate(o: Offering, today: i32): BigInt {
  return released(o.totalNet, o.termStartDay, o.termEndDay, releaseDay(o, today));
}
