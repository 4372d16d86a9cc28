/**
 * Validation of the lending forms (make an offer, request, partial repayment, refinance): amounts with the
 * token's decimals (lib/amount), APR as a percentage, durations in days, and the contract's bounds
 * (PositionLoans MIN_DURATION 1 h, MAX_DURATION 365 d, MAX_APR_BPS 200%, uint96 amounts).
 */
import {
  interest,
  LOAN_MAX_APR_BPS,
  LOAN_MAX_DURATION,
  LOAN_MIN_DURATION,
  PRICE_SCALE,
} from "@dmex/money-math/lending";

import { type ParseResult, parseAmount, validateAmount } from "~/lib/amount";
import { formatAmount } from "~/lib/format";

const MAX_UINT96 = (1n << 96n) - 1n;
const DAY = 86_400n;

/** A principal (or collateral amount): positive, the token's decimals, fits uint96; optionally within a balance. */
export function validatePrincipal(
  input: string,
  decimals: number,
  opts: { balance?: bigint; symbol?: string } = {},
): ParseResult {
  const r = validateAmount(input, decimals, opts);
  if (r.ok && r.value > MAX_UINT96) return { ok: false, error: "The amount is too large for a loan." };
  return r;
}

/** An APR typed as a percentage ("12.5") into basis points: at most 2 decimals, 0 to 200%. */
export function validateAprPercent(input: string): ParseResult {
  const text = input.trim().replace(/%$/, "");
  if (text === "") return { ok: false, error: "Enter a yearly rate in %." };
  if (!/^\d+(\.\d{0,2})?$/.test(text)) return { ok: false, error: "A percentage with at most 2 decimals." };
  const [whole = "0", frac = ""] = text.split(".");
  const bps = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0") || "0");
  if (bps > LOAN_MAX_APR_BPS) return { ok: false, error: `At most ${LOAN_MAX_APR_BPS / 100n}% a year.` };
  return { ok: true, value: bps };
}

/** A duration in days (up to 2 decimals: 0.05 day = 72 min) into seconds: 1 hour to 365 days. */
export function validateDurationDays(input: string): ParseResult {
  const text = input.trim();
  if (!/^\d+(\.\d{0,2})?$/.test(text)) return { ok: false, error: "Days, with at most 2 decimals." };
  const [whole = "0", frac = ""] = text.split(".");
  const hundredths = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0") || "0");
  const seconds = (hundredths * DAY) / 100n;
  if (seconds < LOAN_MIN_DURATION || seconds > LOAN_MAX_DURATION)
    return { ok: false, error: "Between 1 hour (0.05 day) and 365 days." };
  return { ok: true, value: seconds };
}

/** The minimum interest: 0 allowed (blank = 0), at most the interest of the whole duration. */
export function validateMinInterest(
  input: string,
  decimals: number,
  terms: { principal: bigint; aprBps: bigint; duration: bigint } | null,
): ParseResult {
  if (input.trim() === "") return { ok: true, value: 0n };
  const r = parseAmount(input, decimals);
  if (!r.ok) return r;
  if (terms !== null) {
    const most = interest(terms.principal, terms.aprBps, terms.duration);
    if (r.value > most)
      return {
        ok: false,
        error: `At most the interest of the whole duration (${formatAmount(most, decimals, decimals)}).`,
      };
  }
  return r;
}

/** A whole number in [min, max] (units, days left, fills). */
export function validateWhole(input: string, min: bigint, max: bigint, what: string): ParseResult {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: `${what}: a whole number.` };
  const v = BigInt(text);
  if (v < min || v > max) return { ok: false, error: `${what}: between ${min} and ${max}.` };
  return { ok: true, value: v };
}

/**
 * The reward price of a self-repaying loan, typed in currency per whole reward token ("4" USDT per IFIL), as
 * the contract stores it: currency base units per 1e18 reward base units. Blank = 0 (no self-repayment).
 */
export function validateRewardPrice(input: string, currencyDecimals: number, rewardDecimals: number): ParseResult {
  if (input.trim() === "") return { ok: true, value: 0n };
  const r = parseAmount(input, currencyDecimals);
  if (!r.ok) return r;
  const wad = (r.value * PRICE_SCALE) / 10n ** BigInt(rewardDecimals);
  if (r.value > 0n && wad === 0n) return { ok: false, error: "Too small a price for this reward token." };
  if (wad > MAX_UINT96) return { ok: false, error: "The price is too large." };
  return { ok: true, value: wad };
}

/** The reward price back in currency per whole reward token (base units of the currency). */
export function rewardPricePerToken(rewardPriceWad: bigint, rewardDecimals: number): bigint {
  return (rewardPriceWad * 10n ** BigInt(rewardDecimals)) / PRICE_SCALE;
}
