/**
 * The marketplace's three kinds of offers side by side: primary offerings (the miner's fixed price),
 * listings (a holder's fixed price) and auctions (primary or secondary). One row shape, then pure
 * filters and sorting, so the page and the tests share them.
 */
import { pricePerUnitDay } from "@dmex/money-math";

import type { OfferingEntity } from "~/lib/graphql/types";
import type { AuctionEntity, ListingEntity } from "~/lib/graphql/tradingTypes";
import { parseAmount } from "~/lib/amount";

export type MarketKind = "primary" | "listing" | "auction";

export interface MarketItem {
  readonly kind: MarketKind;
  /** Stable key, e.g. "listing-12". */
  readonly key: string;
  readonly href: string;
  readonly title: string;
  readonly offeringId: string;
  readonly assetId: string;
  readonly assetSymbol: string;
  readonly unitLabel: string;
  readonly minerId: string;
  readonly minerName: string;
  readonly paymentToken: string;
  readonly units: bigint;
  /** What one unit costs now (the listing price, the primary price, the auction's next minimum), payment-token base units. */
  readonly pricePerUnit: bigint;
  /** The whole offer's price now (listing price; auction's minimum next bid; primary: one unit). */
  readonly price: bigint;
  /** Term days that still earn (today counts). */
  readonly daysLeft: number;
  /** Price per remaining unit-day, base units (null when nothing is left). */
  readonly pricePerUnitDay: bigint | null;
  /** Seconds: the auction's end (null before its first bid), the listing's expiry, the primary sale's close. */
  readonly endsAt: number | null;
}

/** Days of `[startDay, endDay]` still to earn on `today` (the whole term before it starts). */
export function daysLeftOf(startDay: number, endDay: number, today: number): number {
  return Math.max(0, endDay - Math.max(today, startDay) + 1);
}

export function fromOffering(o: OfferingEntity, today: number): MarketItem {
  const units = BigInt(o.unitsTotal) - BigInt(o.unitsSold);
  const price = BigInt(o.pricePerUnit);
  const daysLeft = daysLeftOf(o.termStartDay, o.termEndDay, today);
  return {
    kind: "primary",
    key: `primary-${o.id}`,
    href: `/offerings/${o.id}`,
    title: `Offering #${o.id}`,
    offeringId: o.id,
    assetId: o.asset.id,
    assetSymbol: o.asset.symbol,
    unitLabel: o.asset.unitLabel,
    minerId: o.miner.id,
    minerName: o.minerName,
    paymentToken: o.paymentToken.id,
    units,
    pricePerUnit: price,
    price,
    daysLeft,
    pricePerUnitDay: pricePerUnitDay(price, 1n, BigInt(daysLeft)),
    endsAt: Number(o.saleEnd),
  };
}

export function fromListing(l: ListingEntity, today: number): MarketItem {
  const units = BigInt(l.units);
  const price = BigInt(l.price);
  const daysLeft = daysLeftOf(l.position.startDay, l.position.endDay, today);
  return {
    kind: "listing",
    key: `listing-${l.id}`,
    href: `/portfolio/${l.position.tokenId}`,
    title: `Position #${l.position.tokenId}`,
    offeringId: l.offering.id,
    assetId: l.offering.asset.id,
    assetSymbol: l.offering.asset.symbol,
    unitLabel: l.offering.asset.unitLabel,
    minerId: l.offering.miner.id,
    minerName: l.offering.minerName,
    paymentToken: l.paymentToken.id,
    units,
    pricePerUnit: BigInt(l.pricePerUnit),
    price,
    daysLeft,
    pricePerUnitDay: pricePerUnitDay(price, units, BigInt(daysLeft)),
    endsAt: Number(l.expiry),
  };
}

export function fromAuction(a: AuctionEntity, today: number): MarketItem {
  const units = BigInt(a.units);
  const price = BigInt(a.minNextBid);
  const startDay = a.position?.startDay ?? a.offering.termStartDay;
  const endDay = a.position?.endDay ?? a.offering.termEndDay;
  const daysLeft = daysLeftOf(startDay, endDay, today);
  return {
    kind: "auction",
    key: `auction-${a.id}`,
    href: `/auctions/${a.id}`,
    title: `${a.kind === "Primary" ? "Primary" : "Secondary"} auction #${a.id}`,
    offeringId: a.offering.id,
    assetId: a.offering.asset.id,
    assetSymbol: a.offering.asset.symbol,
    unitLabel: a.offering.asset.unitLabel,
    minerId: a.offering.miner.id,
    minerName: a.offering.minerName,
    paymentToken: a.paymentToken.id,
    units,
    pricePerUnit: units > 0n ? price / units : price,
    price,
    daysLeft,
    pricePerUnitDay: pricePerUnitDay(price, units, BigInt(daysLeft)),
    endsAt: a.endTime === null ? null : Number(a.endTime),
  };
}

/** A listing is fillable only before its expiry (the subgraph keeps expired ones Live: clients filter). */
export function isListingLive(l: ListingEntity, nowSeconds: number): boolean {
  return l.status === "Live" && Number(l.expiry) > nowSeconds;
}

