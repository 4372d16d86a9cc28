/**
 * The lending order book: offers and requests as rows, the filters of /lending (asset, APR, duration, LTV,
 * days of term left) and the offers a given position may accept (the contract's `_checkPosition` rules:
 * the kind and target, units, the offering active, the due date leaving `minDaysLeft` term days).
 */
import { termsCost } from "@dmex/money-math/lending";

import type { LoanOfferEntity, LoanOffering, LoanRequestEntity } from "~/lib/graphql/lendingTypes";

const DAY = 86_400;

/** What the filters read from an offer or a request. */
export interface BookRow {
  readonly key: string;
  readonly side: "offer" | "request";
  readonly id: string;
  readonly kind: LoanOfferEntity["collateralKind"];
  /** The asset symbol of position collateral, the token's address for token collateral. */
  readonly assetSymbol: string | null;
  readonly collateralToken: string | null;
  readonly aprBps: number;
  readonly durationSeconds: number;
  readonly principal: bigint;
  readonly currency: string;
  /** Term days left after the due date if the loan started now (position collateral with a known term). */
  readonly daysLeftAfterDue: number | null;
  /** Estimated LTV at the start, when it can be valued (else null). */
  readonly ltvBps: bigint | null;
  readonly interestAtDue: bigint;
  readonly expiry: number;
}

export interface BookFilters {
  /** An asset symbol ("FIL"), a collateral token symbol ("IFIL"), or "" for all. */
  readonly asset: string;
  readonly maxAprBps: number | null;
  readonly minDurationDays: number | null;
  readonly maxDurationDays: number | null;
  readonly maxLtvBps: number | null;
  readonly minDaysLeft: number | null;
}

export const NO_FILTERS: BookFilters = {
  asset: "",
  maxAprBps: null,
  minDurationDays: null,
  maxDurationDays: null,
  maxLtvBps: null,
  minDaysLeft: null,
};

/** Term days left after a due date `dueTime` (the contract counts termEndDay * 86400 - dueTime). */
export function daysLeftAfter(dueTime: number, termEndDay: number): number {
  return Math.floor((termEndDay * DAY - dueTime) / DAY);
}

function offeringOf(x: { offering: LoanOffering | null }): LoanOffering | null {
  return x.offering;
}

export function bookRow(
  x: LoanOfferEntity | LoanRequestEntity,
  nowSeconds: number,
  opts: { tokenSymbol?: (address: string) => string; ltvBps?: bigint | null } = {},
): BookRow {
  const side = "offerId" in x ? "offer" : "request";
  const o = offeringOf(x);
  const duration = Number(x.duration);
  const token = x.collateralToken?.id ?? null;
  const asset =
    x.collateralKind === "Token"
      ? token === null
        ? null
        : (opts.tokenSymbol?.(token) ?? token)
      : "asset" in x && x.asset
        ? x.asset.symbol
        : (o?.asset.symbol ?? null);
  const cost = termsCost({
    principal: BigInt(x.principal),
    aprBps: BigInt(x.aprBps),
    duration: BigInt(duration),
    minInterest: BigInt(x.minInterest),
  });
  return {
    key: `${side}-${x.id}`,
    side,
    id: x.id,
    kind: x.collateralKind,
    assetSymbol: asset,
    collateralToken: token,
    aprBps: x.aprBps,
    durationSeconds: duration,
    principal: BigInt(x.principal),
    currency: x.currency.id,
    daysLeftAfterDue: o === null ? null : daysLeftAfter(nowSeconds + duration, o.termEndDay),
    ltvBps: opts.ltvBps ?? null,
    interestAtDue: cost.interestAtDue,
    expiry: Number(x.expiry),
  };
}

