// The mappings and lib/escrow.js restate contract constants; a contract change must fail here
// rather than silently skew every indexed escrow figure.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { RATE_PRECISION, REWARD_PRECISION, SECONDS_PER_DAY } from "../lib/escrow.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const CONTRACTS = join(HERE, "../../contracts/src");
const AS_CONSTANTS = readFileSync(join(HERE, "../src/utils/constants.ts"), "utf8");

/** `NAME = 1e6;` / `NAME = 1_000;` in a Solidity file, as a bigint. */
function solidityConstant(file: string, name: string): bigint {
  const source = readFileSync(join(CONTRACTS, file), "utf8");
  const match = new RegExp(`\\b${name}\\s*=\\s*([0-9_e]+(?:\\s*days)?)\\s*;`).exec(source);
  if (!match) throw new Error(`${name} not found in ${file}`);
  const literal = match[1].replace(/_/g, "").replace(/\s*days$/, "*86400");
  const [base, mul] = literal.split("*");
  const [mantissa, exponent] = base.split("e");
  return BigInt(mantissa) * 10n ** BigInt(exponent ?? 0) * BigInt(mul ?? 1);
}

function asConstant(name: string): bigint {
  const match = new RegExp(`export const ${name} = BigInt\\.from(?:String\\("(\\d+)"\\)|I32\\((\\d+)\\))`).exec(AS_CONSTANTS);
  if (!match) throw new Error(`${name} not found in src/utils/constants.ts`);
  return BigInt(match[1] ?? match[2]);
}

describe("contract constants restated by the subgraph", () => {
  it("RATE_PRECISION matches EscrowMath", () => {
    const contract = solidityConstant("libraries/EscrowMath.sol", "RATE_PRECISION");
    expect(asConstant("RATE_PRECISION")).toBe(contract);
    expect(RATE_PRECISION).toBe(contract);
  });

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
});
