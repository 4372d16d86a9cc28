// The handlers' state rules for Offering, restated in TypeScript: applying the exchange's logs in
// order must reproduce the contract's storage. scenario.test.ts checks that against getOffering
// at every checkpoint, which validates the rules the AssemblyScript handlers implement
// (src/mappings/hashpower-exchange/*.ts) without a graph node; mapping.test.ts then checks the
// compiled handlers themselves.
import { RATE_PRECISION } from "../../lib/escrow.js";

export type OfferingState = {
  status: "Active" | "Flagged" | "Halted";
  flagReason: number;
  flaggedDay: number;
  lastCoveredDay: number;
  lowStreak: number;
  termStartDay: number;
  termEndDay: number;
  totalNet: bigint;
  pendingNet: bigint;
  pendingDay: number;
  rateSum: bigint;
  rateDayProduct: bigint;
  withdrawn: bigint;
  refunded: bigint;
  feesAccrued: bigint;
  accRewardPerUnit: bigint;
  unitsSold: bigint;
};

type Log = { eventName: string; args: any };

export function applyLog(offerings: Map<bigint, OfferingState>, log: Log): void {
  const a = log.args;
  const o = a.offeringId !== undefined ? offerings.get(a.offeringId) : undefined;
  switch (log.eventName) {
    case "OfferingCreated":
      offerings.set(a.offeringId, {
        status: "Active",
        flagReason: 0,
        flaggedDay: 0,
        lastCoveredDay: a.terms.termStartDay - 1,
        lowStreak: 0,
        termStartDay: a.terms.termStartDay,
        termEndDay: a.terms.termEndDay,
        totalNet: 0n,
        pendingNet: 0n,
        pendingDay: 0,
        rateSum: 0n,
        rateDayProduct: 0n,
        withdrawn: 0n,
        refunded: 0n,
        feesAccrued: 0n,
        accRewardPerUnit: 0n,
        unitsSold: 0n,
      });
      return;
    case "PositionPurchased": {
      const today = Number(a.purchaseDay);
      const startDay = Number(a.startDay);
      let pendingNet = o!.pendingNet;
      if (pendingNet !== 0n && o!.pendingDay <= today) {
        const rate = (pendingNet * RATE_PRECISION) / BigInt(o!.termEndDay - o!.pendingDay);
        o!.rateSum += rate;
        o!.rateDayProduct += rate * BigInt(o!.pendingDay - o!.termStartDay);
        pendingNet = 0n;
      }
      o!.pendingNet = pendingNet + a.netAmount;
      o!.pendingDay = startDay;
      o!.totalNet += a.netAmount;
      o!.feesAccrued += a.fee;
      if (o!.unitsSold === 0n && o!.lastCoveredDay < startDay - 1) o!.lastCoveredDay = startDay - 1;
      o!.unitsSold += a.units;
      return;
    }
    case "RewardDeposited":
      o!.accRewardPerUnit = a.accRewardPerUnit;
      o!.lastCoveredDay = Number(a.day);
      o!.lowStreak = Math.min(Number(a.lowStreak), 65_535);
      return;
    case "EscrowWithdrawn":
      o!.withdrawn = a.releasedToDate;
      return;
    case "FeesCollected":
      o!.feesAccrued = 0n;
      return;
    case "OfferingFlagged":
      o!.status = "Flagged";
      o!.flaggedDay = Number(a.day);
      o!.flagReason = Number(a.reason);
      return;
    case "OfferingResumed":
      o!.status = "Active";
      o!.flagReason = 0;
      o!.lowStreak = 0;
      return;
    case "OfferingHalted":
      o!.status = "Halted";
      return;
    case "RefundClaimed":
      o!.refunded += a.amount;
      return;
  }
}
