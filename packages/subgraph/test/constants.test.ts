// The mappings and @dmex/money-math (the app's math) restate contract constants; a contract change
// must fail here rather than silently skew every indexed escrow, reward or window figure.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import {
  COUNT_BITS,
  FULL_SHARE,
  MAX_WINDOW_DAYS,
  REWARD_PRECISION,
  SECONDS_PER_DAY,
  SHARE_BITS,
} from "@dmex/money-math";

import { CORRECTION_WINDOW } from "./indexed";

const HERE = dirname(fileURLToPath(import.meta.url));
const CONTRACTS = join(HERE, "../../contracts/src");
const AS_CONSTANTS = readFileSync(join(HERE, "../src/utils/constants.ts"), "utf8");
const AS_WINDOW = readFileSync(join(HERE, "../src/utils/window.ts"), "utf8");

const UNITS: Record<string, bigint> = { days: 86_400n, hours: 3_600n, minutes: 60n };

/** `NAME = 1e6;` / `NAME = 1_000;` / `NAME = 1 hours;` in a Solidity file, as a bigint. */
function solidityConstant(file: string, name: string): bigint {
  const source = readFileSync(join(CONTRACTS, file), "utf8");
  const match = new RegExp(`\\b${name}\\s*=\\s*([0-9_e]+)\\s*(days|hours|minutes)?\\s*;`).exec(source);
  if (!match) throw new Error(`${name} not found in ${file}`);
  const [mantissa, exponent] = match[1]!.replace(/_/g, "").split("e");
  return BigInt(mantissa!) * 10n ** BigInt(exponent ?? 0) * (match[2] ? UNITS[match[2]]! : 1n);
}

/** `export const NAME = BigInt.fromString("..")` / `BigInt.fromI32(..)` / `NAME: i32 = ..` in the AssemblyScript constants. */
function asConstant(name: string): bigint {
  const match = new RegExp(
    `export const ${name}(?:: i32)? = (?:BigInt\\.from(?:String\\("(\\d+)"\\)|I32\\((\\d+)\\))|(\\d+);)`,
  ).exec(AS_CONSTANTS);
  if (!match) throw new Error(`${name} not found in src/utils/constants.ts`);
  return BigInt(match[1] ?? match[2] ?? match[3]!);
}

describe("contract constants restated by the subgraph", () => {
  it("REWARD_PRECISION matches HashpowerExchange", () => {
    const contract = solidityConstant("HashpowerExchange.sol", "REWARD_PRECISION");
    expect(asConstant("REWARD_PRECISION")).toBe(contract);
    expect(REWARD_PRECISION).toBe(contract);
  });

  it("a day is the contract's DAY", () => {
    const contract = solidityConstant("HashpowerExchange.sol", "DAY");
    expect(asConstant("SECONDS_PER_DAY")).toBe(contract);
    expect(BigInt(SECONDS_PER_DAY)).toBe(contract);
  });

  it("CORRECTION_WINDOW matches MarketRateOracle (MarketRate.finalAt = reportedAt + it)", () => {
    const contract = solidityConstant("oracle/MarketRateOracle.sol", "CORRECTION_WINDOW");
    expect(contract).toBe(3_600n);
    expect(asConstant("CORRECTION_WINDOW")).toBe(contract);
    expect(BigInt(CORRECTION_WINDOW)).toBe(contract);
  });

  it("the window's layout matches DelinquencyMath (count bits, share bits, window length, full share)", () => {
    const file = "libraries/DelinquencyMath.sol";
    const maxWindow = solidityConstant(file, "MAX_WINDOW_DAYS");
    const countBits = solidityConstant(file, "COUNT_BITS");
    const shareBits = solidityConstant(file, "SHARE_BITS");
    expect(asConstant("MAX_WINDOW_DAYS")).toBe(maxWindow);
    expect(BigInt(MAX_WINDOW_DAYS)).toBe(maxWindow);
    expect(BigInt(FULL_SHARE)).toBe(solidityConstant(file, "FULL_SHARE"));
    expect([COUNT_BITS, SHARE_BITS]).toEqual([countBits, shareBits]);
    // src/utils/window.ts: the count mask, the share mask and the shift 4 + 10i.
    expect(AS_WINDOW).toContain(`COUNT_MASK = BigInt.fromI32(${(1n << countBits) - 1n})`);
    expect(AS_WINDOW).toContain(`SHARE_MASK = BigInt.fromI32(${(1n << shareBits) - 1n})`);
    expect(AS_WINDOW).toContain(`rightShift(<u8>(${countBits} + ${shareBits} * i))`);
  });
});
