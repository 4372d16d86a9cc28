/**
 * The host functions a mapping's WASM module imports (graph-node's runtime host exports:
 * `store.*`, `ethereum.*`, `bigInt.*`, ...), and the per-handler context they act on. Not to be
 * confused with `../graph-host.ts`, the service that runs the indexer and the GraphQL server.
 */
import {
  type Abi,
  type AbiFunction,
  type Hex,
  decodeFunctionResult,
  encodeFunctionData,
  getAddress,
  keccak256,
} from "viem";
import { toBase58 } from "../internal/base58.js";
import { DeterministicError } from "../internal/errors.js";
import type { Entity, StoreValue } from "../store/values.js";
import { bytesToHex, hexToBytes } from "../store/values.js";
import { type AscHeap, TypeId } from "./asc.js";
import * as bd from "./bigdecimal.js";
import { type EthValue, decodeValue, encodeValue, fromAbi, readEthValue, toAbi, writeEthValue } from "./ethereum.js";
import { type JsonValue, parseJson } from "./json.js";

/** The store as one handler sees it (see store/handler-store.ts). May throw `MissingData`. */
export interface HandlerStore {
  get(type: string, id: string): Entity | null;
  getInBlock(type: string, id: string): Entity | null;
  set(type: string, id: string, data: Entity): void;
  remove(type: string, id: string): void;
  loadRelated(type: string, id: string, field: string): Entity[];
}

/** Chain reads at the trigger's block; answered from a cache, may throw `MissingData`. */
export interface ChainReader {
  /** `eth_call` result, or null when the call reverted. */
  call(to: Hex, data: Hex): Hex | null;
  balance(address: Hex): bigint;
  code(address: Hex): Hex;
}

export interface HostContext {
  dataSourceName: string;
  address: Uint8Array;
  network: string;
  context: Entity | null;
  abis: Map<string, Abi>;
  store: HandlerStore;
  chain: ChainReader;
  createDataSource(template: string, params: string[], context: Entity | null): void;
  log(level: number, message: string): void;
}

const STORE_KINDS = [
  "String",
  "Int",
  "BigDecimal",
  "Bool",
  "Array",
  "Null",
  "Bytes",
  "BigInt",
  "Int8",
  "Timestamp",
] as const;
const JSON_KINDS = ["null", "bool", "number", "string", "array", "object"] as const;

export function writeStoreValue(heap: AscHeap, v: StoreValue): number {
  const kind = STORE_KINDS.indexOf(v.kind);
  let payload: bigint;
  switch (v.kind) {
    case "String":
      payload = BigInt(heap.writeString(v.value));
      break;
    case "Int":
      payload = BigInt(v.value);
      break;
    case "BigDecimal":
      payload = BigInt(heap.writeBigDecimal(v.value));
      break;
    case "Bool":
      payload = v.value ? 1n : 0n;
      break;
    case "Array":
      payload = BigInt(
        heap.writePtrArray(
          v.value.map((x) => writeStoreValue(heap, x)),
          TypeId.ArrayStoreValue,
        ),
      );
      break;
    case "Null":
      payload = 0n;
      break;
    case "Bytes":
      payload = BigInt(heap.writeBytes(v.value));
      break;
    case "BigInt":
      payload = BigInt(heap.writeBigInt(v.value));
      break;
    case "Int8":
    case "Timestamp":
      payload = v.value;
      break;
  }
  return heap.writeEnum(kind, payload, TypeId.StoreValue);
}

export function readStoreValue(heap: AscHeap, ptr: number): StoreValue {
  const { kind, payload } = heap.readEnum(ptr);
  const p = Number(payload & 0xffffffffn);
  switch (STORE_KINDS[kind]) {
    case "String":
      return { kind: "String", value: heap.readString(p) };
    case "Int":
      return { kind: "Int", value: Number(BigInt.asIntN(32, payload)) };
    case "BigDecimal":
      return { kind: "BigDecimal", value: heap.readBigDecimal(p) };
    case "Bool":
      return { kind: "Bool", value: (payload & 0xffn) !== 0n };
    case "Array":
      return { kind: "Array", value: heap.readPtrArray(p).map((q) => readStoreValue(heap, q)) };
    case "Null":
      return { kind: "Null" };
    case "Bytes":
      return { kind: "Bytes", value: heap.readBytes(p) };
    case "BigInt":
      return { kind: "BigInt", value: heap.readBigInt(p) };
    case "Int8":
      return { kind: "Int8", value: BigInt.asIntN(64, payload) };
    case "Timestamp":
      return { kind: "Timestamp", value: BigInt.asIntN(64, payload) };
    default:
      throw new DeterministicError(`unknown store value kind ${kind}`);
  }
}

