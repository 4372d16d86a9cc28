/**
 * Daily-release escrow arithmetic, mirroring `EscrowMath` and `HashpowerExchange._releasedToDate` /
 * `_refundable` exactly (bigint, same rounding). Checked against the contracts by the shared vectors
 * in packages/contracts/test/vectors (forge: test/unit/Vectors.t.sol).
 *
 * Sales close when the term starts, so every position of an offering starts on `termStartDay` and
 * the offering's escrow is one cohort: after `elapsed` whole days, `floor(totalNet * elapsed / termDays)`
 * is released (a position's share rounds up, so refunds never exceed what escrow holds). In the last
 * `holdbackDays` of the term release never passes the day after the last covered day: the miner
 * withdraws the final days only once their rewards are deposited. While flagged or halted release
 * stays at `frozenDay`.
 */
export type OfferingStatusName = "Active" | "Flagged" | "Halted";

/** The escrow fields of an offering, as the contract stores them (and the subgraph mirrors them). */
export interface EscrowState {
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly totalNet: bigint;
  readonly status: OfferingStatusName;
  /** Release never passes this day while flagged or halted (0 if never flagged). */
  readonly frozenDay: number;
  /** The end-of-term holdback snapshotted at creation: min(missed-days threshold, term days). */
  readonly holdbackDays: number;
  /** Last day a deposit covered (termStartDay - 1 before any). */
  readonly lastCoveredDay: number;
}

/** Released amount of an offering's `totalNet` at `day`, rounded down (`EscrowMath.released`). */
export function released(totalNet: bigint, startDay: number, endDay: number, day: number): bigint {
  if (day <= startDay) return 0n;
  if (day >= endDay) return totalNet;
  return (totalNet * BigInt(day - startDay)) / BigInt(endDay - startDay);
}

/** Released amount of one position at `day`, rounded UP (`EscrowMath.positionReleasedCeil`). */
export function positionReleasedCeil(net: bigint, startDay: number, endDay: number, day: number): bigint {
  if (day <= startDay) return 0n;
  if (day >= endDay) return net;
  const num = net * BigInt(day - startDay);
  const den = BigInt(endDay - startDay);
  return (num + den - 1n) / den;
}

/** First day of the end-of-term holdback zone: release past it waits for deposits. */
export function holdbackStart(endDay: number, holdbackDays: number): number {
  return endDay - holdbackDays;
}

/**
 * The day release has reached at `day` under the end-of-term holdback (`EscrowMath.holdbackDay`):
 * inside the last `holdbackDays` of the term, never past `lastCoveredDay + 1`.
 */
export function holdbackDay(day: number, endDay: number, holdbackDays: number, lastCoveredDay: number): number {
  const zoneStart = holdbackStart(endDay, holdbackDays);
  if (day <= zoneStart) return day;
  const cap = Math.max(lastCoveredDay + 1, zoneStart);
  return Math.min(day, cap);
}

/** {@link holdbackDay} for an offering (`EscrowMath.heldBackDay`). */
export function heldBackDay(
  o: Pick<EscrowState, "termEndDay" | "holdbackDays" | "lastCoveredDay">,
  day: number,
): number {
  if (day + o.holdbackDays <= o.termEndDay) return day;
  return holdbackDay(day, o.termEndDay, o.holdbackDays, o.lastCoveredDay);
}

/** The day release has reached on `today`, before capping at the term end (as `_releasedToDate`). */
export function releaseDay(o: EscrowState, today: number): number {
  if (o.status !== "Active" && o.frozenDay < today) return o.frozenDay;
  return heldBackDay(o, today);
}

/** What `releasedToDate(offeringId)` returns on `today` (UTC day number). */
export function releasedToDate(o: EscrowState, today: number): { released: bigint; day: number } {
  const day = releaseDay(o, today);
  if (day >= o.termEndDay) return { released: o.totalNet, day: o.termEndDay };
  return { released: released(o.totalNet, o.termStartDay, o.termEndDay, day), day };
}

/** Released escrow the miner can still withdraw on `today` (`withdrawableEscrow(offeringId)`). */
export function withdrawableEscrow(o: EscrowState & { readonly withdrawn: bigint }, today: number): bigint {
  return releasedToDate(o, today).released - o.withdrawn;
}

/** Refund a position of a halted offering can pull: its net minus its (rounded-up) release at the frozen day. */
export function refundableOf(net: bigint, startDay: number, endDay: number, frozenDay: number): bigint {
  return net - positionReleasedCeil(net, startDay, endDay, frozenDay);
}

/** An offering's escrow on a day: released to the miner, still held, refunded to buyers. */
export interface EscrowSplit {
  readonly released: bigint;
  readonly held: bigint;
  readonly refunded: bigint;
  /** The day release has reached. */
  readonly day: number;
}

/** Released / still held / refunded split of an offering's escrow, for progress bars. */
export function escrowSplit(o: EscrowState & { readonly refunded: bigint }, today: number): EscrowSplit {
  const { released: rel, day } = releasedToDate(o, today);
  const held = o.totalNet - rel - o.refunded;
  return { released: rel, held: held > 0n ? held : 0n, refunded: o.refunded, day };
}

/** Where the end-of-term holdback stands on `today`, for the offering page and the miner desk. */
export interface HoldbackStatus {
  readonly holdbackDays: number;
  /** First day whose release waits for the previous day's deposit (termEndDay - holdbackDays). */
  readonly zoneStart: number;
  /** Whether today is past the zone start (release may be held back now). */
  readonly inZone: boolean;
  /** Days of release held back now: how far the released day trails today (capped at the term end). */
  readonly heldDays: number;
  /** The day release has reached under the holdback alone (ignoring a flag). */
  readonly releasedDay: number;
  /**
   * The day whose deposit (after every day before it) releases one more day, or null when nothing is
   * held back: release stands at `releasedDay`, i.e. days before it are paid out, so covering
   * `releasedDay` itself moves it on.
   */
  readonly nextToCover: number | null;
}

/** Where the end-of-term holdback stands on `today` (see {@link HoldbackStatus}). */
export function holdbackStatus(
  o: Pick<EscrowState, "termEndDay" | "holdbackDays" | "lastCoveredDay">,
  today: number,
): HoldbackStatus {
  const zoneStart = holdbackStart(o.termEndDay, o.holdbackDays);
  const releasedDay = Math.min(heldBackDay(o, today), o.termEndDay);
  const heldDays = Math.max(Math.min(today, o.termEndDay) - releasedDay, 0);
  return {
    holdbackDays: o.holdbackDays,
    zoneStart,
    inZone: today > zoneStart,
    heldDays,
    releasedDay,
    nextToCover: heldDays > 0 ? releasedDay : null,
  };
}
