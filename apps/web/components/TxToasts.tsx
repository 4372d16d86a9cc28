"use client";
/** The transaction toasts of `useTx` (hooks/useTx.ts), rendered once, by the header's wallet island. */
import { txStore, useTrackedTxs, type TxPhase } from "./txStore";

const PHASE_TEXT: Record<TxPhase, string> = {
  preparing: "Checking...",
  signing: "Confirm in your wallet",
  pending: "Pending: waiting to be mined",
  indexing: "Mined: waiting for the indexer",
  done: "Done: mined and indexed",
  failed: "Failed",
};

function phaseIndex(p: TxPhase): number {
  return { preparing: 0, signing: 1, pending: 2, indexing: 3, done: 4, failed: 0 }[p];
}

export function TxToasts() {
  const txs = useTrackedTxs();
  return (
    <section
      aria-label="Transactions"
      aria-live="polite"
      className="fixed bottom-3 right-3 z-40 flex w-[min(24rem,calc(100vw-1.5rem))] flex-col gap-2"
    >
      {txs.map((t) => (
        <div
          key={t.id}
          data-testid="tx-toast"
          data-phase={t.phase}
          className={`card text-sm ${t.phase === "failed" ? "border-red-300" : ""}`}
        >
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{t.label}</p>
            <button
              type="button"
              className="text-slate-600 hover:text-slate-900"
              aria-label={`Dismiss ${t.label}`}
              onClick={() => txStore.dismiss(t.id)}
            >
              ×
            </button>
          </div>
          <ol className="mt-1 flex gap-1 text-xs" aria-label="Progress">
            {(["signing", "pending", "indexing", "done"] as const).map((p) => (
              <li
                key={p}
                className={`h-1.5 flex-1 rounded ${phaseIndex(t.phase) >= phaseIndex(p) ? (t.phase === "failed" ? "bg-red-400" : "bg-brand") : "bg-slate-200"}`}
              />
            ))}
          </ol>
          <p className={`mt-1 ${t.phase === "failed" ? "text-red-800" : "text-slate-700"}`}>
            {t.error ?? PHASE_TEXT[t.phase]}
          </p>
          {t.hash && <p className="mt-1 truncate font-mono text-xs text-slate-600">tx {t.hash}</p>}
        </div>
      ))}
    </section>
  );
}
