/**
 * Daily-release escrow arithmetic, mirroring `EscrowMath` and `HashpowerExchange._releasedToDate`
 * / `_refundable` / `_addCohort` exactly (bigint, same rounding). Checked against the contracts by
 * the shared vectors in packages/contracts/test/vectors (forge: test/unit/Vectors.t.sol).
 */
export const RATE_PRECISION = 1_000_000n;

export type OfferingStatusName = "Active" | "Flagged" | "Halted";

/** The escrow fields of an offering, as the contract stores them (and the subgraph mirrors them). */
export interface EscrowState {
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly totalNet: bigint;
  readonly pendingNet: bigint;
  readonly pendingDay: number;
  readonly rateSum: bigint;
  readonly rateDayProduct: bigint;
  readonly status: OfferingStatusName;
  readonly flaggedDay: number;
}

/** Release rate of a cohort with `net` escrowed over `duration` days (rounded down). */
export function cohortRate(net: bigint, duration: number): bigint {
  if (duration <= 0) throw new RangeError("duration must be positive");
  return (net * RATE_PRECISION) / BigInt(duration);
}

/** First release day of a position: max(purchaseDay + 1, termStartDay). */
export function startDayOf(purchaseDay: number, termStartDay: number): number {
  return Math.max(purchaseDay + 1, termStartDay);
}

/** What `releasedToDate(offeringId)` returns on `today` (UTC day number). */
export function releasedToDate(o: EscrowState, today: number): { released: bigint; day: number } {
  let day = today;
  if (o.status !== "Active" && o.flaggedDay < day) day = o.flaggedDay;
  if (day >= o.termEndDay) return { released: o.totalNet, day: o.termEndDay };
  if (day <= o.termStartDay) return { released: 0n, day };
  let scaled = o.rateSum * BigInt(day - o.termStartDay) - o.rateDayProduct;
  if (o.pendingNet !== 0n && o.pendingDay < day) {
    scaled += cohortRate(o.pendingNet, o.termEndDay - o.pendingDay) * BigInt(day - o.pendingDay);
  }
  const released = scaled / RATE_PRECISION;
  return { released: released < o.totalNet ? released : o.totalNet, day };
}

/** The escrow state after a purchase of `net` on `today` (mirrors `_addCohort`). */
export function addPurchase(o: EscrowState, today: number, net: bigint): EscrowState {
  let { pendingNet, rateSum, rateDayProduct } = o;
  if (pendingNet !== 0n && o.pendingDay <= today) {
    const rate = cohortRate(pendingNet, o.termEndDay - o.pendingDay);
    rateSum += rate;
    rateDayProduct += rate * BigInt(o.pendingDay - o.termStartDay);
    pendingNet = 0n;
  }
  return {
    ...o,
    pendingNet: pendingNet + net,
    pendingDay: startDayOf(today, o.termStartDay),
    rateSum,
    rateDayProduct,
    totalNet: o.totalNet + net,
  };
}

/** Released amount of one position at `day`, rounded up (`EscrowMath.positionReleasedCeil`). */
export function positionReleasedCeil(net: bigint, startDay: number, endDay: number, day: number): bigint {
  if (day <= startDay) return 0n;
  if (day >= endDay) return net;
  const num = net * BigInt(day - startDay);
  const den = BigInt(endDay - startDay);
  return (num + den - 1n) / den;
}

/** Refund a position of a halted offering can pull: its net minus what was released up to the flag day. */
export function refundableOf(net: bigint, startDay: number, endDay: number, flaggedDay: number): bigint {
  return net - positionReleasedCeil(net, startDay, endDay, flaggedDay);
}

/** Released / still held / refunded split of an offering's escrow, for progress bars. */
export function escrowSplit(o: EscrowState & { readonly refunded: bigint }, today: number) {
  const { released, day } = releasedToDate(o, today);
  const held = o.totalNet - released - o.refunded;
  return { released, held: held > 0n ? held : 0n, refunded: o.refunded, day };
}
