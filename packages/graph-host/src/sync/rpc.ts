import { type Hex, createPublicClient, http } from "viem";
import { RetryableError } from "../internal/errors.js";
import type { ChainBlock, ChainLog, ChainReceipt, ChainTransaction } from "../runtime/triggers.js";

type RawBlock = Record<string, unknown> & { transactions?: (Record<string, unknown> | Hex)[] };

const big = (v: unknown): bigint => (v === null || v === undefined ? 0n : BigInt(v as string));
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as string));

export function parseBlock(raw: RawBlock): ChainBlock {
  return {
    number: big(raw.number),
    hash: raw.hash as Hex,
    parentHash: raw.parentHash as Hex,
    sha3Uncles: raw.sha3Uncles as Hex,
    miner: raw.miner as Hex,
    stateRoot: raw.stateRoot as Hex,
    transactionsRoot: raw.transactionsRoot as Hex,
    receiptsRoot: raw.receiptsRoot as Hex,
    gasUsed: big(raw.gasUsed),
    gasLimit: big(raw.gasLimit),
    timestamp: big(raw.timestamp),
    difficulty: big(raw.difficulty),
    totalDifficulty: bigOrNull(raw.totalDifficulty),
    size: bigOrNull(raw.size),
    baseFeePerGas: bigOrNull(raw.baseFeePerGas),
  };
}

function parseTx(raw: Record<string, unknown>): ChainTransaction {
  return {
    hash: raw.hash as Hex,
    index: big(raw.transactionIndex),
    from: raw.from as Hex,
    to: (raw.to as Hex | null) ?? null,
    value: big(raw.value),
    gas: big(raw.gas),
    gasPrice: big(raw.gasPrice ?? raw.maxFeePerGas),
    input: raw.input as Hex,
    nonce: big(raw.nonce),
  };
}

function parseLog(raw: Record<string, unknown>): ChainLog {
  return {
    address: (raw.address as string).toLowerCase() as Hex,
    topics: raw.topics as Hex[],
    data: raw.data as Hex,
    blockNumber: big(raw.blockNumber),
    blockHash: raw.blockHash as Hex,
    transactionHash: raw.transactionHash as Hex,
    transactionIndex: big(raw.transactionIndex),
    logIndex: big(raw.logIndex),
    removed: raw.removed === true,
  };
}

export interface BlockWithTxs {
  block: ChainBlock;
  transactions: Map<string, ChainTransaction>;
}

/** JSON-RPC client: batched HTTP (viem transport), raw results parsed here. */
export class Rpc {
  private readonly client;

  constructor(readonly url: string) {
    this.client = createPublicClient({
      // viem's 10 MB response cap is ~10,000 logs: a dense range of a local node passes it. Hosted
      // providers cap eth_getLogs themselves; the indexer halves the range when refused.
      transport: http(url, {
        batch: { batchSize: 100, wait: 0 },
        retryCount: 3,
        retryDelay: 200,
        timeout: 30_000,
        maxResponseBodySize: 256 * 1024 * 1024,
      }),
    });
  }

  private async request<T>(method: string, params: unknown[]): Promise<T> {
    try {
      return (await this.client.request({ method: method as "eth_chainId", params: params as never })) as T;
    } catch (error) {
      throw new RetryableError(
        `${method} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
    }
  }

  async chainId(): Promise<number> {
    return Number(await this.request<Hex>("eth_chainId", []));
  }

  async blockNumber(): Promise<number> {
    return Number(await this.request<Hex>("eth_blockNumber", []));
  }

  async block(number: number): Promise<ChainBlock | null> {
    const raw = await this.request<RawBlock | null>("eth_getBlockByNumber", [`0x${number.toString(16)}`, false]);
    return raw ? parseBlock(raw) : null;
  }

  async blockByHash(hash: string): Promise<ChainBlock | null> {
    const raw = await this.request<RawBlock | null>("eth_getBlockByHash", [hash, false]);
    return raw ? parseBlock(raw) : null;
  }

  async blockWithTxs(number: number): Promise<BlockWithTxs> {
    const raw = await this.request<RawBlock | null>("eth_getBlockByNumber", [`0x${number.toString(16)}`, true]);
    if (!raw) throw new RetryableError(`block ${number} not found`);
    const transactions = new Map<string, ChainTransaction>();
    for (const t of raw.transactions ?? []) {
      if (typeof t === "object") {
        const tx = parseTx(t);
        transactions.set(tx.hash.toLowerCase(), tx);
      }
    }
    return { block: parseBlock(raw), transactions };
  }

  async logs(fromBlock: number, toBlock: number, addresses: string[], topic0s: string[]): Promise<ChainLog[]> {
    if (addresses.length === 0 || topic0s.length === 0) return [];
    const raw = await this.request<Record<string, unknown>[]>("eth_getLogs", [
      {
        fromBlock: `0x${fromBlock.toString(16)}`,
        toBlock: `0x${toBlock.toString(16)}`,
        address: addresses,
        topics: [topic0s],
      },
    ]);
    return raw.map(parseLog);
  }

  async receipt(hash: string): Promise<ChainReceipt> {
    const raw = await this.request<Record<string, unknown>>("eth_getTransactionReceipt", [hash]);
    return {
      transactionHash: raw.transactionHash as Hex,
      transactionIndex: big(raw.transactionIndex),
      blockHash: raw.blockHash as Hex,
      blockNumber: big(raw.blockNumber),
      cumulativeGasUsed: big(raw.cumulativeGasUsed),
      gasUsed: big(raw.gasUsed),
      contractAddress: (raw.contractAddress as Hex | null) ?? null,
      logs: (raw.logs as Record<string, unknown>[]).map(parseLog),
      status: big(raw.status),
      root: (raw.root as Hex | undefined) ?? null,
      logsBloom: raw.logsBloom as Hex,
    };
  }

  /** `eth_call` at `block`; null when the call reverts. Other failures are retryable. */
  async call(to: string, data: string, block: number): Promise<Hex | null> {
    try {
      return (await this.client.request({
        method: "eth_call",
        params: [{ to: to as Hex, data: data as Hex, gas: "0x2faf080" }, `0x${block.toString(16)}`],
      })) as Hex;
    } catch (error) {
      const text =
        error instanceof Error
          ? `${error.message} ${String((error as { details?: string }).details ?? "")}`
          : String(error);
      if (/revert|invalid opcode|out of gas|execution error|exception/i.test(text)) return null;
      throw new RetryableError(`eth_call failed: ${text.split("\n")[0]}`);
    }
  }

  async balance(address: string, block: number): Promise<bigint> {
    return BigInt(await this.request<Hex>("eth_getBalance", [address, `0x${block.toString(16)}`]));
  }

  async code(address: string, block: number): Promise<Hex> {
    return this.request<Hex>("eth_getCode", [address, `0x${block.toString(16)}`]);
  }
}
