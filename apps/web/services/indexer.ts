/**
 * Small, dependency-free view of the subgraph for the transaction lifecycle: the indexed head
 * (`_meta.block.number`) and a registry of "refetch now" callbacks that Apollo views register, so
 * pages without Apollo in their bundle can still refresh the ones that have it.
 */
import { subgraphUrl } from "./chains";

export async function indexedBlock(): Promise<bigint | null> {
  try {
    const res = await fetch(subgraphUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ _meta { block { number } } }" }),
    });
    const body = (await res.json()) as { data?: { _meta?: { block?: { number?: number } } } };
    const n = body.data?._meta?.block?.number;
    return n === undefined ? null : BigInt(n);
  } catch {
    return null;
  }
}

/** Resolves true once the subgraph has indexed `block`, false after `timeoutMs`. */
export async function waitIndexed(block: bigint, timeoutMs = 60_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const head = await indexedBlock();
    if (head !== null && head >= block) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

const refetchers = new Set<() => unknown>();

/** Registers a refetch to run after every indexed transaction; returns the unregister function. */
export function onIndexed(refetch: () => unknown): () => void {
  refetchers.add(refetch);
  return () => refetchers.delete(refetch);
}

export async function runIndexedRefetchers(): Promise<void> {
  await Promise.allSettled([...refetchers].map((r) => r()));
}
