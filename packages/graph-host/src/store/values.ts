import type { BigDecimal } from "../runtime/bigdecimal.js";

/** A store value as graph-ts' `Value` carries it (StoreValue kinds 0..9). */
export type StoreValue =
  | { kind: "String"; value: string }
  | { kind: "Int"; value: number }
  | { kind: "BigDecimal"; value: BigDecimal }
  | { kind: "Bool"; value: boolean }
  | { kind: "Array"; value: StoreValue[] }
  | { kind: "Null" }
  | { kind: "Bytes"; value: Uint8Array }
  | { kind: "BigInt"; value: bigint }
  | { kind: "Int8"; value: bigint }
  | { kind: "Timestamp"; value: bigint };

/** Field name -> value. `id` is always present for stored entities. */
export type Entity = Map<string, StoreValue>;

export const NULL: StoreValue = { kind: "Null" };

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function bytesToHex(bytes: Uint8Array): `0x${string}` {
  // Ids and addresses are short: a table beats a Buffer round trip by far.
  if (bytes.length > 64) return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
  let out = "0x";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out as `0x${string}`;
}

export function hexToBytes(hex: string): Uint8Array {
  const h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (h.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(h)) throw new Error(`invalid hex \`${hex}\``);
  return new Uint8Array(Buffer.from(h, "hex"));
}

/** The entity's key as a string: the id's text, or 0x-hex for Bytes ids. */
export function idKey(value: StoreValue | undefined): string {
  if (!value) throw new Error("entity has no id");
  switch (value.kind) {
    case "String":
      return value.value;
    case "Bytes":
      return bytesToHex(value.value);
    case "Int8":
      return value.value.toString();
    default:
      throw new Error(`unsupported id value kind ${value.kind}`);
  }
}