/** Entity/TypedMap: `{entries: Array<{key, value}>}`, fields sorted by name, nulls left out. */
export function writeEntity(heap: AscHeap, entity: Entity): number {
  const keys = [...entity.keys()].filter((k) => entity.get(k)!.kind !== "Null").sort();
  const entries = keys.map((k) =>
    heap.writeStruct(
      [heap.writeString(k), writeStoreValue(heap, entity.get(k)!)],
      TypeId.TypedMapEntryStringStoreValue,
    ),
  );
  return heap.writeStruct(
    [heap.writePtrArray(entries, TypeId.ArrayTypedMapEntryStringStoreValue)],
    TypeId.TypedMapStringStoreValue,
  );
}

export function readEntity(heap: AscHeap, ptr: number): Entity {
  const entity: Entity = new Map();
  for (const entry of heap.readPtrArray(heap.u32(ptr))) {
    entity.set(heap.readString(heap.u32(entry)), readStoreValue(heap, heap.u32(entry + 4)));
  }
  return entity;
}

function writeJson(heap: AscHeap, v: JsonValue): number {
  const kind = JSON_KINDS.indexOf(v.kind);
  let payload: bigint;
  switch (v.kind) {
    case "null":
      payload = 0n;
      break;
    case "bool":
      payload = v.value ? 1n : 0n;
      break;
    case "number":
    case "string":
      payload = BigInt(heap.writeString(v.value));
      break;
    case "array":
      payload = BigInt(
        heap.writePtrArray(
          v.value.map((x) => writeJson(heap, x)),
          TypeId.ArrayJsonValue,
        ),
      );
      break;
    case "object": {
      const entries = v.value.map(([k, x]) =>
        heap.writeStruct([heap.writeString(k), writeJson(heap, x)], TypeId.TypedMapEntryStringJsonValue),
      );
      payload = BigInt(
        heap.writeStruct(
          [heap.writePtrArray(entries, TypeId.ArrayTypedMapEntryStringJsonValue)],
          TypeId.TypedMapStringJsonValue,
        ),
      );
      break;
    }
  }
  return heap.writeEnum(kind, payload, TypeId.JsonValue);
}

const MAX_JSON_BYTES = 10 * 1024 * 1024;
// biome-ignore lint/suspicious/noControlCharactersInRegex: bytesToString drops trailing NUL padding, as graph-node does
const TRAILING_NULS = /\u0000+$/;

function parseJsonBytes(heap: AscHeap, bytes: Uint8Array): JsonValue {
  if (bytes.length > MAX_JSON_BYTES) throw new DeterministicError(`JSON is larger than ${MAX_JSON_BYTES} bytes`);
  return parseJson(heap.utf8(bytes));
}

function bigIntToHex(n: bigint): string {
  return n < 0n ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`;
}

function parseDecimalInteger(s: string, what: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw new DeterministicError(`failed to parse \`${s}\` as ${what}`);
  return BigInt(s);
}

function findFunction(abi: Abi, name: string, signature: string): AbiFunction | undefined {
  const fns = abi.filter((i): i is AbiFunction => i.type === "function" && i.name === name);
  if (fns.length <= 1 || !signature) return fns[0];
  const wanted = signature.split(":")[0]!.replace(/\s/g, "");
  return fns.find((f) => `${f.name}(${f.inputs.map((i) => i.type).join(",")})` === wanted) ?? fns[0];
}

/**
 * Builds the import object for one instance. Host functions are matched by field name (the
 * module name is the AssemblyScript file and varies between graph-ts versions).
 */
