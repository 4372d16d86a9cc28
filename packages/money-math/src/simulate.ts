/**
 * A pure replay of an offering's life (buys, deposits, flag, halt, claims, withdrawals) built only
 * from this package's math. The shared vectors are produced with it and replayed against the real
 * contract by forge (packages/contracts/test/unit/Vectors.t.sol): if either side drifts, a test fails.
 * It throws where the contract would revert, so a scenario cannot record a state the chain never reaches.
 */
import { delinquency, belowMinimum, decodeRecentShares, pushShare, shareOf, type Thresholds } from "./delinquency.js";
import { heldBackDay, refundableOf, releasedToDate, type EscrowState, type OfferingStatusName } from "./escrow.js";
import { accAfterDeposit, claimable, dayRewardPerUnitWad } from "./rewards.js";

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
  /** The packed window (`Offering.recentShares`). */
  readonly recentShares: bigint;
  /** Per-mille average of the newest `windowDays` judged shares, 0 until that many are judged. */
  readonly windowShare: number;
  readonly missedDays: number;
  readonly canFlag: boolean;
  readonly lastCoveredDay: number;
  readonly frozenDay: number;
  /** The offering's status after the last event. */
  readonly status: OfferingStatusName;
  /** The end-of-term holdback snapshotted at creation. */
  readonly holdbackDays: number;
  readonly positions: readonly {
    readonly startDay: number;
    readonly claimable: bigint;
    readonly refundable: bigint;
    readonly claimed: bigint;
  }[];
}

export function netPricePerUnit(pricePerUnit: bigint, feeBps: number): bigint {
  return pricePerUnit - (pricePerUnit * BigInt(feeBps)) / 10_000n;
}

/** The end-of-term holdback an offering snapshots at creation: min(missed-days threshold, term days). */
export function holdbackDaysOf(termStartDay: number, termEndDay: number, t: Thresholds): number {
  return Math.min(t.missedDaysThreshold, termEndDay - termStartDay);
}

export function simulate(p: OfferingParams, events: readonly SimEvent[], checkDay: number): SimResult {
  let escrow: EscrowState = {
    termStartDay: p.termStartDay,
    termEndDay: p.termEndDay,
    totalNet: 0n,
    status: "Active",
    frozenDay: 0,
    holdbackDays: holdbackDaysOf(p.termStartDay, p.termEndDay, p.thresholds),
    lastCoveredDay: p.termStartDay - 1,
  };
  const net = netPricePerUnit(p.pricePerUnit, p.feeBps);
  let unitsSold = 0n;
  let acc = 0n;
  let recent = 0n;
  let withdrawn = 0n;
  let lastDay = -Infinity;
  const positions: SimPosition[] = [];
  const judge = (day: number) =>
    delinquency(
      {
        status: escrow.status,
        unitsSold,
        lastCoveredDay: escrow.lastCoveredDay,
        termEndDay: p.termEndDay,
        window: decodeRecentShares(recent),
      },
      day,
      p.thresholds,
    );

  for (const e of events) {
    if (e.day < lastDay) throw new Error(`events go back in time (day ${e.day} after ${lastDay})`);
    lastDay = e.day;
    switch (e.kind) {
      case EVENT.buy: {
        if (escrow.status !== "Active") throw new Error("buy on an inactive offering");
        // The sale closes when the term starts (saleEnd <= termStartDay * 86400).
        if (e.day >= p.termStartDay)
          throw new Error(`buy on day ${e.day}: the sale closed when the term started (${p.termStartDay})`);
        if (e.value <= 0n) throw new Error("buy of zero units");
        escrow = { ...escrow, totalNet: escrow.totalNet + e.value * net };
        unitsSold += e.value;
        positions.push({
          units: e.value,
          purchaseDay: e.day,
          startDay: p.termStartDay,
          net: e.value * net,
          rewardSnapshot: 0n,
          claimed: 0n,
        });
        break;
      }
      case EVENT.deposit: {
        const day = escrow.lastCoveredDay + 1;
        if (unitsSold === 0n) throw new Error("deposit without units outstanding");
        if (e.value <= 0n) throw new Error("deposit of zero");
        if (day >= p.termEndDay || day >= e.day) throw new Error(`deposit on day ${e.day} cannot cover day ${day}`);
        const share = shareOf(dayRewardPerUnitWad(e.value, unitsSold), p.marketAvgWad);
        if (belowMinimum(share, p.thresholds.minCoverageBps))
          throw new Error(`deposit on day ${e.day} pays ${share}‰ of the market: DepositBelowMinimum`);
        acc = accAfterDeposit(acc, e.value, unitsSold);
        recent = pushShare(recent, share);
        escrow = { ...escrow, lastCoveredDay: day };
        break;
      }
      case EVENT.flag: {
        if (!judge(e.day).canFlag) throw new Error(`offering not flaggable on day ${e.day}`);
        escrow = { ...escrow, status: "Flagged", frozenDay: heldBackDay(escrow, e.day) };
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
        if (released === withdrawn) throw new Error(`nothing to withdraw on day ${e.day}`);
        withdrawn = released;
        break;
      }
    }
  }
  if (checkDay < lastDay) throw new Error("the check day is before the last event");
  const { released, day } = releasedToDate(escrow, checkDay);
  const d = judge(checkDay);
  return {
    released,
    releasedDay: day,
    withdrawable: released - withdrawn,
    accRewardPerUnit: acc,
    recentShares: recent,
    windowShare: d.windowShare,
    missedDays: d.missedDays,
    canFlag: d.canFlag,
    lastCoveredDay: escrow.lastCoveredDay,
    frozenDay: escrow.frozenDay,
    status: escrow.status,
    holdbackDays: escrow.holdbackDays,
    positions: positions.map((pos) => ({
      startDay: pos.startDay,
      claimable: claimable(pos.units, acc, pos.rewardSnapshot),
      refundable: escrow.status === "Halted" ? refundableOf(pos.net, pos.startDay, p.termEndDay, escrow.frozenDay) : 0n,
      claimed: pos.claimed,
    })),
  };
}