/** Whether a row passes the filters (a filter on LTV or days left drops rows that cannot be judged). */
export function passesFilters(r: BookRow, f: BookFilters): boolean {
  if (f.asset !== "" && r.assetSymbol !== f.asset) return false;
  if (f.maxAprBps !== null && r.aprBps > f.maxAprBps) return false;
  if (f.minDurationDays !== null && r.durationSeconds < f.minDurationDays * DAY) return false;
  if (f.maxDurationDays !== null && r.durationSeconds > f.maxDurationDays * DAY) return false;
  if (f.maxLtvBps !== null && (r.ltvBps === null || r.ltvBps > BigInt(f.maxLtvBps))) return false;
  if (f.minDaysLeft !== null && (r.daysLeftAfterDue === null || r.daysLeftAfterDue < f.minDaysLeft)) return false;
  return true;
}

/** Parses the filter form's text fields (blank = no filter; percentages into basis points). */
export function parseFilters(input: {
  asset: string;
  maxApr: string;
  minDuration: string;
  maxDuration: string;
  maxLtv: string;
  minDaysLeft: string;
}): BookFilters {
  const num = (s: string): number | null => {
    const t = s.trim();
    if (t === "" || !/^\d+(\.\d+)?$/.test(t)) return null;
    return Number(t);
  };
  const pct = (s: string): number | null => {
    const v = num(s);
    return v === null ? null : Math.round(v * 100);
  };
  return {
    asset: input.asset,
    maxAprBps: pct(input.maxApr),
    minDurationDays: num(input.minDuration),
    maxDurationDays: num(input.maxDuration),
    maxLtvBps: pct(input.maxLtv),
    minDaysLeft: num(input.minDaysLeft),
  };
}

/** The position as the offer-matching rules see it. */
export interface CandidatePosition {
  readonly tokenId: string;
  readonly owner: string;
  readonly units: bigint;
  readonly locked: boolean;
  readonly offeringId: string;
  readonly assetId: string;
  readonly termEndDay: number;
  readonly offeringActive: boolean;
}

/** Why an offer does not fit a position (null: it fits), in the contract's order of checks. */
export function offerMismatch(o: LoanOfferEntity, p: CandidatePosition, nowSeconds: number): string | null {
  if (o.status !== "Open" || Number(o.expiry) <= nowSeconds) return "The offer is no longer open.";
  if (o.fills >= o.maxFills) return "The offer is filled.";
  if (o.lender.id.toLowerCase() === p.owner.toLowerCase()) return "It is your own offer.";
  if (p.locked) return "The position is locked (listed in an auction, staked or already pledged).";
  if (!p.offeringActive) return "The offering is not active.";
  const target = o.target;
  const matches =
    o.collateralKind === "Position"
      ? target === p.tokenId
      : o.collateralKind === "Offering"
        ? target === p.offeringId
        : o.collateralKind === "Asset"
          ? target === p.assetId
          : false;
  if (!matches) return "The offer is for other collateral.";
  if (p.units < BigInt(o.minUnits)) return `It needs at least ${o.minUnits} units.`;
  const due = nowSeconds + Number(o.duration);
  if (due + o.minDaysLeft * DAY > p.termEndDay * DAY)
    return o.minDaysLeft > 0
      ? `Its due date must leave ${o.minDaysLeft} term days: the term ends too soon.`
      : "Its due date is after the position's term ends.";
  return null;
}

/**
 * The offers `p` may accept now, best first: the most principal for the least interest at due
 * (lower APR first, then the larger principal, then the earlier offer).
 */
export function bestOffersFor(
  offers: readonly LoanOfferEntity[],
  p: CandidatePosition,
  nowSeconds: number,
): LoanOfferEntity[] {
  const seen = new Set<string>();
  const fit = offers.filter((o) => {
    if (seen.has(o.id)) return false;
    seen.add(o.id);
    return offerMismatch(o, p, nowSeconds) === null;
  });
  return fit.sort((a, b) => {
    if (a.aprBps !== b.aprBps) return a.aprBps - b.aprBps;
    const pa = BigInt(a.principal);
    const pb = BigInt(b.principal);
    if (pa !== pb) return pa > pb ? -1 : 1;
    return Number(a.offerId) - Number(b.offerId);
  });
}
