import type { ChainLog } from "../runtime/triggers.js";
import type { BlockWrites, DynamicDataSource } from "../store/store.js";
import { fetchLogs } from "./block-range.js";
import { cachedChainReader } from "./chain-reader.js";
import type { DataSources } from "./data-sources.js";
import type { HandlerRunner } from "./handler-run.js";
import type { BlockWithTxs, Rpc } from "./rpc.js";
import { type Trigger, matchTriggers } from "./trigger-match.js";

/** Triggers run between two turns of the event loop (RPC prefetch, HTTP queries). */
const YIELD_EVERY = 50;

export interface BlockResult {
  writes: BlockWrites;
  /** Data sources created in the block; they are followed from this block on. */
  created: DynamicDataSource[];
  /** Triggers run. */
  events: number;
}

/** Runs the triggers of one block, those of the data sources created in it included. */
export class BlockRunner {
  private sinceYield = 0;

  constructor(
    private readonly dataSources: DataSources,
    private readonly handlers: HandlerRunner,
    private readonly rpc: Rpc,
  ) {}

  /** Runs block `data` with its `logs`, on top of `batch` (the uncommitted earlier blocks). */
  async run(data: BlockWithTxs, logs: ChainLog[], batch: BlockWrites): Promise<BlockResult> {
    const n = Number(data.block.number);
    const writes: BlockWrites = new Map();
    const created: DynamicDataSource[] = [];
    const chain = cachedChainReader(this.rpc, n);
    let events = 0;
    let triggers: Trigger[] = matchTriggers(this.dataSources.all, logs, n);
    for (;;) {
      this.handlers.prefetchReceipts(triggers);
      const createdNow: DynamicDataSource[] = [];
      for (const trigger of triggers) {
        await this.handlers.run(trigger, data, chain, batch, writes, createdNow);
        events += 1;
        if (++this.sinceYield >= YIELD_EVERY) {
          // Handlers run without real I/O (misses are answered from memory or replayed), so the
          // awaits above never leave the microtask queue: without this the prefetch of the next
          // range would not even be sent, nor queries answered, until the batch is done.
          this.sinceYield = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (createdNow.length === 0) break;
      // Data sources created in this block see this block's matching triggers too.
      created.push(...createdNow);
      const fresh = this.dataSources.add(createdNow, n);
      triggers = matchTriggers(fresh, await fetchLogs(this.rpc, n, n, fresh), n);
    }
    return { writes, created, events };
  }
}
