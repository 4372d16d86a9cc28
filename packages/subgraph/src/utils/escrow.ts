// Exact replica of the contract's escrow arithmetic (HashpowerExchange._addCohort,
// HashpowerExchange._releasedToDate, EscrowMath.rate). All values are non-negative, so graph-ts
// BigInt division (truncating) equals Math.mulDiv's floor; BigInt is unbounded, so the 512-bit
// intermediate of mulDiv needs no special care.
import { BigInt } from "@graphprotocol/graph-ts";

import { Offering } from "../../generated/schema";
import { RATE_PRECISION, STATUS_ACTIVE } from "./constants";

/** EscrowMath.rate: `mulDiv(net, RATE_PRECISION, duration)`, rounded down. */
export function cohortRate(net: BigInt, duration: i32): BigInt {
  return net.times(RATE_PRECISION).div(BigInt.fromI32(duration));
}

/**
 * HashpowerExchange._addCohort: adds `net` to the cohort starting on `startDay`, folding the
 * pending cohort into (rateSum, rateDayProduct) first if it has started by `today`.
 */
export function addCohort(o: Offering, today: i32, startDay: i32, net: BigInt): void {
  let pendingNet = o.pendingNet;
  if (!pendingNet.isZero() && o.pendingDay <= today) {
    const pendingDay = o.pendingDay;
    const rate = cohortRate(pendingNet, o.termEndDay - pendingDay);
    o.rateSum = o.rateSum.plus(rate);
    o.rateDayProduct = o.rateDayProduct.plus(rate.times(BigInt.fromI32(pendingDay - o.termStartDay)));
    pendingNet = BigInt.zero();
  }
  o.pendingNet = pendingNet.plus(net);
  o.pendingDay = startDay;
  o.totalNet = o.totalNet.plus(net);
}

/** The day release has reached on `today`: today while Active, frozen at the flag day otherwise. */
export function releaseDay(o: Offering, today: i32): i32 {
  let day = today;
  if (o.status != STATUS_ACTIVE && o.flaggedDay < day) day = o.flaggedDay;
  if (day >= o.termEndDay) return o.termEndDay;
  return day;
}

/** HashpowerExchange._releasedToDate evaluated on `today` with the offering's current state. */
export function releasedToDate(o: Offering, today: i32): BigInt {
  let day = today;
  if (o.status != STATUS_ACTIVE && o.flaggedDay < day) day = o.flaggedDay;
  const endDay = o.termEndDay;
  if (day >= endDay) return o.totalNet;
  const termStart = o.termStartDay;
  if (day <= termStart) return BigInt.zero();
  let scaled = o.rateSum.times(BigInt.fromI32(day - termStart)).minus(o.rateDayProduct);
  const pendingDay = o.pendingDay;
  if (!o.pendingNet.isZero() && pendingDay < day) {
    scaled = scaled.plus(cohortRate(o.pendingNet, endDay - pendingDay).times(BigInt.fromI32(day - pendingDay)));
  }
  const released = scaled.div(RATE_PRECISION);
  return released.lt(o.totalNet) ? released : o.totalNet;
}

/** Start day of a position bought on `purchaseDay`: max(purchaseDay + 1, termStartDay). */
export function startDayOf(purchaseDay: i32, termStartDay: i32): i32 {
  return purchaseDay + 1 > termStartDay ? purchaseDay + 1 : termStartDay;
}
