/**
 * Input validation for amounts typed by users: parses decimal strings into base units exactly,
 * respecting the token's decimals, and rejects what the chain would reject.
 */
export type ParseResult = { ok: true; value: bigint } | { ok: false; error: string };

const MAX_UINT256 = (1n << 256n) - 1n;

/** Parses "12.5" with `decimals` into base units. Rejects signs, exponents, too many decimals. */
export function parseAmount(input: string, decimals: number): ParseResult {
  const text = input.trim().replace(/,/g, "");
  if (text === "") return { ok: false, error: "Enter an amount." };
  if (!/^\d*\.?\d*$/.test(text) || text === ".")
    return { ok: false, error: "Use digits and at most one decimal point." };
  const [whole = "", frac = ""] = text.split(".");
  if (frac.length > decimals) {
    return {
      ok: false,
      error: decimals === 0 ? "Whole numbers only." : `At most ${decimals} decimal places for this token.`,
    };
  }
  const value = BigInt((whole || "0") + frac.padEnd(decimals, "0"));
  if (value > MAX_UINT256) return { ok: false, error: "Amount is too large." };
  return { ok: true, value };
}

/** Parses a positive amount and checks it against a balance (and optional upper bound). */
export function validateAmount(
  input: string,
  decimals: number,
  opts: { balance?: bigint; max?: bigint; maxLabel?: string; symbol?: string } = {},
): ParseResult {
  const parsed = parseAmount(input, decimals);
  if (!parsed.ok) return parsed;
  if (parsed.value === 0n) return { ok: false, error: "Amount must be greater than zero." };
  if (opts.max !== undefined && parsed.value > opts.max)
    return { ok: false, error: `More than ${opts.maxLabel ?? "allowed"}.` };
  if (opts.balance !== undefined && parsed.value > opts.balance) {
    return { ok: false, error: `Insufficient ${opts.symbol ?? "token"} balance.` };
  }
  return parsed;
}

/** Units of an offering to buy: a whole number, 1..available (uint40 on chain). */
export function validateUnits(input: string, available: bigint): ParseResult {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Enter a number of units." };
  if (!/^\d+$/.test(text)) return { ok: false, error: "Units are whole numbers." };
  const value = BigInt(text);
  if (value === 0n) return { ok: false, error: "Buy at least one unit." };
  if (value > available) return { ok: false, error: `Only ${available.toString()} units are left.` };
  if (value >= 1n << 40n) return { ok: false, error: "Too many units." };
  return { ok: true, value };
}
