import type { SchemaModel } from "../manifest/schema.js";
import { RetryableError } from "../internal/errors.js";
import type { Logger } from "../internal/logger.js";
import type { ChainBlock } from "../runtime/triggers.js";
import type { EntityCache } from "../store/entity-cache.js";
import type { BlockCommit, HeadBlock, Store } from "../store/store.js";
import type { Batch, Failure } from "./batch.js";
import type { Rpc } from "./rpc.js";

/** What queries read of the indexer. */
export interface IndexerState {
  head: HeadBlock | null;
  failed: boolean;
  error: string | null;
}

export function toHeadBlock(b: ChainBlock): HeadBlock {
  return { number: Number(b.number), hash: b.hash, timestamp: b.timestamp.toString(), parentHash: b.parentHash };
}

/**
 * Writes batches to the store and keeps in step what follows a commit: the state queries read,
 * the entity cache, planner statistics and the query indexes.
 */
export class BatchCommitter {
  /** Incremented when a commit starts and when it ends; queries compare it (see graph-host.ts). */
  seq = 0;
  private writesSinceAnalyze = 0;
  private wasCaughtUp = false;

  constructor(
    private readonly store: Store,
    private readonly schema: SchemaModel,
    private readonly cache: EntityCache,
    private readonly state: IndexerState,
    private readonly rpc: Rpc,
    private readonly logger: Logger,
  ) {}

  get committing(): boolean {
    return this.seq % 2 === 1;
  }

  /**
   * Commits `batch`; when one of its blocks failed, or wrote an immutable entity that exists
   * already, only the blocks before that one, and the failure. Returns whether the subgraph failed.
   * `latest` is the chain tip, `events` the triggers run since the last progress report.
   */
  async commit(batch: Batch, latest: number, events: number): Promise<boolean> {
    const failure = batch.failure ?? (await this.immutableDuplicate(batch.commits));
    if (failure) {
      await this.commitFailure(batch.commits, failure);
      return true;
    }
    const head = Number(batch.head.number);
    await this.write(batch.commits, toHeadBlock(batch.head));
    for (const c of batch.commits) this.cache.applyCommitted(c.writes);
    for (const c of batch.commits) for (const w of c.writes.values()) this.writesSinceAnalyze += w.size;
    const caughtUp = head >= latest;
    if (caughtUp && !this.wasCaughtUp) this.logger.info("caught up with the chain head", { head, events });
    this.wasCaughtUp = caughtUp;
    if (caughtUp && (await this.store.buildQueryIndexes())) this.logger.info("query indexes built", { head });
    if (this.writesSinceAnalyze > 20_000 || (caughtUp && this.writesSinceAnalyze > 0)) {
      await this.store.analyze();
      this.writesSinceAnalyze = 0;
    }
    return false;
  }

  /** Drops everything indexed and starts over (the chain was reset). */
  async rebuild(): Promise<void> {
    this.wasCaughtUp = false;
    await this.exclusive(async () => {
      await this.store.create();
      this.state.head = null;
    });
    this.cache.startEmpty();
  }

  private async commitFailure(commits: BlockCommit[], failure: Failure): Promise<void> {
    const kept = commits.filter((c) => c.number < failure.block);
    const prev = failure.block - 1;
    const prevHeader = prev >= 0 ? await this.rpc.block(prev) : null;
    if (!prevHeader) throw new RetryableError(`block ${prev} not found`);
    await this.write(kept, toHeadBlock(prevHeader), failure);
    // A failed subgraph is still queried: at the block before the failure.
    await this.store.buildQueryIndexes();
    this.logger.error("subgraph failed: deterministic error, the block's writes are discarded", {
      block: failure.block,
      error: failure.error,
    });
    this.cache.clear();
  }

  private write(blocks: BlockCommit[], head: HeadBlock, failure?: Failure): Promise<void> {
    return this.exclusive(async () => {
      await this.store.commit(blocks, head, failure);
      // In the same synchronous step as the sequence bump: a query never sees new rows with an old head.
      this.state.head = head;
      if (failure) {
        this.state.failed = true;
        this.state.error = failure.error;
      }
    });
  }

  /** Runs a store write with `seq` odd, so that queries running meanwhile know to answer again. */
  private async exclusive(f: () => Promise<void>): Promise<void> {
    this.seq += 1;
    try {
      await f();
    } finally {
      this.seq += 1;
    }
  }

  /** The first block of `commits` that writes an immutable entity already committed, as a failure. */
  private async immutableDuplicate(commits: BlockCommit[]): Promise<Failure | undefined> {
    const idsByType = new Map<string, Map<string, number>>();
    for (const c of commits) {
      for (const [type, writes] of c.writes) {
        if (!this.schema.entities.get(type)!.immutable) continue;
        let m = idsByType.get(type);
        if (!m) idsByType.set(type, (m = new Map()));
        for (const id of writes.keys()) if (!m.has(id)) m.set(id, c.number);
      }
    }
    let first: Failure | undefined;
    for (const [type, m] of idsByType) {
      const existing = this.cache.isComplete
        ? new Set([...m.keys()].filter((id) => this.cache.peek(type, id)))
        : await this.store.existing(type, [...m.keys()]);
      for (const id of existing) {
        const block = m.get(id)!;
        if (!first || block < first.block) {
          first = {
            error: `Entity ${type}[${id}] is immutable; it was already written in an earlier block and can not be updated at block ${block}`,
            block,
          };
        }
      }
    }
    return first;
  }
}
