/** Tracked transactions, shared by every wallet island (a tiny external store for UI state). */
import { useSyncExternalStore } from "react";
import type { Hash } from "viem";

export type TxPhase = "preparing" | "signing" | "pending" | "indexing" | "done" | "failed";

export interface TrackedTx {
  readonly id: number;
  readonly label: string;
  readonly phase: TxPhase;
  readonly hash?: Hash;
  readonly blockNumber?: bigint;
  readonly error?: string;
}

let txs: readonly TrackedTx[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const txStore = {
  add(label: string): number {
    const id = nextId++;
    txs = [...txs.slice(-4), { id, label, phase: "preparing" }];
    emit();
    return id;
  },
  update(id: number, patch: Partial<TrackedTx>) {
    txs = txs.map((t) => (t.id === id ? { ...t, ...patch } : t));
    emit();
  },
  dismiss(id: number) {
    txs = txs.filter((t) => t.id !== id);
    emit();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: () => txs,
};

const empty: readonly TrackedTx[] = [];
export function useTrackedTxs(): readonly TrackedTx[] {
  return useSyncExternalStore(txStore.subscribe, txStore.get, () => empty);
}
