/** Marketplace URL parameters <-> subgraph filters. The page works as plain GET links and forms. */
import { parseAmount } from "~/lib/amount";

export const PAGE_SIZE = 10;
export const SORTS = {
  id: { field: "offeringId", label: "Newest" },
  price: { field: "pricePerUnit", label: "Unit price" },
  daysLeft: { field: "termEndDay", label: "Days left" },
  reward: { field: "expectedDailyRewardPerUnitWad", label: "Expected reward / unit" },
  sold: { field: "unitsSold", label: "Units sold" },
} as const;
export type SortKey = keyof typeof SORTS;
export const STATUSES = ["Active", "Flagged", "Halted"] as const;

export interface MarketParams {
  asset: string;
  miner: string;
  status: string;
  minPrice: string;
  maxPrice: string;
  minDays: string;
  maxDays: string;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  /** Trading (lib/trading/market.ts parseTradeFilters): offer kind, ending soon, the trade table's sort. */
  kind: string;
  endingSoon: string;
  tsort: string;
  tdir: string;
}

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

export function parseParams(raw: Raw): MarketParams {
  const sort = one(raw.sort);
  const page = Number(one(raw.page));
  return {
    asset: /^\d+$/.test(one(raw.asset)) ? one(raw.asset) : "",
    miner: /^0x[0-9a-fA-F]{40}$/.test(one(raw.miner)) ? one(raw.miner).toLowerCase() : "",
    status:
      (STATUSES as readonly string[]).includes(one(raw.status)) || one(raw.status) === "all" ? one(raw.status) : "",
    minPrice: one(raw.minPrice),
    maxPrice: one(raw.maxPrice),
    minDays: /^\d+$/.test(one(raw.minDays)) ? one(raw.minDays) : "",
    maxDays: /^\d+$/.test(one(raw.maxDays)) ? one(raw.maxDays) : "",
    sort: sort in SORTS ? (sort as SortKey) : "id",
    dir: one(raw.dir) === "asc" ? "asc" : "desc",
    page: Number.isInteger(page) && page > 0 ? page : 1,
    kind: ["primary", "listing", "auction"].includes(one(raw.kind)) ? one(raw.kind) : "",
    endingSoon: one(raw.endingSoon) === "1" ? "1" : "",
    tsort: ["price", "unitDay", "daysLeft", "ending"].includes(one(raw.tsort)) ? one(raw.tsort) : "",
    tdir: one(raw.tdir) === "desc" ? "desc" : "",
  };
}

/** The subgraph `where` for the parameters; prices in the payment token's base units. */
export function buildWhere(
  p: MarketParams,
  today: number,
  priceDecimals: number,
): { where: Record<string, unknown>; errors: string[] } {
  const where: Record<string, unknown> = {};
  const errors: string[] = [];
  if (p.asset) where.asset = p.asset;
  if (p.miner) where.miner = p.miner;
  if (p.status && p.status !== "all") where.status = p.status;
  else if (!p.status) where.status_in = ["Active", "Flagged"];
  for (const [key, value, op] of [
    ["minPrice", p.minPrice, "pricePerUnit_gte"],
    ["maxPrice", p.maxPrice, "pricePerUnit_lte"],
  ] as const) {
    if (!value) continue;
    const parsed = parseAmount(value, priceDecimals);
    if (parsed.ok) where[op] = parsed.value.toString();
    else errors.push(`${key === "minPrice" ? "Minimum" : "Maximum"} price: ${parsed.error}`);
  }
  if (p.minDays) where.termEndDay_gte = today + Number(p.minDays);
  if (p.maxDays) where.termEndDay_lte = today + Number(p.maxDays);
  return { where, errors };
}

export function hrefWith(p: MarketParams, patch: Partial<MarketParams>): string {
  const merged = { ...p, ...patch };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === "" || (k === "page" && v === 1) || (k === "sort" && v === "id") || (k === "dir" && v === "desc"))
      continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `/?${s}` : "/";
}
