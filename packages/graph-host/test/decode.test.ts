import { type Hex, decodeAbiParameters, encodeAbiParameters } from "viem";
import { describe, expect, it } from "vitest";
import { decodeParameters } from "../src/sync/decode.js";

const lower = (v: unknown): unknown => (typeof v === "string" ? v.toLowerCase() : Array.isArray(v) ? v.map(lower) : v);
const viem = (types: string[], data: Hex): unknown => {
  try {
    return lower(
      decodeAbiParameters(
        types.map((type) => ({ type })),
        data,
      ),
    );
  } catch (e) {
    return `error: ${(e as Error).name}`;
  }
};
const ours = (types: string[], data: Hex): unknown => {
  try {
    return lower(
      decodeParameters(
        types.map((type) => ({ type })),
        data,
      ),
    );
  } catch (e) {
    return `error: ${(e as Error).name}`;
  }
};

let seed = 7n;
const word = (): string => {
  seed = (seed * 6364136223846793005n + 1442695040888963407n) % (1n << 64n);
  const pick = Number(seed % 5n);
  const x = (seed << 192n) | (seed << 128n) | (seed << 64n) | seed;
  // Small, huge, negative-looking, zero and one words: every branch of every type.
  const v = [seed % 1000n, x, (1n << 256n) - 1n - (seed % 1000n), 0n, 1n][pick]!;
  return v.toString(16).padStart(64, "0");
};

describe("ABI decoding fast path", () => {
  const typeLists = [
    ["uint256", "uint256", "address", "bool"],
    ["int256", "int8", "uint8", "uint48", "uint64", "int48", "int56"],
    ["bytes32", "bytes4", "bytes1", "address"],
    ["bool"],
    ["uint256", "string"],
    ["uint256[]"],
    ["uint32", "int24", "uint128", "int128"],
  ];
  it("equals viem's decoding on valid and malformed words", () => {
    for (const types of typeLists) {
      for (let k = 0; k < 200; k++) {
        const data = `0x${types.map(() => word()).join("")}` as Hex;
        expect(ours(types, data), `${types} ${data}`).toEqual(viem(types, data));
      }
    }
  });
  it("equals viem on encoded values, short data and dynamic types", () => {
    const data = encodeAbiParameters(
      [{ type: "uint256" }, { type: "address" }, { type: "bool" }, { type: "int16" }, { type: "bytes3" }],
      [123456789012345678901234567890n, "0x00000000000000000000000000000000DeaDBeef", true, -300, "0xabcdef"],
    );
    const types = ["uint256", "address", "bool", "int16", "bytes3"];
    expect(ours(types, data)).toEqual(viem(types, data));
    expect(ours(types, data.slice(0, 100) as Hex)).toEqual(viem(types, data.slice(0, 100) as Hex));
    const dyn = encodeAbiParameters([{ type: "uint256" }, { type: "string" }], [5n, "hello"]);
    expect(ours(["uint256", "string"], dyn)).toEqual(viem(["uint256", "string"], dyn));
  });
});
