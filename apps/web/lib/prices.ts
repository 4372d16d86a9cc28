/**
 * Reward and payment token prices for the APR estimate. The source is configurable and always
 * shown next to the figure, because an APR is only as honest as its prices:
 *   NEXT_PUBLIC_PRICE_SOURCE=seed (default)  fixed prices in lib/prices.seed.json (local chain only: not market data)
 *   NEXT_PUBLIC_PRICE_SOURCE=https://...     a JSON document { "usd": { "IFIL": 4.1, ... }, "asOf": "..." }
 */
import seed from "./prices.seed.json";

export interface PriceTable {
  /** Where the prices come from, shown in the APR tooltip. */
  readonly source: string;
  readonly asOf: string | null;
  /** USD per whole token, by token symbol. */
  readonly usd: Readonly<Record<string, number>>;
}

export const SEED_PRICES: PriceTable = { source: seed.source, asOf: seed.asOf, usd: seed.usd };

export function priceSourceSetting(): string {
  return process.env.NEXT_PUBLIC_PRICE_SOURCE || "seed";
}

/** Parses a remote price document; throws with a clear message on a bad shape. */
export function parsePriceDocument(source: string, body: unknown): PriceTable {
  if (typeof body !== "object" || body === null || !("usd" in body))
    throw new Error(`${source}: expected { "usd": { SYMBOL: number } }`);
  const usd = (body as { usd: unknown }).usd;
  if (typeof usd !== "object" || usd === null) throw new Error(`${source}: "usd" must be an object`);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(usd)) {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new Error(`${source}: price of ${k} is not a non-negative number`);
    out[k] = v;
  }
  const asOf =
    "asOf" in body && typeof (body as { asOf: unknown }).asOf === "string" ? (body as { asOf: string }).asOf : null;
  return { source, asOf, usd: out };
}

/** Loads the configured prices (server side). Never throws: an unreachable source yields no prices. */
export async function loadPrices(): Promise<PriceTable & { error?: string }> {
  const setting = priceSourceSetting();
  if (setting === "seed") return SEED_PRICES;
  try {
    const res = await fetch(setting, { next: { revalidate: 300 } });
    if (!res.ok) throw new Error(`${setting}: HTTP ${res.status}`);
    return parsePriceDocument(setting, await res.json());
  } catch (error) {
    return { source: setting, asOf: null, usd: {}, error: error instanceof Error ? error.message : String(error) };
  }
}
