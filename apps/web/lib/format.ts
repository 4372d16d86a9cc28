/** Readable numbers: token amounts from base units, percentages, days, addresses. */

/**
 * Formats `amount` base units of a token with `decimals` decimals, grouping thousands and
 * showing at most `maxFraction` fraction digits (rounded down, never up: a balance is never
 * shown larger than it is). Tiny non-zero amounts show as "<0.0001".
 */
export function formatAmount(amount: bigint, decimals: number, maxFraction = 4): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const shown = Math.min(maxFraction, decimals);
  const fracScaled = shown === 0 ? 0n : ((abs % scale) * 10n ** BigInt(shown)) / scale;
  if (abs !== 0n && whole === 0n && fracScaled === 0n) {
    return `${negative ? ">-" : "<"}0.${"0".repeat(Math.max(shown - 1, 0))}1`;
  }
  const frac = shown === 0 ? "" : fracScaled.toString().padStart(shown, "0").replace(/0+$/, "");
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** Amount with its symbol, e.g. "1,234.5 USDT". */
export function formatToken(amount: bigint, decimals: number, symbol: string, maxFraction = 4): string {
  return `${formatAmount(amount, decimals, maxFraction)} ${symbol}`;
}

/** Compact form for big figures: 1.2K, 3.4M. */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A per-mille share as a percentage with one decimal: 643 -> "64.3%". */
export function formatPerMille(perMille: number): string {
  return `${(perMille / 10).toFixed(1)}%`;
}

/** Basis points as a percentage without trailing zeros: 8000 -> "80%", 150 -> "1.5%". */
export function bpsPercent(bps: bigint | number): string {
  const n = Number(bps) / 100;
  return `${Number.isInteger(n) ? n.toString() : n.toFixed(2).replace(/0+$/, "")}%`;
}

/** A fraction as a percentage: 0.1234 -> "12.3%". */
export function formatPercent(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return "n/a";
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatUsd(value: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: value < 1 ? 4 : 2,
  }).format(value);
}

/** 0x1234…abcd */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** A UTC day number (days since the epoch) as YYYY-MM-DD. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function pluralDays(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}
