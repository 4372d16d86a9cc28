/** Derived figures of an indexed offering, from the subgraph entity and the chain's current day. */
import { daysLeftForBuyer, estimateApr, type AprEstimate } from "./apr";
import { delinquency, type Delinquency, type Thresholds } from "./delinquency";
import { escrowSplit, type EscrowState } from "./escrow";
import type { OfferingEntity, ProtocolEntity } from "./graphql/types";
import type { PriceTable } from "./prices";
import type { TokenInfo } from "../services/tokens";

export const DEFAULT_THRESHOLDS: Thresholds = { missedDaysThreshold: 7, lowStreakThreshold: 7, minRewardRatioBps: 8000 };

export function thresholdsOf(p: ProtocolEntity | undefined): Thresholds {
  return p ? { missedDaysThreshold: p.missedDaysThreshold, lowStreakThreshold: p.lowStreakThreshold, minRewardRatioBps: p.minRewardRatioBps } : DEFAULT_THRESHOLDS;
}

export function escrowStateOf(o: OfferingEntity): EscrowState & { refunded: bigint } {
  return {
    termStartDay: o.termStartDay,
    termEndDay: o.termEndDay,
    totalNet: BigInt(o.totalNet),
    pendingNet: BigInt(o.pendingNet),
    pendingDay: o.pendingDay,
    rateSum: BigInt(o.rateSum),
    rateDayProduct: BigInt(o.rateDayProduct),
    status: o.status,
    flaggedDay: o.flaggedDay,
    refunded: BigInt(o.refunded),
  };
}

export function offeringDelinquency(o: OfferingEntity, today: number, t: Thresholds): Delinquency {
  return delinquency({ status: o.status, unitsSold: BigInt(o.unitsSold), lastCoveredDay: o.lastCoveredDay, lowStreak: o.lowStreak, termEndDay: o.termEndDay }, today, t);
}

export function offeringEscrow(o: OfferingEntity, today: number) {
  return escrowSplit(escrowStateOf(o), today);
}

export function offeringApr(o: OfferingEntity, today: number, pay: TokenInfo, reward: TokenInfo, prices: PriceTable): AprEstimate & { daysLeft: number } {
  const daysLeft = daysLeftForBuyer(today, o.termStartDay, o.termEndDay);
  const est = estimateApr({
    expectedDailyRewardPerUnitWad: BigInt(o.expectedDailyRewardPerUnitWad),
    rewardDecimals: reward.decimals,
    rewardTokenPrice: prices.usd[reward.symbol] ?? Number.NaN,
    pricePerUnit: BigInt(o.pricePerUnit),
    paymentDecimals: pay.decimals,
    paymentTokenPrice: prices.usd[pay.symbol] ?? Number.NaN,
    daysLeft,
  });
  return { ...est, daysLeft };
}

/** Days of the term still ahead (for display), 0 once over. */
export function termDaysLeft(o: Pick<OfferingEntity, "termStartDay" | "termEndDay">, today: number): number {
  return Math.max(o.termEndDay - Math.max(today, o.termStartDay), 0);
}

export function saleOpen(o: OfferingEntity, nowSeconds: number): boolean {
  return o.status === "Active" && nowSeconds >= Number(o.saleStart) && nowSeconds < Number(o.saleEnd) && BigInt(o.unitsSold) < BigInt(o.unitsTotal);
}

/** A miner's disclosure document when it is an inline data: URI (the seed's), else null. */
export function decodeDisclosure(uri: string): Record<string, unknown> | null {
  const m = /^data:application\/json;base64,(.+)$/.exec(uri);
  if (!m?.[1]) return null;
  try {
    const text = typeof atob === "function" ? atob(m[1]) : Buffer.from(m[1], "base64").toString("utf8");
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
