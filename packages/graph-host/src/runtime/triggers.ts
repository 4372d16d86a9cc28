import type { Hex } from "viem";
import { hexToBytes } from "../store/values.js";
import { type AscHeap, TypeId } from "./asc.js";
import type { EthValue } from "./ethereum.js";
import { writeEthValue } from "./ethereum.js";

/** A block header as JSON-RPC returns it (quantities already parsed). */
export interface ChainBlock {
  number: bigint;
  hash: Hex;
  parentHash: Hex;
  sha3Uncles: Hex;
  miner: Hex;
  stateRoot: Hex;
  transactionsRoot: Hex;
  receiptsRoot: Hex;
  gasUsed: bigint;
  gasLimit: bigint;
  timestamp: bigint;
  difficulty: bigint;
  totalDifficulty: bigint | null;
  size: bigint | null;
  baseFeePerGas: bigint | null;
}

export interface ChainTransaction {
  hash: Hex;
  index: bigint;
  from: Hex;
  to: Hex | null;
  value: bigint;
  gas: bigint;
  gasPrice: bigint;
  input: Hex;
  nonce: bigint;
}

export interface ChainLog {
  address: Hex;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  transactionHash: Hex;
  transactionIndex: bigint;
  logIndex: bigint;
  removed: boolean;
}

export interface ChainReceipt {
  transactionHash: Hex;
  transactionIndex: bigint;
  blockHash: Hex;
  blockNumber: bigint;
  cumulativeGasUsed: bigint;
  gasUsed: bigint;
  contractAddress: Hex | null;
  logs: ChainLog[];
  status: bigint;
  root: Hex | null;
  logsBloom: Hex;
}

const bytes = (heap: AscHeap, hex: Hex | null | undefined) => (hex ? heap.writeBytes(hexToBytes(hex)) : 0);
const big = (heap: AscHeap, n: bigint | null | undefined) => (n === null || n === undefined ? 0 : heap.writeBigInt(n));

export function writeBlock(heap: AscHeap, b: ChainBlock): number {
  return heap.writeStruct(
    [
      bytes(heap, b.hash),
      bytes(heap, b.parentHash),
      bytes(heap, b.sha3Uncles),
      bytes(heap, b.miner),
      bytes(heap, b.stateRoot),
      bytes(heap, b.transactionsRoot),
      bytes(heap, b.receiptsRoot),
      big(heap, b.number),
      big(heap, b.gasUsed),
      big(heap, b.gasLimit),
      big(heap, b.timestamp),
      big(heap, b.difficulty),
      big(heap, b.totalDifficulty ?? 0n),
      big(heap, b.size),
      big(heap, b.baseFeePerGas),
    ],
    TypeId.EthereumBlock,
  );
}

export function writeTransaction(heap: AscHeap, t: ChainTransaction): number {
  return heap.writeStruct(
    [
      bytes(heap, t.hash),
      big(heap, t.index),
      bytes(heap, t.from),
      bytes(heap, t.to),
      big(heap, t.value),
      big(heap, t.gas),
      big(heap, t.gasPrice),
      bytes(heap, t.input),
      big(heap, t.nonce),
    ],
    TypeId.EthereumTransaction,
  );
}

function writeLog(heap: AscHeap, l: ChainLog): number {
  return heap.writeStruct(
    [
      bytes(heap, l.address),
      heap.writePtrArray(
        l.topics.map((t) => bytes(heap, t)),
        TypeId.ArrayH256,
      ),
      bytes(heap, l.data),
      bytes(heap, l.blockHash),
      big(heap, l.blockNumber),
      bytes(heap, l.transactionHash),
      big(heap, l.transactionIndex),
      big(heap, l.logIndex),
      big(heap, l.logIndex),
      0,
      heap.writeWrappedBool(l.removed),
    ],
    TypeId.Log,
  );
}

export function writeReceipt(heap: AscHeap, r: ChainReceipt): number {
  return heap.writeStruct(
    [
      bytes(heap, r.transactionHash),
      big(heap, r.transactionIndex),
      bytes(heap, r.blockHash),
      big(heap, r.blockNumber),
      big(heap, r.cumulativeGasUsed),
      big(heap, r.gasUsed),
      bytes(heap, r.contractAddress),
      heap.writePtrArray(
        r.logs.map((l) => writeLog(heap, l)),
        TypeId.ArrayLog,
      ),
      big(heap, r.status),
      bytes(heap, r.root),
      bytes(heap, r.logsBloom),
    ],
    TypeId.TransactionReceipt,
  );
}

/** ethereum.Event (apiVersion >= 0.0.7). */
export function writeEvent(
  heap: AscHeap,
  log: ChainLog,
  block: ChainBlock,
  tx: ChainTransaction,
  params: { name: string; value: EthValue }[],
  receipt: ChainReceipt | null,
): number {
  const paramPtrs = params.map((p) =>
    heap.writeStruct([heap.writeString(p.name), writeEthValue(heap, p.value)], TypeId.EventParam),
  );
  return heap.writeStruct(
    [
      bytes(heap, log.address),
      big(heap, log.logIndex),
      big(heap, log.logIndex),
      0,
      writeBlock(heap, block),
      writeTransaction(heap, tx),
      heap.writePtrArray(paramPtrs, TypeId.ArrayEventParam),
      receipt ? writeReceipt(heap, receipt) : 0,
    ],
    TypeId.EthereumEvent,
  );
}
