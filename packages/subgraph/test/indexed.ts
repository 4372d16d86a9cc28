// The contract's time-dependent views computed from indexed entities, with @dmex/money-math (the
// one TypeScript copy of the escrow, reward and window math). GraphQL returns BigInt fields as
// decimal strings and Int fields as numbers; the scenario replay keeps bigints: every input here
// accepts bigint | string | number and is converted once, at this boundary.
import {
  claimable,
  dayOf as dayOfTimestamp,
  decodeRecentShares,
  delinquency,
  refundableOf as refundableOfNet,
  releasedToDate as releasedOf,
  type EscrowState,
  type FlagReasonName,
  type OfferingStatusName,
} from "@dmex/money-math";

export type Numeric = bigint | string | number;

/** MarketRateOracle.CORRECTION_WINDOW: a report is final this many seconds after it was made. */
export const CORRECTION_WINDOW = 3600;

/** The Offering fields the escrow and default views read (as the subgraph serves them). */
export interface IndexedOffering {
  readonly status: string;
  readonly frozenDay: Numeric;
  readonly termStartDay: Numeric;
  readonly termEndDay: Numeric;
  readonly holdbackDays: Numeric;
  readonly lastCoveredDay: Numeric;
  readonly totalNet: Numeric;
}

export interface IndexedPosition {
  readonly units: Numeric;
  readonly rewardSnapshot: Numeric;
  readonly netPaid: Numeric;
  readonly refunded: boolean;
}

/** The Protocol fields flaggable() reads (the current default thresholds). */
export interface IndexedThresholds {
  readonly missedDaysThreshold: Numeric;
  readonly windowDays: Numeric;
  readonly minRewardRatioBps: Numeric;
  readonly postTermFlagDays: Numeric;
  readonly minCoverageBps?: Numeric;
}

export interface Flaggability {
  readonly canFlag: boolean;
  readonly reason: FlagReasonName;
  readonly missedDays: number;
  /** floor(window sum / windowDays) when the window is full, else 0 (as the contract reports it). */
  readonly windowShare: number;
}

const STATUSES: readonly OfferingStatusName[] = ["Active", "Flagged", "Halted"];

function statusOf(status: string): OfferingStatusName {
  const known = STATUSES.find((s) => s === status);
  if (!known) throw new Error(`offering status ${status} has no escrow`);
  return known;
}

/** The contract's UTC day of a Unix time in seconds. */
export function dayOf(timestampSeconds: Numeric): number {
  return dayOfTimestamp(BigInt(timestampSeconds));
}

/** An indexed offering as @dmex/money-math's escrow state. */
export function escrowOf(o: IndexedOffering): EscrowState {
  return {
    status: statusOf(o.status),
    frozenDay: Number(o.frozenDay),
    termStartDay: Number(o.termStartDay),
    termEndDay: Number(o.termEndDay),
    holdbackDays: Number(o.holdbackDays),
    lastCoveredDay: Number(o.lastCoveredDay),
    totalNet: BigInt(o.totalNet),
  };
}

/** = HashpowerExchange.releasedToDate(offeringId).released on `today`. */
export function releasedToDate(o: IndexedOffering, today: Numeric): bigint {
  return releasedOf(escrowOf(o), Number(today)).released;
}

/** = releasedToDate(offeringId).releasedDay on `today` (capped at the term end). */
export function releaseDay(o: IndexedOffering, today: Numeric): number {
  return releasedOf(escrowOf(o), Number(today)).day;
}

/** = withdrawableEscrow(offeringId) on `today`. */
export function withdrawableEscrow(o: IndexedOffering & { readonly withdrawn: Numeric }, today: Numeric): bigint {
  return releasedToDate(o, today) - BigInt(o.withdrawn);
}

/** = claimableRewards(tokenId). */
export function claimableRewards(
  p: Pick<IndexedPosition, "units" | "rewardSnapshot">,
  o: { readonly accRewardPerUnit: Numeric },
): bigint {
  return claimable(BigInt(p.units), BigInt(o.accRewardPerUnit), BigInt(p.rewardSnapshot));
}

/** = refundableOf(tokenId): a halted offering's unrefunded position gets its net minus its release rounded up at frozenDay. */
export function refundableOf(
  p: Pick<IndexedPosition, "units" | "netPaid" | "refunded">,
  o: Pick<IndexedOffering, "status" | "frozenDay" | "termStartDay" | "termEndDay">,
): bigint {
  if (o.status !== "Halted" || p.refunded || BigInt(p.units) === 0n) return 0n;
  return refundableOfNet(BigInt(p.netPaid), Number(o.termStartDay), Number(o.termEndDay), Number(o.frozenDay));
}

/** = DefaultMonitor.flaggable(offeringId) on `today`. */
export function flaggable(
  o: Pick<IndexedOffering, "status" | "termEndDay" | "lastCoveredDay"> & {
    readonly unitsSold: Numeric;
    readonly recentShares: Numeric;
  },
  t: IndexedThresholds,
  today: Numeric,
): Flaggability {
  const d = delinquency(
    {
      status: statusOf(o.status),
      unitsSold: BigInt(o.unitsSold),
      lastCoveredDay: Number(o.lastCoveredDay),
      termEndDay: Number(o.termEndDay),
      window: decodeRecentShares(BigInt(o.recentShares)),
    },
    Number(today),
    {
      missedDaysThreshold: Number(t.missedDaysThreshold),
      windowDays: Number(t.windowDays),
      minRewardRatioBps: Number(t.minRewardRatioBps),
      minCoverageBps: Number(t.minCoverageBps ?? 0), // not part of flaggable
      postTermFlagDays: Number(t.postTermFlagDays),
    },
  );
  return { canFlag: d.canFlag, reason: d.reason, missedDays: d.missedDays, windowShare: d.windowShare };
}

/** Whether a report (MarketRate) is final, i.e. usable by depositReward, at `nowSeconds`. */
export function isRateFinal(marketRate: { readonly finalAt: Numeric }, nowSeconds: Numeric): boolean {
  return BigInt(nowSeconds) >= BigInt(marketRate.finalAt);
}
