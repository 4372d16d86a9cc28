import type { SchemaModel } from "../manifest/schema.js";
import type { Manifest } from "../manifest/types.js";
import { ChainResetError, errorMessage } from "../internal/errors.js";
import type { Logger } from "../internal/logger.js";
import { EntityCache } from "../store/entity-cache.js";
import type { Store } from "../store/store.js";
import { runBatch } from "./batch.js";
import { BatchCommitter, type IndexerState } from "./batch-commit.js";
import { BlockRanges } from "./block-range.js";
import { BlockRunner } from "./block-run.js";
import { assertHeadOnChain } from "./chain-reset.js";
import { DataSources } from "./data-sources.js";
import { HandlerRunner } from "./handler-run.js";
import type { Rpc } from "./rpc.js";

export type { IndexerState } from "./batch-commit.js";

export interface IndexerOptions {
  manifest: Manifest;
  schema: SchemaModel;
  store: Store;
  rpc: Rpc;
  logger: Logger;
  pollIntervalMs: number;
  /** Blocks per eth_getLogs range. */
  rangeSize: number;
}

/**
 * Follows the chain and runs the mappings, one range of blocks per step: pick and fetch the range
 * (block-range.ts), run its blocks into a batch (batch.ts), commit it (batch-commit.ts).
 */
export class Indexer {
  readonly state: IndexerState = { head: null, failed: false, error: null };
  private readonly dataSources: DataSources;
  private readonly cache: EntityCache;
  private readonly ranges: BlockRanges;
  private readonly blocks: BlockRunner;
  private readonly committer: BatchCommitter;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private listeners = new Set<() => void>();
  private stats = { blocks: 0, events: 0, since: Date.now() };
  private latest = 0;
  private failures = 0;

  constructor(private readonly o: IndexerOptions) {
    this.dataSources = new DataSources(o.manifest);
    this.cache = new EntityCache(o.store);
    this.ranges = new BlockRanges(o.rpc, this.dataSources, o.rangeSize, o.logger);
    this.blocks = new BlockRunner(
      this.dataSources,
      new HandlerRunner(o.schema, this.cache, this.dataSources, o.rpc, o.logger),
      o.rpc,
    );
    this.committer = new BatchCommitter(o.store, o.schema, this.cache, this.state, o.rpc, o.logger);
  }

  /** Incremented when a commit starts and when it ends; queries compare it (see graph-host.ts). */
  get commitSeq(): number {
    return this.committer.seq;
  }

  get committing(): boolean {
    return this.committer.committing;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    await this.dataSources.load(this.o.store);
    await this.refreshState();
    const head = this.state.head;
    if (!head) this.cache.startEmpty();
    this.o.logger.info(head ? "resuming" : "starting from scratch", {
      from: head ? head.number + 1 : this.dataSources.startBlock,
      dataSources: this.dataSources.all.length,
      failed: this.state.failed || undefined,
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async refreshState(): Promise<void> {
    this.state.head = await this.o.store.head();
    const status = await this.o.store.status();
    this.state.failed = status.failed;
    this.state.error = status.error;
    for (const l of this.listeners) l();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    let lastReport = Date.now();
    while (!this.stopped) {
      let progressed = false;
      try {
        progressed = await this.step();
      } catch (error) {
        if (error instanceof ChainResetError) {
          this.o.logger.warn("chain reset detected; rebuilding the store from scratch", { reason: error.message });
          this.ranges.forget();
          await this.committer.rebuild();
          await this.dataSources.load(this.o.store);
          await this.refreshState();
          continue;
        }
        // RPC down or flaky: back off up to 5 s, and say so without flooding the log.
        // Data sources created in the failed range were not committed: forget them.
        this.ranges.forget();
        await this.dataSources.load(this.o.store).catch(() => {});
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.o.logger.warn("indexing step failed; retrying", { error: errorMessage(error), attempt: this.failures });
        }
        await this.sleep(Math.min(5000, 250 * 2 ** Math.min(this.failures, 5)));
        continue;
      }
      if (this.failures > 0) this.o.logger.info("indexing recovered", { after: this.failures });
      this.failures = 0;
      if (Date.now() - lastReport > 5000 && this.stats.blocks > 0) {
        this.report();
        lastReport = Date.now();
      }
      if (!progressed) await this.sleep(this.o.pollIntervalMs);
    }
  }

  private report(): void {
    const secs = (Date.now() - this.stats.since) / 1000;
    this.o.logger.info("indexing", {
      head: this.state.head?.number,
      lag: this.latest - (this.state.head?.number ?? 0),
      "blocks/s": Math.round(this.stats.blocks / secs),
      "events/s": Math.round(this.stats.events / secs),
    });
    this.stats = { blocks: 0, events: 0, since: Date.now() };
  }

  /** One range: returns whether the head moved. */
  private async step(): Promise<boolean> {
    if (this.state.failed) {
      // A failed subgraph stays failed (as in graph-node) but a chain reset still rebuilds it.
      await assertHeadOnChain(this.o.rpc, this.state.head);
      await this.o.store.buildQueryIndexes();
      return false;
    }
    const latest = await this.o.rpc.blockNumber();
    this.latest = latest;
    await assertHeadOnChain(this.o.rpc, this.state.head, latest);
    const head = this.state.head;
    const from = head ? head.number + 1 : this.dataSources.startBlock;
    if (from > latest) {
      // At the head already (a restart after the last commit): queries need their indexes.
      await this.o.store.buildQueryIndexes();
      return false;
    }
    const tFetch = performance.now();
    const range = await this.ranges.take(from, latest);
    if (!range) return true;
    const tRun = performance.now();
    const batch = await runBatch(this.blocks, this.ranges, range.data, range.to);
    this.stats.events += batch.events;
    const tCommit = performance.now();
    if (await this.committer.commit(batch, latest, this.stats.events)) {
      this.ranges.forget();
      await this.dataSources.load(this.o.store);
      await this.refreshState();
      return true;
    }
    const to = Number(batch.head.number);
    this.o.logger.debug("range indexed", {
      from,
      to,
      triggers: range.data.logs.length,
      fetchMs: Math.round(tRun - tFetch),
      runMs: Math.round(tCommit - tRun),
      commitMs: Math.round(performance.now() - tCommit),
    });
    this.stats.blocks += to - from + 1;
    await this.refreshState();
    return true;
  }
}
