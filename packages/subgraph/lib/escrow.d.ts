type Numeric = bigint | string | number;

export interface OfferingEscrowFields {
  status: "Active" | "Flagged" | "Halted" | string;
  flaggedDay: Numeric;
  termStartDay: Numeric;
  termEndDay: Numeric;
  totalNet: Numeric;
  pendingNet: Numeric;
  pendingDay: Numeric;
  rateSum: Numeric;
  rateDayProduct: Numeric;
  withdrawn: Numeric;
  accRewardPerUnit: Numeric;
}

export interface PositionFields {
  units: Numeric;
  rewardSnapshot: Numeric;
  netPaid: Numeric;
  startDay: Numeric;
  refunded: boolean;
}

export declare const RATE_PRECISION: bigint;
export declare const REWARD_PRECISION: bigint;
export declare const SECONDS_PER_DAY: number;
export declare function dayOf(timestampSeconds: Numeric): number;
export declare function cohortRate(net: Numeric, duration: Numeric): bigint;
export declare function releaseDay(offering: Pick<OfferingEscrowFields, "status" | "flaggedDay" | "termEndDay">, today: Numeric): number;
export declare function releasedToDate(offering: Omit<OfferingEscrowFields, "withdrawn" | "accRewardPerUnit">, today: Numeric): bigint;
export declare function withdrawableEscrow(offering: Omit<OfferingEscrowFields, "accRewardPerUnit">, today: Numeric): bigint;
export declare function claimableRewards(position: Pick<PositionFields, "units" | "rewardSnapshot">, offering: Pick<OfferingEscrowFields, "accRewardPerUnit">): bigint;
export declare function positionReleasedCeil(net: Numeric, startDay: Numeric, endDay: Numeric, day: Numeric): bigint;
export declare function refundableOf(position: PositionFields, offering: Pick<OfferingEscrowFields, "status" | "flaggedDay" | "termEndDay">): bigint;
