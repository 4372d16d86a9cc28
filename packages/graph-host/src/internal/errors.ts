/** A mapping or manifest error that would happen again on every run: the subgraph fails at the block. */
export class DeterministicError extends Error {
  override name = "DeterministicError";
}

/** A transient problem (RPC unavailable, possible reorg): the block is retried. */
export class RetryableError extends Error {
  override name = "RetryableError";
}

/** Thrown when the chain the store was built from is gone (anvil restarted, reorg below the head). */
export class ChainResetError extends Error {
  override name = "ChainResetError";
}

/** A query error reported to the client in graph-node's `{"errors":[{"message"}]}` shape. */
export class QueryError extends Error {
  override name = "QueryError";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Thrown by a host function whose answer needs I/O (a store read, an eth_call). The runner awaits
 * `load()` and replays the trigger in a fresh instance; mappings are deterministic, so the replay
 * reaches the same point and now finds the answer cached.
 */
export class MissingData extends Error {
  override name = "MissingData";
  constructor(readonly load: () => Promise<void>) {
    super("data not loaded yet");
  }
}
