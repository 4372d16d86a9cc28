import { ChainResetError } from "../internal/errors.js";
import type { HeadBlock } from "../store/store.js";
import type { Rpc } from "./rpc.js";

/**
 * Throws `ChainResetError` when the chain no longer holds the indexed head: its tip is below the
 * head, or the block at the head's number has another hash (anvil restarted, a reorg below the
 * head). `latest` is the chain tip when the caller has just read it.
 */
export async function assertHeadOnChain(rpc: Rpc, head: HeadBlock | null, latest?: number): Promise<void> {
  if (!head) return;
  const tip = latest ?? (await rpc.blockNumber());
  if (tip < head.number) throw new ChainResetError(`chain head ${tip} is below the indexed head ${head.number}`);
  const b = await rpc.block(head.number);
  if (!b || b.hash.toLowerCase() !== head.hash.toLowerCase()) {
    throw new ChainResetError(`block ${head.number} is now ${b?.hash ?? "missing"}, indexed ${head.hash}`);
  }
}
