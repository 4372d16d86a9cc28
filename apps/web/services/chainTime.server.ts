import "server-only";

import { publicClient } from "./deployment.server";

/**
 * The chain's "now" for server-rendered pages: the latest block's timestamp (the dev clock's time on
 * the local chain, never the wall clock), else the subgraph's head, else the wall clock.
 */
export async function chainNow(indexedTimestamp: number | null | undefined): Promise<number> {
  try {
    const block = await publicClient.getBlock({ blockTag: "latest" });
    return Number(block.timestamp);
  } catch {
    return indexedTimestamp ?? Math.floor(Date.now() / 1000);
  }
}
