type Numeric = bigint | string | number;

/** The Offering fields the escrow and default formulas read (as the subgraph serves them). */
export interface OfferingEscrowFields {
  status: "Active" | "Flagged" | "Halted" | string;
  frozenDay: Numeric;
  termStartDay: Numeric;
  termEndDay: Numeric;
  holdbackDays: Numeric;
  lastCoveredDay: Numeric;
  totalNet: Numeric;
  withdrawn: Numeric;
  accRewardPerUnit: Numeric;
  unitsSold: Numeric;
  recentShares: Numeric;
}

export interface PositionFields {
  units: Numeric;
  rewardSnapshot: Numeric;
  netPaid: Numeric;
  refunded: boolean;
}

/** The Protocol fields flaggable() reads (the current default thresholds). */
export interface ThresholdFields {
  missedDaysThreshold: Numeric;
  windowDays: Numeric;
  minRewardRatioBps: Numeric;
  postTermFlagDays: Numeric;
}

export type FlagReasonName = "None" | "MissedDeposits" | "LowRewards";

export interface Flaggability {
  canFlag: boolean;
  reason: FlagReasonName;
  missedDays: number;
  /** floor(window sum / windowDays) when the window is full, else 0 (as the contract reports it). */
  windowShare: number;
}

type HoldbackFields = Pick<OfferingEscrowFields, "termEndDay" | "holdbackDays" | "lastCoveredDay">;
type ReleaseFields = HoldbackFields & Pick<OfferingEscrowFields, "status" | "frozenDay">;

export declare const REWARD_PRECISION: bigint;
export declare const SECONDS_PER_DAY: number;
export declare const CORRECTION_WINDOW: number;
export declare const MAX_WINDOW_DAYS: number;
export declare const FULL_SHARE: number;

export declare function dayOf(timestampSeconds: Numeric): number;

export declare function released(totalNet: Numeric, startDay: Numeric, endDay: Numeric, day: Numeric): bigint;
export declare function positionReleasedCeil(net: Numeric, startDay: Numeric, endDay: Numeric, day: Numeric): bigint;
export declare function holdbackDay(day: Numeric, endDay: Numeric, holdbackDays: Numeric, lastCoveredDay: Numeric): number;
export declare function heldBackDay(offering: HoldbackFields, day: Numeric): number;
export declare function releaseDay(offering: ReleaseFields, today: Numeric): number;
export declare function releasedToDate(offering: ReleaseFields & Pick<OfferingEscrowFields, "totalNet" | "termStartDay">, today: Numeric): bigint;
export declare function withdrawableEscrow(
  offering: ReleaseFields & Pick<OfferingEscrowFields, "totalNet" | "termStartDay" | "withdrawn">,
  today: Numeric,
): bigint;

export declare function claimableRewards(position: Pick<PositionFields, "units" | "rewardSnapshot">, offering: Pick<OfferingEscrowFields, "accRewardPerUnit">): bigint;
export declare function refundableOf(
  position: Pick<PositionFields, "units" | "netPaid" | "refunded">,
  offering: Pick<OfferingEscrowFields, "status" | "frozenDay" | "termStartDay" | "termEndDay">,
): bigint;

export declare function shareOf(dayRewardPerUnitWad: Numeric, marketAvgPerUnitWad: Numeric): number;
export declare function dayRewardPerUnitWad(amount: Numeric, units: Numeric): bigint;
export declare function pushShare(recentShares: Numeric, share: Numeric): bigint;
export declare function judgedDays(recentShares: Numeric): number;
export declare function shareAt(recentShares: Numeric, i: Numeric): number;
export declare function windowShares(recentShares: Numeric): number[];
export declare function windowSum(recentShares: Numeric, windowDays: Numeric): { sum: number; full: boolean };
export declare function windowShare(recentShares: Numeric, windowDays: Numeric): number;
export declare function isLowWindow(recentShares: Numeric, windowDays: Numeric, minRewardRatioBps: Numeric): boolean;

export declare function missedDays(offering: Pick<OfferingEscrowFields, "lastCoveredDay" | "termEndDay">, today: Numeric): number;
export declare function flaggable(
  offering: Pick<OfferingEscrowFields, "status" | "unitsSold" | "termEndDay" | "lastCoveredDay" | "recentShares">,
  thresholds: ThresholdFields,
  today: Numeric,
): Flaggability;

export declare function isRateFinal(marketRate: { finalAt: Numeric }, nowSeconds: Numeric): boolean;
