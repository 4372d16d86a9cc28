// The handlers' state rules for Offering, restated in TypeScript: applying the exchange's logs in
// order must reproduce the contract's storage. scenario.test.ts checks that against getOffering
// at every checkpoint, which validates the rules the AssemblyScript handlers implement
// (src/mappings/hashpower-exchange/*.ts) without a graph node; mapping.test.ts then checks the
// compiled handlers themselves. The window is rebuilt from each deposit's share with
// @dmex/money-math's pushShare (not copied from the event), so the packing model is checked too.
import { pushShare } from "@dmex/money-math";

export type OfferingState = {
  status: "Active" | "Flagged" | "Halted";
  flagReason: number;
  frozenDay: number;
  flaggedOnDay: number;
  lastCoveredDay: number;
  recentShares: bigint;
  holdbackDays: number;
  termStartDay: number;
  termEndDay: number;
  totalNet: bigint;
  withdrawn: bigint;
  refunded: bigint;
  feesAccrued: bigint;
  accRewardPerUnit: bigint;
  unitsSold: bigint;
};

export type Thresholds = {
  missedDaysThreshold: number;
  windowDays: number;
  minRewardRatioBps: number;
  minCoverageBps: number;
  postTermFlagDays: number;
};

type Log = { eventName: string; args: any };

export function applyLog(offerings: Map<bigint, OfferingState>, log: Log, thresholds?: Thresholds): void {
  const a = log.args;
  const o = a.offeringId !== undefined ? offerings.get(a.offeringId) : undefined;
  switch (log.eventName) {
    case "DefaultThresholdsSet":
      if (thresholds) {
        for (const key of Object.keys(thresholds) as (keyof Thresholds)[]) thresholds[key] = Number(a[key]);
      }
      return;
    case "OfferingCreated":
      offerings.set(a.offeringId, {
        status: "Active",
        flagReason: 0,
        frozenDay: 0,
        flaggedOnDay: 0,
        lastCoveredDay: a.terms.termStartDay - 1,
        recentShares: 0n,
        holdbackDays: 0,
        termStartDay: a.terms.termStartDay,
        termEndDay: a.terms.termEndDay,
        totalNet: 0n,
        withdrawn: 0n,
        refunded: 0n,
        feesAccrued: 0n,
        accRewardPerUnit: 0n,
        unitsSold: 0n,
      });
      return;
    case "HoldbackSet":
      o!.holdbackDays = Number(a.holdbackDays);
      return;
    case "PositionPurchased":
      o!.totalNet += a.netAmount;
      o!.feesAccrued += a.fee;
      o!.unitsSold += a.units;
      return;
    case "RewardDeposited":
      o!.accRewardPerUnit = a.accRewardPerUnit;
      o!.lastCoveredDay = Number(a.day);
      o!.recentShares = pushShare(o!.recentShares, Number(a.sharePerMille));
      return;
    case "EscrowWithdrawn":
      o!.withdrawn = a.releasedToDate;
      return;
    case "FeesCollected":
      o!.feesAccrued = 0n;
      return;
    case "OfferingFlagged":
      o!.status = "Flagged";
      o!.frozenDay = Number(a.frozenDay);
      o!.flaggedOnDay = Number(a.day);
      o!.flagReason = Number(a.reason);
      return;
    case "OfferingResumed":
      o!.status = "Active";
      o!.flagReason = 0;
      o!.recentShares = 0n;
      return;
    case "OfferingHalted":
      o!.status = "Halted";
      return;
    case "RefundClaimed":
      o!.refunded += a.amount;
      return;
  }
}
