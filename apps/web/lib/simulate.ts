/**
 * A pure replay of an offering's life (buys, deposits, flag, halt, claims, withdrawals) built only
 * from the lib's math. The shared vectors are produced with it and replayed against the real
 * contract by forge (packages/contracts/test/unit/Vectors.t.sol): if either side drifts, a test fails.
 */
import { addPurchase, refundableOf, releasedToDate, startDayOf, type EscrowState } from "./escrow";
import { delinquency, type Thresholds } from "./delinquency";
import { accAfterDeposit, claimable, dayRewardPerUnitWad, isBelowThreshold } from "./rewards";

export const EVENT = { buy: 0, deposit: 1, flag: 2, halt: 3, claim: 4, withdraw: 5 } as const;
export type EventKind = (typeof EVENT)[keyof typeof EVENT];

export interface OfferingParams {
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly pricePerUnit: bigint;
  readonly feeBps: number;
  /** Market average the oracle reports for every day (WAD-scaled). */
  readonly marketAvgWad: bigint;
  readonly thresholds: Thresholds;
}

export interface SimEvent {
  readonly kind: EventKind;
  readonly day: number;
  /** buy: units; deposit: amount; claim: position index; others: unused. */
  readonly value: bigint;
}

export interface SimPosition {
  readonly units: bigint;
  readonly purchaseDay: number;
  readonly startDay: number;
  readonly net: bigint;
  rewardSnapshot: bigint;
  claimed: bigint;
}

export interface SimResult {
  readonly released: bigint;
  readonly releasedDay: number;
  readonly withdrawable: bigint;
  readonly accRewardPerUnit: bigint;
  readonly lowStreak: number;
  readonly missedDays: number;
  readonly canFlag: boolean;
  readonly positions: readonly { readonly startDay: number; readonly claimable: bigint; readonly refundable: bigint; readonly claimed: bigint }[];
}

export function netPricePerUnit(pricePerUnit: bigint, feeBps: number): bigint {
  return pricePerUnit - (pricePerUnit * BigInt(feeBps)) / 10_000n;
}

export function simulate(p: OfferingParams, events: readonly SimEvent[], checkDay: number): SimResult {
  let escrow: EscrowState = {
    termStartDay: p.termStartDay,
    termEndDay: p.termEndDay,
    totalNet: 0n,
    pendingNet: 0n,
    pendingDay: 0,
    rateSum: 0n,
    rateDayProduct: 0n,
    status: "Active",
    flaggedDay: 0,
  };
  const net = netPricePerUnit(p.pricePerUnit, p.feeBps);
  let unitsSold = 0n;
  let acc = 0n;
  let lastCoveredDay = p.termStartDay - 1;
  let lowStreak = 0;
  let withdrawn = 0n;
  const positions: SimPosition[] = [];

  for (const e of events) {
    switch (e.kind) {
      case EVENT.buy: {
        if (escrow.status !== "Active") throw new Error("buy on an inactive offering");
        const startDay = startDayOf(e.day, p.termStartDay);
        escrow = addPurchase(escrow, e.day, e.value * net);
        if (unitsSold === 0n && lastCoveredDay < startDay - 1) lastCoveredDay = startDay - 1;
        unitsSold += e.value;
        positions.push({ units: e.value, purchaseDay: e.day, startDay, net: e.value * net, rewardSnapshot: acc, claimed: 0n });
        break;
      }
      case EVENT.deposit: {
        const day = lastCoveredDay + 1;
        if (day >= p.termEndDay || day >= e.day) throw new Error(`deposit on day ${e.day} cannot cover day ${day}`);
        const below = isBelowThreshold(dayRewardPerUnitWad(e.value, unitsSold), p.marketAvgWad, p.thresholds.minRewardRatioBps);
        lowStreak = below ? lowStreak + 1 : 0;
        acc = accAfterDeposit(acc, e.value, unitsSold);
        lastCoveredDay = day;
        break;
      }
      case EVENT.flag: {
        const d = delinquency({ status: escrow.status, unitsSold, lastCoveredDay, lowStreak, termEndDay: p.termEndDay }, e.day, p.thresholds);
        if (!d.canFlag) throw new Error(`offering not flaggable on day ${e.day}`);
        escrow = { ...escrow, status: "Flagged", flaggedDay: e.day };
        break;
      }
      case EVENT.halt:
        if (escrow.status !== "Flagged") throw new Error("halt needs a flag");
        escrow = { ...escrow, status: "Halted" };
        break;
      case EVENT.claim: {
        const pos = positions[Number(e.value)];
        if (pos === undefined) throw new Error("claim of an unknown position");
        pos.claimed += claimable(pos.units, acc, pos.rewardSnapshot);
        pos.rewardSnapshot = acc;
        break;
      }
      case EVENT.withdraw: {
        const { released } = releasedToDate(escrow, e.day);
        if (released === withdrawn) throw new Error("nothing to withdraw");
        withdrawn = released;
        break;
      }
    }
  }
  const { released, day } = releasedToDate(escrow, checkDay);
  const d = delinquency({ status: escrow.status, unitsSold, lastCoveredDay, lowStreak, termEndDay: p.termEndDay }, checkDay, p.thresholds);
  return {
    released,
    releasedDay: day,
    withdrawable: released - withdrawn,
    accRewardPerUnit: acc,
    lowStreak,
    missedDays: d.missedDays,
    canFlag: d.canFlag,
    positions: positions.map((pos) => ({
      startDay: pos.startDay,
      claimable: claimable(pos.units, acc, pos.rewardSnapshot),
      refundable: escrow.status === "Halted" ? refundableOf(pos.net, pos.startDay, p.termEndDay, escrow.flaggedDay) : 0n,
      claimed: pos.claimed,
    })),
  };
}
