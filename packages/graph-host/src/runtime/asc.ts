import { DeterministicError } from "../internal/errors.js";
import type { BigDecimal } from "./bigdecimal.js";
import { checked } from "./bigdecimal.js";

/** graph-ts `TypeId` values (graph-node's IndexForAscTypeId) the host allocates. */
export const TypeId = {
  String: 0,
  ArrayBuffer: 1,
  Uint8Array: 6,
  BigDecimal: 12,
  ArrayEthereumValue: 15,
  ArrayStoreValue: 16,
  ArrayJsonValue: 17,
  ArrayString: 18,
  ArrayEventParam: 19,
  ArrayTypedMapEntryStringJsonValue: 20,
  ArrayTypedMapEntryStringStoreValue: 21,
  SmartContractCall: 22,
  EventParam: 23,
  EthereumTransaction: 24,
  EthereumBlock: 25,
  EthereumCall: 26,
  WrappedTypedMapStringJsonValue: 27,
  WrappedBool: 28,
  WrappedJsonValue: 29,
  EthereumValue: 30,
  StoreValue: 31,
  JsonValue: 32,
  EthereumEvent: 33,
  TypedMapEntryStringStoreValue: 34,
  TypedMapEntryStringJsonValue: 35,
  TypedMapStringStoreValue: 36,
  TypedMapStringJsonValue: 37,
  ResultJsonValueBool: 40,
  TransactionReceipt: 1000,
  Log: 1001,
  ArrayH256: 1002,
  ArrayLog: 1003,
  ArrayTypedMapStringStoreValue: 1004,
} as const;

interface AscExports {
  memory: WebAssembly.Memory;
  __new(size: number, id: number): number;
  id_of_type(typeId: number): number;
}

const utf16 = new TextDecoder("utf-16le");
const utf8 = new TextDecoder("utf-8");

/**
 * AssemblyScript memory ABI (apiVersion >= 0.0.5, stub runtime): objects have a 20-byte header
 * whose last two words are the runtime type id and the payload size; pointers point at the payload.
 */
export class AscHeap {
  private readonly exports: AscExports;
  private readonly rtIds = new Map<number, number>();
  private u8 = new Uint8Array(0);
  private u16 = new Uint16Array(0);
  private view = new DataView(new ArrayBuffer(0));

  constructor(exports: AscExports, rtIdCache?: Map<number, number>) {
    this.exports = exports;
    if (rtIdCache) this.rtIds = rtIdCache;
  }

  /**
   * Views of the instance's memory. `memory.grow` detaches the old buffer (its views read length
   * 0), so the views are only rebuilt then: the `memory.buffer` getter is slow on a hot path.
   */
  private refresh(): void {
    if (this.u8.length !== 0) return;
    const buffer = this.exports.memory.buffer;
    this.u8 = new Uint8Array(buffer);
    this.u16 = new Uint16Array(buffer, 0, buffer.byteLength >>> 1);
    this.view = new DataView(buffer);
  }

  bytesView(): Uint8Array {
    this.refresh();
    return this.u8;
  }

  dataView(): DataView {
    this.refresh();
    return this.view;
  }

  rtId(typeId: number): number {
    let id = this.rtIds.get(typeId);
    if (id === undefined) {
      id = this.exports.id_of_type(typeId);
      this.rtIds.set(typeId, id);
    }
    return id;
  }

  alloc(size: number, typeId: number): number {
    return this.exports.__new(size, this.rtId(typeId));
  }

  // ---- reading -------------------------------------------------------------------------------

  u32(ptr: number): number {
    return this.dataView().getUint32(ptr, true);
  }

  i32(ptr: number): number {
    return this.dataView().getInt32(ptr, true);
  }

  i64(ptr: number): bigint {
    return this.dataView().getBigInt64(ptr, true);
  }

  f64(ptr: number): number {
    return this.dataView().getFloat64(ptr, true);
  }

  private checkPtr(ptr: number, what: string): void {
    if (ptr === 0) throw new DeterministicError(`null pointer where a ${what} was expected`);
  }

  payloadSize(ptr: number): number {
    return this.u32(ptr - 4);
  }

  readString(ptr: number): string {
    this.checkPtr(ptr, "string");
    const size = this.payloadSize(ptr);
    return utf16.decode(this.bytesView().subarray(ptr, ptr + size));
  }

  /** Uint8Array (Bytes, Address, BigInt): `{buffer, dataStart, byteLength}`. Returns a copy. */
  readBytes(ptr: number): Uint8Array {
    this.checkPtr(ptr, "byte array");
    const dataStart = this.u32(ptr + 4);
    const byteLength = this.u32(ptr + 8);
    return this.bytesView().slice(dataStart, dataStart + byteLength);
  }

  /** Array<T> of pointers (or u32 values): `{buffer, dataStart, byteLength, length}`. */
  readPtrArray(ptr: number): number[] {
    this.checkPtr(ptr, "array");
    const dataStart = this.u32(ptr + 4);
    const length = this.i32(ptr + 12);
    const out = new Array<number>(length);
    const view = this.dataView();
    for (let i = 0; i < length; i++) out[i] = view.getUint32(dataStart + 4 * i, true);
    return out;
  }

  readStringArray(ptr: number): string[] {
    return this.readPtrArray(ptr).map((p) => this.readString(p));
  }

  /** BigInt: two's complement, little-endian. */
  readBigInt(ptr: number): bigint {
    return bigIntFromLeBytes(this.readBytes(ptr));
  }

