/** Derived figures of an indexed offering, from the subgraph entity and the chain's current day. */
import {
  averagePaidPerUnitWad,
  decodeRecentShares,
  DEFAULT_THRESHOLDS,
  delinquency,
  type Delinquency,
  escrowSplit,
  type EscrowState,
  holdbackStatus,
  type HoldbackStatus,
  type RecentWindow,
  type Thresholds,
} from "@dmex/money-math";

import { estimateApr, pricePerUnitDay, type AprEstimate } from "./apr";
import type { OfferingEntity, ProtocolEntity } from "./graphql/types";
import type { PriceTable } from "./prices";
import type { TokenInfo } from "../services/tokens";

export { DEFAULT_THRESHOLDS };

export function thresholdsOf(p: ProtocolEntity | undefined): Thresholds {
  return p
    ? {
        missedDaysThreshold: p.missedDaysThreshold,
        windowDays: p.windowDays,
        minRewardRatioBps: p.minRewardRatioBps,
        minCoverageBps: p.minCoverageBps,
        postTermFlagDays: p.postTermFlagDays,
      }
    : DEFAULT_THRESHOLDS;
}

/** The judged days of an indexed offering, decoded from the packed word the subgraph stores as the contract does. */
export function windowOf(o: Pick<OfferingEntity, "recentShares">): RecentWindow {
  return decodeRecentShares(BigInt(o.recentShares));
}

export function escrowStateOf(o: OfferingEntity): EscrowState & { refunded: bigint } {
  return {
    termStartDay: o.termStartDay,
    termEndDay: o.termEndDay,
    totalNet: BigInt(o.totalNet),
    status: o.status,
    frozenDay: o.frozenDay,
    holdbackDays: o.holdbackDays,
    lastCoveredDay: o.lastCoveredDay,
    refunded: BigInt(o.refunded),
  };
}

export function offeringDelinquency(o: OfferingEntity, today: number, t: Thresholds): Delinquency {
  return delinquency(
    {
      status: o.status,
      unitsSold: BigInt(o.unitsSold),
      lastCoveredDay: o.lastCoveredDay,
      termEndDay: o.termEndDay,
      window: windowOf(o),
    },
    today,
    t,
  );
}

export function offeringEscrow(o: OfferingEntity, today: number) {
  return escrowSplit(escrowStateOf(o), today);
}

export function offeringHoldback(o: OfferingEntity, today: number): HoldbackStatus {
  return holdbackStatus(escrowStateOf(o), today);
}

export function termDays(o: Pick<OfferingEntity, "termStartDay" | "termEndDay">): number {
  return o.termEndDay - o.termStartDay;
}

/** The price of one unit for one day of mining (payment-token base units). */
export function offeringPricePerDay(o: Pick<OfferingEntity, "pricePerUnit" | "termStartDay" | "termEndDay">): bigint {
  return pricePerUnitDay(BigInt(o.pricePerUnit), o.termStartDay, o.termEndDay);
}

export interface OfferingApr {
  /** From the miner's expected reward per unit per day, over the full term. */
  readonly expected: AprEstimate;
  /** From what it actually paid per unit per day on average so far (null before the first covered day). */
  readonly actual: AprEstimate | null;
  readonly termDays: number;
  /** Covered term days behind `actual`. */
  readonly coveredDays: number;
}

/** APR of a unit bought in the sale (full price, full term) at the expected and at the actually paid reward. */
export function offeringApr(o: OfferingEntity, pay: TokenInfo, reward: TokenInfo, prices: PriceTable): OfferingApr {
  const days = termDays(o);
  const base = {
    rewardDecimals: reward.decimals,
    rewardTokenPrice: prices.usd[reward.symbol] ?? Number.NaN,
    pricePerUnit: BigInt(o.pricePerUnit),
    paymentDecimals: pay.decimals,
    paymentTokenPrice: prices.usd[pay.symbol] ?? Number.NaN,
    termDays: days,
  };
  const paid = averagePaidPerUnitWad(BigInt(o.accRewardPerUnit), o.termStartDay, o.lastCoveredDay);
  return {
    expected: estimateApr({ ...base, dailyRewardPerUnitWad: BigInt(o.expectedDailyRewardPerUnitWad) }),
    actual: paid === null ? null : estimateApr({ ...base, dailyRewardPerUnitWad: paid }),
    termDays: days,
    coveredDays: Math.max(o.lastCoveredDay - o.termStartDay + 1, 0),
  };
}

/** Days of the term still ahead (for display), 0 once over. */
export function termDaysLeft(o: Pick<OfferingEntity, "termStartDay" | "termEndDay">, today: number): number {
  return Math.max(o.termEndDay - Math.max(today, o.termStartDay), 0);
}

/** Where the primary sale stands. It always closes when the term starts (saleEnd <= termStartDay * 86400). */
export type SalePhase = "upcoming" | "open" | "sold-out" | "term-running" | "closed" | "inactive";

export function salePhase(
  o: Pick<
    OfferingEntity,
    "status" | "saleStart" | "saleEnd" | "unitsSold" | "unitsTotal" | "termStartDay" | "termEndDay"
  >,
  nowSeconds: number,
): SalePhase {
  if (o.status !== "Active") return "inactive";
  if (nowSeconds < Number(o.saleStart)) return "upcoming";
  if (nowSeconds >= Number(o.saleEnd)) {
    const today = Math.floor(nowSeconds / 86_400);
    return today >= o.termStartDay && today < o.termEndDay ? "term-running" : "closed";
  }
  return BigInt(o.unitsSold) < BigInt(o.unitsTotal) ? "open" : "sold-out";
}

/** "2026-11-22 10:00 UTC" for a Unix time in seconds (given as the subgraph's string or a number). */
export function utcText(seconds: string | number): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The sale in words: open until when (it closes when the term starts), closed, or "sale closed — term running". */
export function saleText(o: Parameters<typeof salePhase>[0], nowSeconds: number): string {
  const termStart = o.termStartDay * 86_400;
  switch (salePhase(o, nowSeconds)) {
    case "open":
      return Number(o.saleEnd) === termStart
        ? `open until ${utcText(o.saleEnd)}, when the term starts`
        : `open until ${utcText(o.saleEnd)}, before the term starts (${utcText(termStart)})`;
    case "upcoming":
      return `opens ${utcText(o.saleStart)}; closes when the term starts (${utcText(Math.min(Number(o.saleEnd), termStart))})`;
    case "sold-out":
      return "sold out";
    case "term-running":
      return "sale closed — term running";
    case "closed":
      return "sale closed";
    case "inactive":
      return o.status === "Halted" ? "halted" : "flagged: not for sale";
  }
}

export function saleOpen(o: Parameters<typeof salePhase>[0], nowSeconds: number): boolean {
  return salePhase(o, nowSeconds) === "open";
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
