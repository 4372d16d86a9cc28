/**
 * The escrow and window math the Ponder handlers need, from the one TypeScript copy (@dmex/money-math),
 * adapted to the rows Ponder stores (status as text, the window as the packed bigint).
 */
import {
  type EscrowState,
  type OfferingStatusName,
  releaseDay as escrowReleaseDay,
  releasedToDate as escrowReleasedToDate,
} from "@dmex/money-math/escrow";
import { decodeRecentShares, windowSum as sumOfWindow } from "@dmex/money-math/delinquency";

interface EscrowRow {
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly totalNet: bigint;
  readonly status: string;
  readonly frozenDay: number;
  readonly holdbackDays: number;
  readonly lastCoveredDay: number;
}

function escrowState(o: EscrowRow): EscrowState {
  return { ...o, status: o.status as OfferingStatusName };
}

export const releasedToDate = (o: EscrowRow, today: number): bigint =>
  escrowReleasedToDate(escrowState(o), today).released;
export const releaseDay = (o: EscrowRow, today: number): number => escrowReleaseDay(escrowState(o), today);
export const windowShares = (recent: bigint): number[] => [...decodeRecentShares(recent).shares];
export const judgedDays = (recent: bigint): number => decodeRecentShares(recent).shares.length;
export const windowSum = (recent: bigint, windowDays: number): { sum: number; full: boolean } =>
  sumOfWindow(decodeRecentShares(recent), windowDays);
