import { describe, expect, it } from "vitest";
import { bigIntFromLeBytes, bigIntToLeBytes } from "../src/runtime/asc.js";

/** The byte-at-a-time encoding graph-node's BigInt uses (minimal two's complement, little-endian). */
function reference(n: bigint): number[] {
  const out: number[] = [];
  let v = n;
  for (;;) {
    const byte = Number(v & 0xffn);
    v >>= 8n;
    out.push(byte);
    if ((v === 0n && (byte & 0x80) === 0) || (v === -1n && (byte & 0x80) !== 0)) return out;
  }
}

describe("BigInt <-> little-endian two's complement", () => {
  const values: bigint[] = [
    0n,
    1n,
    -1n,
    127n,
    128n,
    -128n,
    -129n,
    255n,
    256n,
    -256n,
    -257n,
    32767n,
    32768n,
    -32768n,
    -32769n,
  ];
  for (let bits = 1n; bits <= 300n; bits += 7n)
    values.push(1n << bits, (1n << bits) - 1n, -(1n << bits), -(1n << bits) + 1n, -(1n << bits) - 1n);
  let seed = 12345n;
  for (let i = 0; i < 500; i++) {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) % (1n << 256n);
    values.push(seed >> BigInt(i % 250), -(seed >> BigInt((i * 7) % 250)));
  }
  it("encodes exactly as the reference and decodes back", () => {
    for (const n of values) {
      expect([...bigIntToLeBytes(n)], String(n)).toEqual(reference(n));
      expect(bigIntFromLeBytes(bigIntToLeBytes(n))).toBe(n);
    }
  });
  it("decodes non-minimal and empty encodings", () => {
    expect(bigIntFromLeBytes(new Uint8Array([]))).toBe(0n);
    expect(bigIntFromLeBytes(new Uint8Array([0xff, 0xff, 0xff]))).toBe(-1n);
    expect(bigIntFromLeBytes(new Uint8Array([0x80, 0x00]))).toBe(128n);
    expect(bigIntFromLeBytes(new Uint8Array([0x00, 0x80]))).toBe(-32768n);
  });
});
