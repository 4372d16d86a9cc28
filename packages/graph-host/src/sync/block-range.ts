import { getAddress } from "viem";
import { ChainResetError, RetryableError, errorMessage } from "../internal/errors.js";
import type { Logger } from "../internal/logger.js";
import type { ChainBlock, ChainLog } from "../runtime/triggers.js";
import type { DataSourceInstance, DataSources } from "./data-sources.js";
import type { BlockWithTxs, Rpc } from "./rpc.js";

/** A fetched range of blocks: the data sources' logs and the blocks that have triggers. */
export interface RangeData {
  /** In chain order. */
  logs: ChainLog[];
  /** Numbers of the blocks to run, ascending: those with logs, or every block when there are block handlers. */
  sorted: number[];
  byNumber: Map<number, BlockWithTxs>;
  /** Header of the range's last block (the head after the range, if it has no triggers). */
  toHeader: ChainBlock;
}

interface Fetched<T> {
  from: number;
  to: number;
  /** How many data sources there were: a range fetched for fewer misses the new ones' logs. */
  instances: number;
  data: T;
}

/**
 * Chooses the next range of blocks and fetches it. Ranges start small and grow while they come back
 * light, and halve when the provider refuses one; the range after the current one is prefetched
 * while the mappings run.
 */
export class BlockRanges {
  private range: number | undefined;
  /** Largest range known to work after the provider refused a larger one. */
  private rangeCeiling: number | undefined;
  private prefetched: Fetched<Promise<RangeData>> | undefined;
  /** The blocks of a fetched range that did not fit in the last batch. */
  private leftover: Fetched<RangeData> | undefined;

  constructor(
    private readonly rpc: Rpc,
    private readonly dataSources: DataSources,
    /** Blocks per eth_getLogs range, at most. */
    private readonly rangeSize: number,
    private readonly logger: Logger,
  ) {}

  /**
   * The range from `from` to at most `latest`, or undefined when the provider refused it: the range
   * has been halved, ask again.
   */
  async take(from: number, latest: number): Promise<{ to: number; data: RangeData } | undefined> {
    let to: number;
    let data: RangeData;
    const rest = this.leftover;
    this.leftover = undefined;
    if (rest && rest.from === from && rest.instances === this.dataSources.all.length && rest.to <= latest) {
      // The rest of a range already fetched; its successor may be prefetched already.
      to = rest.to;
      data = rest.data;
    } else {
      const maxRange = this.dataSources.hasBlockHandlers ? Math.min(this.rangeSize, 200) : this.rangeSize;
      // Start small: providers refuse (slowly) huge responses.
      this.range = Math.min(this.range ?? 100, maxRange);
      to = Math.min(latest, from + this.range - 1);
      try {
        data = await this.fetchOrPrefetched(from, to);
      } catch (error) {
        // Providers cap eth_getLogs by block span or response size: halve the range and retry.
        if (to > from && !(error instanceof ChainResetError)) {
          this.range = Math.max(1, Math.floor((to - from + 1) / 2));
          this.rangeCeiling = this.range;
          this.logger.debug("eth_getLogs failed; shrinking the block range", {
            range: this.range,
            error: errorMessage(error),
          });
          return undefined;
        }
        throw error;
      }
      if (to - from + 1 >= this.range && data.logs.length < 2_500)
        this.range = Math.min(maxRange, this.rangeCeiling ?? maxRange, this.range * 2);
    }
    // Fetch the next range while this one runs (RPC and mappings overlap).
    if (to < latest && this.prefetched?.from !== to + 1) {
      const nextTo = Math.min(latest, to + (this.range ?? 100));
      this.prefetched = {
        from: to + 1,
        to: nextTo,
        instances: this.dataSources.all.length,
        data: this.fetch(to + 1, nextTo),
      };
      this.prefetched.data.catch(() => {});
    }
    return { to, data };
  }

  /** Keeps the blocks of `data` after `sorted[index]` for the next `take` (the batch ended there). */
  keepRest(data: RangeData, index: number, to: number): void {
    const n = data.sorted[index]!;
    const rest = {
      ...data,
      logs: data.logs.filter((l) => Number(l.blockNumber) > n),
      sorted: data.sorted.slice(index + 1),
    };
    this.leftover = { from: n + 1, to, instances: this.dataSources.all.length, data: rest };
  }

  /** Drops what was fetched ahead: it may be from another chain, or miss data sources. */
  forget(): void {
    this.prefetched = undefined;
    this.leftover = undefined;
  }

  /** Uses the prefetched range when it is exactly the one wanted and no data source was added since. */
  private async fetchOrPrefetched(from: number, to: number): Promise<RangeData> {
    const p = this.prefetched;
    this.prefetched = undefined;
    if (p && p.from === from && p.to === to && p.instances === this.dataSources.all.length) {
      try {
        return await p.data;
      } catch {
        // fall through and fetch again
      }
    }
    return this.fetch(from, to);
  }

  private async fetch(from: number, to: number): Promise<RangeData> {
    const logs = await fetchLogs(this.rpc, from, to, this.dataSources.all);
    const numbers = new Set<number>(logs.map((l) => Number(l.blockNumber)));
    if (this.dataSources.hasBlockHandlers) for (let n = from; n <= to; n++) numbers.add(n);
    const sorted = [...numbers].sort((a, b) => a - b);
    const [blocks, toHeader] = await Promise.all([
      Promise.all(sorted.map((n) => this.rpc.blockWithTxs(n))),
      this.rpc.block(to),
    ]);
    if (!toHeader) throw new RetryableError(`block ${to} not found`);
    return { logs, sorted, byNumber: new Map(blocks.map((b) => [Number(b.block.number), b])), toHeader };
  }
}

/** The logs of `instances`' event handlers in blocks `from`..`to`, in chain order. */
export async function fetchLogs(
  rpc: Rpc,
  from: number,
  to: number,
  instances: DataSourceInstance[],
): Promise<ChainLog[]> {
  const active = instances.filter((i) => i.spec.eventHandlers.length > 0 && i.startBlock <= to);
  const addresses = [...new Set(active.map((i) => getAddress(i.address)))];
  const topics = [...new Set(active.flatMap((i) => i.spec.eventHandlers.map((h) => h.topic0)))];
  const logs = await rpc.logs(from, to, addresses, topics);
  return logs.sort((a, b) =>
    a.blockNumber === b.blockNumber ? Number(a.logIndex - b.logIndex) : Number(a.blockNumber - b.blockNumber),
  );
}

/** The range's logs by block; throws when a log's block is not the block fetched (a reorg meanwhile). */
export function logsByBlock({ logs, byNumber }: RangeData): Map<number, ChainLog[]> {
  const out = new Map<number, ChainLog[]>();
  for (const l of logs) {
    const n = Number(l.blockNumber);
    if (byNumber.get(n)?.block.hash.toLowerCase() !== l.blockHash.toLowerCase())
      throw new RetryableError(`block ${n} changed while fetching (reorg)`);
    let arr = out.get(n);
    if (!arr) out.set(n, (arr = []));
    arr.push(l);
  }
  return out;
}
