import { DeterministicError } from "../internal/errors.js";
import type { ChainBlock } from "../runtime/triggers.js";
import { mergeLayer } from "../store/handler-store.js";
import type { BlockCommit, BlockWrites } from "../store/store.js";
import { type BlockRanges, type RangeData, logsByBlock } from "./block-range.js";
import type { BlockResult, BlockRunner } from "./block-run.js";

/**
 * A batch (one store transaction) ends at the first block boundary after this many triggers, or
 * at the end of the fetched range. Bounds the memory a batch holds and what a crash discards.
 */
const MAX_BATCH_TRIGGERS = 2_500;

/** A handler failed deterministically at `block`: the subgraph fails there. */
export interface Failure {
  error: string;
  block: number;
}

export interface Batch {
  /** The blocks run, in order. */
  commits: BlockCommit[];
  /** The head once committed: the last block run, or the range's last block. */
  head: ChainBlock;
  /** Set when a block failed; `commits` holds the blocks before it. */
  failure?: Failure;
  /** Triggers run. */
  events: number;
}

/**
 * Runs the blocks of a fetched range (ending at block `to`) into one batch, each on top of the
 * writes of those before it. The batch ends early at a block that creates data sources (the rest
 * of the range has to be fetched again with their addresses), after MAX_BATCH_TRIGGERS (the rest
 * is kept in `ranges`), or at a deterministic failure.
 */
export async function runBatch(blocks: BlockRunner, ranges: BlockRanges, data: RangeData, to: number): Promise<Batch> {
  const { sorted, byNumber } = data;
  const logs = logsByBlock(data);
  const commits: BlockCommit[] = [];
  const batch: BlockWrites = new Map();
  let events = 0;
  for (const [index, n] of sorted.entries()) {
    const block = byNumber.get(n)!;
    let result: BlockResult;
    try {
      result = await blocks.run(block, logs.get(n) ?? [], batch);
    } catch (error) {
      if (!(error instanceof DeterministicError)) throw error;
      return { commits, head: data.toHeader, failure: { error: error.message, block: n }, events };
    }
    commits.push({ number: n, hash: block.block.hash, writes: result.writes, dataSources: result.created });
    mergeLayer(batch, result.writes);
    events += result.events;
    if (events >= MAX_BATCH_TRIGGERS && result.created.length === 0 && index < sorted.length - 1) {
      // Commit here and keep the rest of the fetched range for the next batch: a batch's
      // uncommitted writes stay in memory, and a smaller batch also loses less to a crash.
      ranges.keepRest(data, index, to);
      return { commits, head: block.block, events };
    }
    if (result.created.length > 0) return { commits, head: block.block, events };
  }
  return { commits, head: data.toHeader, events };
}
