/** Readable lending figures: APR, durations, LTV, collateral descriptions, loan clocks. */
import { bpsPercent, formatAmount, shortAddress } from "~/lib/format";
import type { LoanOfferEntity, LoanRequestEntity } from "~/lib/graphql/lendingTypes";
import { formatCountdown } from "~/lib/trading/clock";
import type { LoanPhase } from "./loans";

/** Basis points a year: 1250 -> "12.5% APR". */
export function aprText(bps: number | bigint): string {
  return `${bpsPercent(bps)} APR`;
}

/** Seconds as days (or hours under a day): 2,592,000 -> "30 days", 7200 -> "2 h". */
export function durationText(seconds: number): string {
  if (seconds < 86_400) {
    const h = seconds / 3_600;
    return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
  }
  const d = seconds / 86_400;
  const shown = Number.isInteger(d) ? String(d) : d.toFixed(2).replace(/0+$/, "");
  return `${shown} day${shown === "1" ? "" : "s"}`;
}

/** An LTV in basis points, one decimal: 4317 -> "43.2%"; null -> "n/a". */
export function ltvText(bps: bigint | null): string {
  if (bps === null) return "n/a";
  return `${(Number(bps) / 100).toFixed(1)}%`;
}

/** A UTC time in seconds: "2026-12-02 18:30 UTC". */
export function utcText(seconds: number | bigint): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** What an offer or a request takes as collateral, in words. */
export function collateralText(
  x: Pick<LoanOfferEntity, "collateralKind" | "target" | "collateralAmount"> &
    Partial<Pick<LoanOfferEntity, "minUnits" | "minDaysLeft" | "asset">> &
    Pick<LoanRequestEntity, "offering">,
  token?: { symbol: string; decimals: number },
): string {
  const rules = [
    x.minUnits !== undefined && x.minUnits !== "0" ? `at least ${x.minUnits} units` : null,
    x.minDaysLeft !== undefined && x.minDaysLeft > 0 ? `${x.minDaysLeft} term days left after due` : null,
  ].filter((r): r is string => r !== null);
  const tail = rules.length > 0 ? ` (${rules.join(", ")})` : "";
  switch (x.collateralKind) {
    case "Position":
      return `Position #${x.target}${x.offering ? ` of offering #${x.offering.offeringId}` : ""}`;
    case "Offering":
      return `Any position of offering #${x.target}${x.offering ? ` ${x.offering.minerName}` : ""}${tail}`;
    case "Asset":
      return `Any ${x.asset?.symbol ?? `asset #${x.target}`} position${tail}`;
    case "Token":
      return token
        ? `${formatAmount(BigInt(x.collateralAmount), token.decimals, 6)} ${token.symbol}`
        : `${x.collateralAmount} of token ${shortAddress(`0x${BigInt(x.target).toString(16).padStart(40, "0")}`)}`;
  }
}

/** A loan's clock in words: due in, in its grace period, foreclosable, closed. */
export function clockText(phase: LoanPhase, dueTime: number, graceEnd: number, nowSeconds: number): string {
  switch (phase) {
    case "active":
    case "due-soon":
      return `due in ${formatCountdown(dueTime - nowSeconds)} (${utcText(dueTime)}), then ${formatCountdown(graceEnd - dueTime)} of grace`;
    case "grace":
      return `overdue: in its grace period, repayable for ${formatCountdown(graceEnd - nowSeconds)} more (until ${utcText(graceEnd)})`;
    case "foreclosable":
      return `past its grace period (ended ${utcText(graceEnd)}): the lender may foreclose`;
    case "closed":
      return "closed";
  }
}

/** A token address as the number the contract stores in `target` (Token collateral). */
export function tokenTarget(address: string): bigint {
  return BigInt(address);
}