export const ENDING_SOON_SECONDS = 3_600;

export interface TradeFilters {
  kind: "" | MarketKind;
  asset: string;
  miner: string;
  minPrice: string;
  maxPrice: string;
  minDays: string;
  maxDays: string;
  /** Only auctions running and ending within the hour, and listings expiring within it. */
  endingSoon: boolean;
}

export const NO_TRADE_FILTERS: TradeFilters = {
  kind: "",
  asset: "",
  miner: "",
  minPrice: "",
  maxPrice: "",
  minDays: "",
  maxDays: "",
  endingSoon: false,
};

export function endsWithin(item: MarketItem, nowSeconds: number, seconds = ENDING_SOON_SECONDS): boolean {
  return item.endsAt !== null && item.endsAt > nowSeconds && item.endsAt - nowSeconds <= seconds;
}

/** Filters on the price per unit (typed in the payment token, `priceDecimals`), days left, asset, miner, ending soon. */
export function filterMarketItems(
  items: readonly MarketItem[],
  f: TradeFilters,
  nowSeconds: number,
  priceDecimals: number,
): { items: MarketItem[]; errors: string[] } {
  const errors: string[] = [];
  const bound = (input: string, label: string): bigint | null => {
    if (!input) return null;
    const r = parseAmount(input, priceDecimals);
    if (r.ok) return r.value;
    errors.push(`${label}: ${r.error}`);
    return null;
  };
  const minPrice = bound(f.minPrice, "Minimum price");
  const maxPrice = bound(f.maxPrice, "Maximum price");
  const minDays = /^\d+$/.test(f.minDays) ? Number(f.minDays) : null;
  const maxDays = /^\d+$/.test(f.maxDays) ? Number(f.maxDays) : null;
  const out = items.filter(
    (i) =>
      (f.kind === "" || i.kind === f.kind) &&
      (f.asset === "" || i.assetId === f.asset) &&
      (f.miner === "" || i.minerId.toLowerCase() === f.miner.toLowerCase()) &&
      (minPrice === null || i.pricePerUnit >= minPrice) &&
      (maxPrice === null || i.pricePerUnit <= maxPrice) &&
      (minDays === null || i.daysLeft >= minDays) &&
      (maxDays === null || i.daysLeft <= maxDays) &&
      (!f.endingSoon || (i.kind !== "primary" && endsWithin(i, nowSeconds))),
  );
  return { items: out, errors };
}

export const TRADE_SORTS = {
  price: "Price per unit",
  unitDay: "Price per unit-day",
  daysLeft: "Days left",
  ending: "Ending first",
} as const;
export type TradeSort = keyof typeof TRADE_SORTS;

const cmp = (a: bigint | number, b: bigint | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts a copy; ties by kind then key so the order is stable. Items without a value sort last either way. */
export function sortMarketItems(items: readonly MarketItem[], sort: TradeSort, dir: "asc" | "desc"): MarketItem[] {
  const sign = dir === "asc" ? 1 : -1;
  const value = (i: MarketItem): bigint | number | null =>
    sort === "price"
      ? i.pricePerUnit
      : sort === "unitDay"
        ? i.pricePerUnitDay
        : sort === "daysLeft"
          ? i.daysLeft
          : i.endsAt;
  return [...items].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    const c = va === null || vb === null ? 0 : sign * cmp(va, vb);
    return c !== 0 ? c : a.key.localeCompare(b.key);
  });
}

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

/** The trading filters from the marketplace URL (shares asset, miner, prices and days with the primary filters). */
export function parseTradeFilters(raw: Raw): { filters: TradeFilters; sort: TradeSort; dir: "asc" | "desc" } {
  const kind = one(raw.kind);
  const sort = one(raw.tsort);
  return {
    filters: {
      kind: kind === "primary" || kind === "listing" || kind === "auction" ? kind : "",
      asset: /^\d+$/.test(one(raw.asset)) ? one(raw.asset) : "",
      miner: /^0x[0-9a-fA-F]{40}$/.test(one(raw.miner)) ? one(raw.miner).toLowerCase() : "",
      minPrice: one(raw.minPrice),
      maxPrice: one(raw.maxPrice),
      minDays: /^\d+$/.test(one(raw.minDays)) ? one(raw.minDays) : "",
      maxDays: /^\d+$/.test(one(raw.maxDays)) ? one(raw.maxDays) : "",
      endingSoon: one(raw.endingSoon) === "1",
    },
    sort: sort in TRADE_SORTS ? (sort as TradeSort) : "price",
    dir: one(raw.tdir) === "desc" ? "desc" : "asc",
  };
}

/** The primary price per unit-day of each offering: its unit price over its full term (what a primary buyer pays for). */
export function primaryPerUnitDayByOffering(
  offerings: readonly { id: string; pricePerUnit: string; termStartDay: number; termEndDay: number }[],
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const o of offerings) {
    const v = pricePerUnitDay(BigInt(o.pricePerUnit), 1n, BigInt(o.termEndDay - o.termStartDay + 1));
    if (v !== null) out.set(o.id, v);
  }
  return out;
}
