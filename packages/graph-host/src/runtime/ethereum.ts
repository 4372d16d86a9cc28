import { type AbiParameter, decodeAbiParameters, encodeAbiParameters, getAddress, parseAbiParameters } from "viem";
import { DeterministicError } from "../internal/errors.js";
import { bytesToHex, hexToBytes } from "../store/values.js";
import { type AscHeap, TypeId } from "./asc.js";

/** ethereum.Value on the host side (ValueKind 0..9). */
export type EthValue =
  | { kind: "address"; value: Uint8Array }
  | { kind: "fixedBytes"; value: Uint8Array }
  | { kind: "bytes"; value: Uint8Array }
  | { kind: "int"; value: bigint }
  | { kind: "uint"; value: bigint }
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "fixedArray"; value: EthValue[] }
  | { kind: "array"; value: EthValue[] }
  | { kind: "tuple"; value: EthValue[] };

const KINDS = [
  "address",
  "fixedBytes",
  "bytes",
  "int",
  "uint",
  "bool",
  "string",
  "fixedArray",
  "array",
  "tuple",
] as const;

type Param = AbiParameter & { components?: readonly AbiParameter[] };

/** Converts a value decoded by viem for ABI type `param` into an EthValue. */
export function fromAbi(param: Param, value: unknown): EthValue {
  const type = param.type;
  const arrayMatch = /^(.*)\[(\d*)\]$/.exec(type);
  if (arrayMatch) {
    const inner = { ...param, type: arrayMatch[1]! } as Param;
    const items = (value as unknown[]).map((v) => fromAbi(inner, v));
    return { kind: arrayMatch[2] === "" ? "array" : "fixedArray", value: items };
  }
  if (type === "tuple") {
    const comps = param.components ?? [];
    const items = comps.map((c, i) =>
      fromAbi(c as Param, Array.isArray(value) ? value[i] : (value as Record<string, unknown>)[c.name ?? String(i)]),
    );
    return { kind: "tuple", value: items };
  }
  if (type === "address") return { kind: "address", value: hexToBytes(value as string) };
  if (type === "bytes") return { kind: "bytes", value: hexToBytes(value as string) };
  if (type.startsWith("bytes")) return { kind: "fixedBytes", value: hexToBytes(value as string) };
  if (type.startsWith("int")) return { kind: "int", value: BigInt(value as bigint | number) };
  if (type.startsWith("uint")) return { kind: "uint", value: BigInt(value as bigint | number) };
  if (type === "bool") return { kind: "bool", value: value as boolean };
  if (type === "string") return { kind: "string", value: value as string };
  throw new DeterministicError(`unsupported ABI type \`${type}\``);
}

/** Converts an EthValue into what viem's encoder expects for `param`. */
export function toAbi(param: Param, value: EthValue): unknown {
  const arrayMatch = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (arrayMatch) {
    const inner = { ...param, type: arrayMatch[1]! } as Param;
    return (value.value as EthValue[]).map((v) => toAbi(inner, v));
  }
  if (param.type === "tuple") {
    const comps = param.components ?? [];
    return comps.map((c, i) => toAbi(c as Param, (value.value as EthValue[])[i]!));
  }
  switch (value.kind) {
    case "address":
      return getAddress(bytesToHex(value.value));
    case "fixedBytes":
    case "bytes":
      return bytesToHex(value.value);
    case "int":
    case "uint":
      return value.value;
    case "bool":
    case "string":
      return value.value;
    default:
      throw new DeterministicError(`cannot encode ${value.kind} as \`${param.type}\``);
  }
}

/** The ABI type `ethereum.encode` infers for a value (as ethabi's Token does). */
export function inferType(value: EthValue): Param {
  switch (value.kind) {
    case "address":
      return { type: "address" };
    case "fixedBytes":
      return { type: `bytes${value.value.length}` };
    case "bytes":
      return { type: "bytes" };
    case "int":
      return { type: "int256" };
    case "uint":
      return { type: "uint256" };
    case "bool":
      return { type: "bool" };
    case "string":
      return { type: "string" };
    case "fixedArray":
    case "array": {
      const first = value.value[0];
      const inner = first ? inferType(first) : { type: "uint256" };
      const suffix = value.kind === "array" ? "[]" : `[${value.value.length}]`;
      return { ...inner, type: `${inner.type}${suffix}` } as Param;
    }
    case "tuple":
      return { type: "tuple", components: value.value.map(inferType) } as Param;
  }
}

export function encodeValue(value: EthValue): Uint8Array {
  const param = inferType(value);
  return hexToBytes(encodeAbiParameters([param], [toAbi(param, value)] as never));
}

/** `ethereum.decode("(uint256,address)", data)`; null when the data does not decode. */
export function decodeValue(types: string, data: Uint8Array): EthValue | null {
  let params: readonly Param[];
  try {
    const t = types.trim();
    params =
      t.startsWith("(") && t.endsWith(")") && !t.endsWith(")[]")
        ? parseAbiParameters(`(${t.slice(1, -1)})`)
        : parseAbiParameters(t);
  } catch {
    throw new DeterministicError(`Failed to parse ABI type \`${types}\``);
  }
  try {
    const param = params.length === 1 ? params[0]! : ({ type: "tuple", components: params } as Param);
    const decoded = decodeAbiParameters([param], bytesToHex(data));
    return fromAbi(param, decoded[0]);
  } catch {
    return null;
  }
}

export function writeEthValue(heap: AscHeap, value: EthValue): number {
  const kind = KINDS.indexOf(value.kind);
  let payload: bigint;
  switch (value.kind) {
    case "address":
    case "fixedBytes":
    case "bytes":
      payload = BigInt(heap.writeBytes(value.value));
      break;
    case "int":
    case "uint":
      payload = BigInt(heap.writeBigInt(value.value));
      break;
    case "bool":
      payload = value.value ? 1n : 0n;
      break;
    case "string":
      payload = BigInt(heap.writeString(value.value));
      break;
    default:
      payload = BigInt(
        heap.writePtrArray(
          value.value.map((v) => writeEthValue(heap, v)),
          TypeId.ArrayEthereumValue,
        ),
      );
  }
  return heap.writeEnum(kind, payload, TypeId.EthereumValue);
}

export function readEthValue(heap: AscHeap, ptr: number): EthValue {
  const { kind, payload } = heap.readEnum(ptr);
  const p = Number(payload & 0xffffffffn);
  const name = KINDS[kind];
  switch (name) {
    case "address":
    case "fixedBytes":
    case "bytes":
      return { kind: name, value: heap.readBytes(p) };
    case "int":
    case "uint":
      return { kind: name, value: heap.readBigInt(p) };
    case "bool":
      return { kind: name, value: payload !== 0n };
    case "string":
      return { kind: name, value: heap.readString(p) };
    case "fixedArray":
    case "array":
    case "tuple":
      return { kind: name, value: heap.readPtrArray(p).map((q) => readEthValue(heap, q)) };
    default:
      throw new DeterministicError(`unknown ethereum.Value kind ${kind}`);
  }
}