export function createHostImports(
  getHeap: () => AscHeap,
  ctx: HostContext,
): Record<string, (...args: never[]) => unknown> {
  const h = getHeap;
  const bigInt2 = (f: (a: bigint, b: bigint) => bigint) => (x: number, y: number) =>
    h().writeBigInt(f(h().readBigInt(x), h().readBigInt(y)));
  const bigDec2 = (f: (a: bd.BigDecimal, b: bd.BigDecimal) => bd.BigDecimal) => (x: number, y: number) =>
    h().writeBigDecimal(f(h().readBigDecimal(x), h().readBigDecimal(y)));
  const unsupported = (name: string) => () => {
    throw new DeterministicError(
      `\`${name}\` is not available in graph-host (graph-node without IPFS/Arweave/box support fails the same way)`,
    );
  };

  return {
    abort: (msg: number, file: number, line: number, column: number) => {
      const m = msg ? h().readString(msg) : "";
      const f = file ? h().readString(file) : "";
      throw new DeterministicError(`Mapping aborted at ${f}, line ${line}, column ${column}, with message: ${m}`);
    },

    // ---- store ------------------------------------------------------------------------------
    "store.get": (type: number, id: number) => {
      const e = ctx.store.get(h().readString(type), h().readString(id));
      return e ? writeEntity(h(), e) : 0;
    },
    "store.get_in_block": (type: number, id: number) => {
      const e = ctx.store.getInBlock(h().readString(type), h().readString(id));
      return e ? writeEntity(h(), e) : 0;
    },
    "store.set": (type: number, id: number, data: number) => {
      ctx.store.set(h().readString(type), h().readString(id), readEntity(h(), data));
    },
    "store.remove": (type: number, id: number) => {
      ctx.store.remove(h().readString(type), h().readString(id));
    },
    "store.loadRelated": (type: number, id: number, field: number) => {
      const list = ctx.store.loadRelated(h().readString(type), h().readString(id), h().readString(field));
      return h().writePtrArray(
        list.map((e) => writeEntity(h(), e)),
        TypeId.ArrayTypedMapStringStoreValue,
      );
    },

    // ---- conversions ------------------------------------------------------------------------
    "typeConversion.bytesToString": (p: number) =>
      h().writeString(h().utf8(h().readBytes(p)).replace(TRAILING_NULS, "")),
    "typeConversion.bytesToHex": (p: number) => h().writeString(bytesToHex(h().readBytes(p))),
    "typeConversion.bigIntToString": (p: number) => h().writeString(h().readBigInt(p).toString()),
    "typeConversion.bigIntToHex": (p: number) => h().writeString(bigIntToHex(h().readBigInt(p))),
    "typeConversion.stringToH160": (p: number) => {
      const s = h().readString(p);
      const hex = s.startsWith("0x") ? s.slice(2) : s;
      if (!/^[0-9a-fA-F]{40}$/.test(hex))
        throw new DeterministicError(`Failed to convert string to Address/H160: '${s}'`);
      return h().writeBytes(hexToBytes(hex));
    },
    "typeConversion.bytesToBase58": (p: number) => h().writeString(toBase58(h().readBytes(p))),

    // ---- numbers ----------------------------------------------------------------------------
    "bigInt.plus": bigInt2((a, b) => a + b),
    "bigInt.minus": bigInt2((a, b) => a - b),
    "bigInt.times": bigInt2((a, b) => a * b),
    "bigInt.dividedBy": bigInt2((a, b) => {
      if (b === 0n) throw new DeterministicError("attempted to divide BigInt by zero");
      return a / b;
    }),
    "bigInt.mod": bigInt2((a, b) => {
      if (b === 0n)
        throw new DeterministicError("attempted to calculate the remainder of BigInt with a divisor of zero");
      return a % b;
    }),
    "bigInt.bitOr": bigInt2((a, b) => a | b),
    "bigInt.bitAnd": bigInt2((a, b) => a & b),
    "bigInt.pow": (x: number, exp: number) => h().writeBigInt(h().readBigInt(x) ** BigInt(exp & 0xff)),
    "bigInt.leftShift": (x: number, bits: number) => h().writeBigInt(h().readBigInt(x) << BigInt(bits & 0xff)),
    "bigInt.rightShift": (x: number, bits: number) => h().writeBigInt(h().readBigInt(x) >> BigInt(bits & 0xff)),
    "bigInt.fromString": (s: number) => h().writeBigInt(parseDecimalInteger(h().readString(s), "BigInt")),
    "bigInt.dividedByDecimal": (x: number, y: number) =>
      h().writeBigDecimal(bd.dividedBy(bd.fromBigInt(h().readBigInt(x)), h().readBigDecimal(y))),
    "bigDecimal.plus": bigDec2(bd.plus),
    "bigDecimal.minus": bigDec2(bd.minus),
    "bigDecimal.times": bigDec2(bd.times),
    "bigDecimal.dividedBy": bigDec2(bd.dividedBy),
    "bigDecimal.equals": (x: number, y: number) => (bd.equals(h().readBigDecimal(x), h().readBigDecimal(y)) ? 1 : 0),
    "bigDecimal.toString": (x: number) => h().writeString(bd.toString(h().readBigDecimal(x))),
    "bigDecimal.fromString": (s: number) => h().writeBigDecimal(bd.parse(h().readString(s))),

    // ---- json -------------------------------------------------------------------------------
    "json.fromBytes": (p: number) => writeJson(h(), parseJsonBytes(h(), h().readBytes(p))),
    "json.try_fromBytes": (p: number) => {
      let value: number;
      try {
        value = writeJson(h(), parseJsonBytes(h(), h().readBytes(p)));
      } catch {
        return h().writeStruct([0, h().writeWrappedBool(true)], TypeId.ResultJsonValueBool);
      }
      return h().writeStruct([h().writeStruct([value], TypeId.WrappedJsonValue), 0], TypeId.ResultJsonValueBool);
    },
    "json.toI64": (p: number) => {
      const n = parseDecimalInteger(h().readString(p), "i64");
      if (n !== BigInt.asIntN(64, n)) throw new DeterministicError(`JSON value \`${n}\` does not fit in i64`);
      return n;
    },
    "json.toU64": (p: number) => {
      const n = parseDecimalInteger(h().readString(p), "u64");
      if (n !== BigInt.asUintN(64, n)) throw new DeterministicError(`JSON value \`${n}\` does not fit in u64`);
      return n;
    },
    "json.toF64": (p: number) => {
      const s = h().readString(p);
      const n = Number(s);
      if (Number.isNaN(n)) throw new DeterministicError(`failed to parse \`${s}\` as f64`);
      return n;
    },
    "json.toBigInt": (p: number) => h().writeBigInt(parseDecimalInteger(h().readString(p), "BigInt")),
    "yaml.fromBytes": unsupported("yaml.fromBytes"),
    "yaml.try_fromBytes": unsupported("yaml.try_fromBytes"),

    // ---- crypto, log, ens -------------------------------------------------------------------
    "crypto.keccak256": (p: number) => h().writeBytes(hexToBytes(keccak256(h().readBytes(p)))),
    "log.log": (level: number, msg: number) => {
      const message = h().readString(msg);
      ctx.log(level, message);
      if (level === 0) throw new DeterministicError(`Critical error logged in mapping: ${message}`);
    },
    "ens.nameByHash": () => 0,

    // ---- data sources -----------------------------------------------------------------------
    "dataSource.create": (name: number, params: number) => {
      ctx.createDataSource(h().readString(name), h().readStringArray(params), null);
    },
    "dataSource.createWithContext": (name: number, params: number, context: number) => {
      ctx.createDataSource(h().readString(name), h().readStringArray(params), readEntity(h(), context));
    },
    "dataSource.address": () => h().writeBytes(ctx.address),
    "dataSource.network": () => h().writeString(ctx.network),
    "dataSource.context": () => writeEntity(h(), ctx.context ?? new Map()),

    // ---- ethereum ---------------------------------------------------------------------------
    "ethereum.call": (callPtr: number) => {
      const heap = h();
      const [namePtr, addressPtr, fnPtr, sigPtr, paramsPtr] = [0, 4, 8, 12, 16].map((o) => heap.u32(callPtr + o)) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const contractName = heap.readString(namePtr);
      const address = getAddress(bytesToHex(heap.readBytes(addressPtr)));
      const functionName = heap.readString(fnPtr);
      const signature = sigPtr ? heap.readString(sigPtr) : "";
      const params = heap.readPtrArray(paramsPtr).map((p) => readEthValue(heap, p));
      const abi = ctx.abis.get(contractName);
      if (!abi)
        throw new DeterministicError(
          `Could not find ABI for contract "${contractName}", try adding it to the 'abis' section of the subgraph manifest`,
        );
      const fn = findFunction(abi, functionName, signature);
      if (!fn)
        throw new DeterministicError(`Unknown function "${contractName}::${functionName}" called from WASM runtime`);
      const args = fn.inputs.map((input, i) => toAbi(input, params[i]!));
      const data = encodeFunctionData({ abi: [fn], functionName: fn.name, args });
      const result = ctx.chain.call(address, data);
      if (result === null) return 0;
      let values: EthValue[];
      try {
        const decoded = decodeFunctionResult({ abi: [fn], functionName: fn.name, data: result }) as unknown;
        const outputs = fn.outputs;
        const list = outputs.length === 1 ? [decoded] : (decoded as unknown[]);
        values = outputs.map((o, i) => fromAbi(o, list[i]));
      } catch {
        return 0;
      }
      return h().writePtrArray(
        values.map((v) => writeEthValue(h(), v)),
        TypeId.ArrayEthereumValue,
      );
    },
    "ethereum.encode": (p: number) => {
      try {
        return h().writeBytes(encodeValue(readEthValue(h(), p)));
      } catch {
        return 0;
      }
    },
    "ethereum.decode": (types: number, data: number) => {
      const v = decodeValue(h().readString(types), h().readBytes(data));
      return v ? writeEthValue(h(), v) : 0;
    },
    "ethereum.getBalance": (p: number) => h().writeBigInt(ctx.chain.balance(bytesToHex(h().readBytes(p)) as Hex)),
    "ethereum.hasCode": (p: number) => {
      const code = ctx.chain.code(bytesToHex(h().readBytes(p)) as Hex);
      return h().writeWrappedBool(code !== "0x" && code !== "0x0");
    },

    // ---- not available off graph-node's IPFS/Arweave setup ----------------------------------
    "ipfs.cat": unsupported("ipfs.cat"),
    "ipfs.map": unsupported("ipfs.map"),
    "ipfs.getBlock": unsupported("ipfs.getBlock"),
    "arweave.transactionData": unsupported("arweave.transactionData"),
    "box.profile": unsupported("box.profile"),
  };
}