  readBigDecimal(ptr: number): BigDecimal {
    this.checkPtr(ptr, "BigDecimal");
    const digits = this.readBigInt(this.u32(ptr));
    const exp = this.readBigInt(this.u32(ptr + 4));
    return checked({ digits, exp: Number(exp) });
  }

  /** Enum-like `{kind: u32, payload: u64}` value. */
  readEnum(ptr: number): { kind: number; payload: bigint } {
    this.checkPtr(ptr, "value");
    return { kind: this.u32(ptr), payload: this.dataView().getBigUint64(ptr + 8, true) };
  }

  utf8(bytes: Uint8Array): string {
    return utf8.decode(bytes);
  }

  // ---- writing -------------------------------------------------------------------------------

  writeString(s: string): number {
    const ptr = this.alloc(s.length * 2, TypeId.String);
    this.refresh();
    if ((ptr & 1) === 0 && LITTLE_ENDIAN) {
      const u16 = this.u16;
      const at = ptr >>> 1;
      for (let i = 0; i < s.length; i++) u16[at + i] = s.charCodeAt(i);
    } else {
      const view = this.view;
      for (let i = 0; i < s.length; i++) view.setUint16(ptr + 2 * i, s.charCodeAt(i), true);
    }
    return ptr;
  }

  writeArrayBuffer(bytes: Uint8Array): number {
    const ptr = this.alloc(bytes.length, TypeId.ArrayBuffer);
    this.bytesView().set(bytes, ptr);
    return ptr;
  }

  writeBytes(bytes: Uint8Array, typeId: number = TypeId.Uint8Array): number {
    const buffer = this.writeArrayBuffer(bytes);
    const ptr = this.alloc(12, typeId);
    const view = this.dataView();
    view.setUint32(ptr, buffer, true);
    view.setUint32(ptr + 4, buffer, true);
    view.setUint32(ptr + 8, bytes.length, true);
    return ptr;
  }

  writeBigInt(n: bigint): number {
    return this.writeBytes(bigIntToLeBytes(n));
  }

  writeBigDecimal(d: BigDecimal): number {
    const digits = this.writeBigInt(d.digits);
    const exp = this.writeBigInt(BigInt(d.exp));
    const ptr = this.alloc(8, TypeId.BigDecimal);
    const view = this.dataView();
    view.setUint32(ptr, digits, true);
    view.setUint32(ptr + 4, exp, true);
    return ptr;
  }

  writePtrArray(ptrs: number[], typeId: number): number {
    const buffer = this.alloc(ptrs.length * 4, TypeId.ArrayBuffer);
    const ptr = this.alloc(16, typeId);
    const view = this.dataView();
    for (let i = 0; i < ptrs.length; i++) view.setUint32(buffer + 4 * i, ptrs[i]!, true);
    view.setUint32(ptr, buffer, true);
    view.setUint32(ptr + 4, buffer, true);
    view.setUint32(ptr + 8, ptrs.length * 4, true);
    view.setInt32(ptr + 12, ptrs.length, true);
    return ptr;
  }

  writeEnum(kind: number, payload: bigint, typeId: number): number {
    const ptr = this.alloc(16, typeId);
    const view = this.dataView();
    view.setUint32(ptr, kind, true);
    view.setUint32(ptr + 4, 0, true);
    view.setBigUint64(ptr + 8, BigInt.asUintN(64, payload), true);
    return ptr;
  }

  /** A class whose fields are all u32 pointers (Event, Block, SmartContractCall, ...). */
  writeStruct(fields: number[], typeId: number): number {
    const ptr = this.alloc(fields.length * 4, typeId);
    const view = this.dataView();
    for (let i = 0; i < fields.length; i++) view.setUint32(ptr + 4 * i, fields[i]!, true);
    return ptr;
  }

  writeWrappedBool(value: boolean): number {
    const ptr = this.alloc(4, TypeId.WrappedBool);
    this.dataView().setUint32(ptr, value ? 1 : 0, true);
    return ptr;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Minimal two's complement little-endian encoding (zero is one 0x00 byte, as graph-node writes it). */
export function bigIntToLeBytes(n: bigint): Uint8Array {
  let hex: string;
  let size: number;
  if (n >= 0n) {
    hex = n.toString(16);
    if (hex.length % 2 === 1) hex = `0${hex}`;
    size = hex.length / 2;
    // The top bit is the sign: a positive number whose top byte has it set takes one more byte.
    if (parseInt(hex.slice(0, 2), 16) & 0x80) size += 1;
  } else {
    // The fewest bytes k with n >= -2^(8k-1), then n + 2^(8k) in k bytes.
    const bits = (-n - 1n).toString(2).length + 1;
    size = Math.ceil(bits / 8);
    hex = (n + (1n << BigInt(size * 8))).toString(16).padStart(size * 2, "0");
  }
  const out = new Uint8Array(size);
  const digits = hex.length / 2;
  for (let i = 0; i < digits; i++) out[i] = parseInt(hex.slice(hex.length - 2 * i - 2, hex.length - 2 * i), 16);
  return out;
}

/** The inverse of `bigIntToLeBytes` (any length; empty is zero). */
export function bigIntFromLeBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = "";
  for (let i = bytes.length - 1; i >= 0; i--) hex += HEX[bytes[i]!];
  const n = BigInt(`0x${hex}`);
  return bytes[bytes.length - 1]! & 0x80 ? n - (1n << BigInt(bytes.length * 8)) : n;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
