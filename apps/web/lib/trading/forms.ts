/** Validation of the trading forms: prices (6-decimal stablecoins), expiries, bids, reserves, durations, units. */
import { AUCTION_MAX_DURATION, AUCTION_MIN_DURATION } from "@dmex/money-math";

import { type ParseResult, validateAmount } from "~/lib/amount";
import { formatAmount } from "~/lib/format";

/** Listing prices, reserves and bids fit 96 bits (the exchange's escrow; PositionAuctions.MAX_AMOUNT). */
const MAX_UINT96 = (1n << 96n) - 1n;

/** A listing price: positive, at most the token's decimals, fits the listing's uint96. */
export function validateListingPrice(input: string, decimals: number): ParseResult {
  const r = validateAmount(input, decimals);
  if (r.ok && r.value > MAX_UINT96) return { ok: false, error: "The price is too large for a listing." };
  return r;
}

/** A reserve price: positive, fits 96 bits. */
export function validateReserve(input: string, decimals: number): ParseResult {
  const r = validateAmount(input, decimals);
  if (r.ok && r.value > MAX_UINT96) return { ok: false, error: "The reserve is too large." };
  return r;
}

/**
 * An expiry typed as "YYYY-MM-DDTHH:mm" (a datetime-local field, read as UTC): it must be after the
 * chain's `nowSeconds` (the listing is void from that second on) and, when given, no later than `latest`.
 */
export function validateExpiry(
  input: string,
  nowSeconds: number,
  latest?: number,
): { ok: true; value: bigint } | { ok: false; error: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(input.trim());
  if (m === null) return { ok: false, error: "Enter a date and time (UTC)." };
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(ms)) return { ok: false, error: "That date does not exist." };
  const seconds = Math.floor(ms / 1000);
  if (seconds <= nowSeconds) return { ok: false, error: "The expiry must be in the future." };
  if (latest !== undefined && seconds > latest)
    return { ok: false, error: "The expiry is after the position's term ends: it could not sell by then." };
  return { ok: true, value: BigInt(seconds) };
}

/** A "YYYY-MM-DDTHH:mm" UTC value `seconds` from now (form defaults). */
export function datetimeLocalUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16);
}

/** A bid: at least the minimum next bid and at most the balance (when known). */
export function validateBid(
  input: string,
  decimals: number,
  minimum: bigint,
  opts: { balance?: bigint; symbol?: string; alreadyLeading?: bigint } = {},
): ParseResult {
  const r = validateAmount(input, decimals);
  if (!r.ok) return r;
  if (r.value < minimum)
    return {
      ok: false,
      error: `The minimum bid is ${[formatAmount(minimum, decimals, decimals), opts.symbol].filter(Boolean).join(" ")}.`,
    };
  if (r.value > MAX_UINT96) return { ok: false, error: "The bid is too large." };
  // A leader raising its own bid pays only the difference.
  const owed = r.value - (opts.alreadyLeading ?? 0n);
  if (opts.balance !== undefined && owed > opts.balance)
    return { ok: false, error: `Insufficient ${opts.symbol ?? "token"} balance.` };
  return r;
}

/** An auction duration in hours: whole hours from MIN_DURATION to MAX_DURATION. Returns seconds. */
export function validateDurationHours(input: string): ParseResult {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: "Whole hours only." };
  const seconds = BigInt(text) * 3_600n;
  if (seconds < AUCTION_MIN_DURATION || seconds > AUCTION_MAX_DURATION)
    return {
      ok: false,
      error: `Between ${AUCTION_MIN_DURATION / 3_600n} and ${AUCTION_MAX_DURATION / 3_600n} hours.`,
    };
  return { ok: true, value: seconds };
}

/**
 * A primary auction must be able to run its full duration before the sale closes
 * (`Auctions_EndsAfterSaleClose`): now + duration <= saleEnd.
 */
export function checkPrimaryDuration(durationSeconds: bigint, nowSeconds: number, saleEnd: number): string | null {
  return BigInt(nowSeconds) + durationSeconds > BigInt(saleEnd)
    ? "The auction could not run its full duration before the offering's sale closes: shorten it."
    : null;
}
