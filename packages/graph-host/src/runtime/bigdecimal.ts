import { DeterministicError } from "../internal/errors.js";

/** `digits × 10^exp`, always normalised the way graph-node does (34 significant digits, no trailing zeros). */
export interface BigDecimal {
  digits: bigint;
  exp: number;
}

const MAX_SIGNIFICANT_DIGITS = 34;
const MIN_EXP = -6143;
const MAX_EXP = 6144;
const DIVISION_PRECISION = 100;
const LOG2_10 = Math.log2(10);

const abs = (n: bigint) => (n < 0n ? -n : n);
const pow10 = (n: number) => 10n ** BigInt(n);
const bitLength = (n: bigint) => (n === 0n ? 0 : abs(n).toString(2).length);
export const digitCount = (n: bigint) => (n === 0n ? 1 : abs(n).toString().length);

/**
 * The rounding step of the bigdecimal 0.1 crate graph-node uses: 1 when the leading digit of the
 * (positive) remainder is 5 or more, estimated from the bit length as the crate does.
 */
function roundingTerm(num: bigint): bigint {
  if (num === 0n) return 0n;
  let n = pow10(Math.floor(bitLength(num) / LOG2_10));
  for (;;) {
    if (num < n) return 1n;
    n *= 5n;
    if (num < n) return 0n;
    n *= 2n;
  }
}

/**
 * Rounds to `prec` significant digits like bigdecimal 0.1 `with_prec`: positive values round half
 * up on the first dropped digit; negative values are truncated toward zero (the crate's remainder
 * is negative then and never triggers rounding).
 */
function withPrec(d: BigDecimal, prec: number): BigDecimal {
  const digits = digitCount(d.digits);
  if (digits > prec) {
    const diff = digits - prec;
    const p = pow10(diff);
    let q = d.digits / p;
    const r = d.digits % p;
    if (p < 10n * r) q += roundingTerm(r);
    return { digits: q, exp: d.exp + diff };
  }
  return d;
}

export function normalize(d: BigDecimal): BigDecimal {
  if (d.digits === 0n) return { digits: 0n, exp: 0 };
  let { digits, exp } = withPrec(d, MAX_SIGNIFICANT_DIGITS);
  while (digits % 10n === 0n) {
    digits /= 10n;
    exp += 1;
  }
  return { digits, exp };
}

/** Normalises and checks graph-node's exponent limits (those of IEEE-754 decimal128). */
export function checked(d: BigDecimal): BigDecimal {
  const n = normalize(d);
  if (n.exp < MIN_EXP || n.exp > MAX_EXP) {
    throw new DeterministicError(
      `big decimal exponent \`${n.exp}\` is outside the \`${MIN_EXP}\` to \`${MAX_EXP}\` range`,
    );
  }
  return n;
}

export const fromBigInt = (n: bigint): BigDecimal => normalize({ digits: n, exp: 0 });

function align(a: BigDecimal, b: BigDecimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.digits * pow10(a.exp - exp), b.digits * pow10(b.exp - exp), exp];
}

export function plus(a: BigDecimal, b: BigDecimal): BigDecimal {
  const [x, y, exp] = align(a, b);
  return checked({ digits: x + y, exp });
}

export function minus(a: BigDecimal, b: BigDecimal): BigDecimal {
  const [x, y, exp] = align(a, b);
  return checked({ digits: x - y, exp });
}

export function times(a: BigDecimal, b: BigDecimal): BigDecimal {
  return checked({ digits: a.digits * b.digits, exp: a.exp + b.exp });
}

/** Long division to 100 digits as bigdecimal 0.1 does, then graph-node's normalisation. */
export function dividedBy(a: BigDecimal, b: BigDecimal): BigDecimal {
  if (b.digits === 0n) throw new DeterministicError("Division by zero");
  if (a.digits === 0n) return { digits: 0n, exp: 0 };
  // bigdecimal's `scale` is -exp.
  let scale = -a.exp - -b.exp;
  if (a.digits === b.digits) return checked({ digits: 1n, exp: -scale });
  const negative = a.digits < 0n !== b.digits < 0n;
  let num = abs(a.digits);
  const den = abs(b.digits);
  while (num < den) {
    scale += 1;
    num *= 10n;
  }
  let quotient = num / den;
  let remainder = num % den;
  if (remainder !== 0n) {
    let precision = digitCount(quotient);
    remainder *= 10n;
    while (remainder !== 0n && precision < DIVISION_PRECISION) {
      quotient = quotient * 10n + remainder / den;
      remainder = (remainder % den) * 10n;
      precision += 1;
      scale += 1;
    }
    if (remainder !== 0n) quotient += roundingTerm(remainder / den);
  }
  return checked({ digits: negative ? -quotient : quotient, exp: -scale });
}

export function equals(a: BigDecimal, b: BigDecimal): boolean {
  const x = normalize(a);
  const y = normalize(b);
  return x.digits === y.digits && x.exp === y.exp;
}

export function compare(a: BigDecimal, b: BigDecimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses decimal or scientific notation; anything else is a deterministic error. */
export function parse(text: string): BigDecimal {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === ""))
    throw new DeterministicError(`failed to parse BigDecimal: \`${text}\``);
  const frac = m[3] ?? "";
  const digits = BigInt(`${m[1] === "-" ? "-" : ""}${m[2] || "0"}${frac}`);
  const exp = Number(m[4] ?? "0") - frac.length;
  return checked({ digits, exp });
}

/** Plain notation, as bigdecimal's `Display` prints it (no exponent). */
// biome-ignore lint/suspicious/noShadowRestrictedNames: a module export named after graph-ts' BigDecimal.toString, not a global
export function toString(d: BigDecimal): string {
  const negative = d.digits < 0n;
  const s = abs(d.digits).toString();
  const scale = -d.exp;
  let out: string;
  if (scale <= 0) out = s + "0".repeat(-scale);
  else if (scale >= s.length) out = `0.${"0".repeat(scale - s.length)}${s}`;
  else out = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  return negative ? `-${out}` : out;
}
