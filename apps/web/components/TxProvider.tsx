"use client";
/**
 * Transaction lifecycle: checks -> wallet signature -> pending -> mined -> indexed. "Indexed" means
 * the subgraph's `_meta.block.number` reached the receipt's block; only then are the indexed views
 * refetched (registered Apollo views, server components, wagmi reads), so what the user sees after
 * a transaction always includes it. Errors are explained in plain language and never clear the
 * caller's inputs. State lives in `txStore`, so every wallet island shares one list of toasts.
 */
import { errorsAbi } from "@dmex/deployments";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { Abi, Address, Hash } from "viem";
import { useAccount, useConfig } from "wagmi";
import { simulateContract, switchChain, waitForTransactionReceipt, writeContract } from "wagmi/actions";

import { explainError } from "~/lib/errors";
import { targetChain } from "~/services/chains";
import { runIndexedRefetchers, waitIndexed } from "~/services/indexer";
import { queryClient } from "~/services/queryClient";
import { txStore, useTrackedTxs, type TxPhase, type TrackedTx } from "./txStore";

export type { TxPhase, TrackedTx };

export interface ContractCall {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args?: readonly unknown[];
}

export interface RunOptions {
  readonly label: string;
  /** The call, or a function producing it (e.g. after a permit signature). */
  readonly call: ContractCall | (() => Promise<ContractCall>);
}

export type RunResult = { ok: true; hash: Hash; blockNumber: bigint } | { ok: false; error: string };

export function useTx(): { run(options: RunOptions): Promise<RunResult> } {
  const config = useConfig();
  const { address, chainId } = useAccount();
  const router = useRouter();

  const run = useCallback(
    async ({ label, call }: RunOptions): Promise<RunResult> => {
      const id = txStore.add(label);
      const fail = (error: unknown): RunResult => {
        const message = typeof error === "string" ? error : explainError(error).message;
        txStore.update(id, { phase: "failed", error: message });
        return { ok: false, error: message };
      };
      try {
        if (address === undefined) return fail("Connect a wallet first.");
        if (chainId !== targetChain.id) {
          try {
            await switchChain(config, { chainId: targetChain.id });
          } catch {
            return fail(`Your wallet is on ${chainId === undefined ? "another network" : `chain ${chainId}`}: switch it to ${targetChain.chain.name} and try again.`);
          }
        }
        const c = typeof call === "function" ? await call() : call;
        // Simulate first: a revert is explained before the wallet asks for a signature. errorsAbi
        // holds every custom error of every contract, so reverts bubbling up from a token decode too.
        const abi = [...c.abi, ...errorsAbi.filter((e) => !c.abi.some((x) => x.type === "error" && x.name === e.name))];
        const { request } = await simulateContract(config, { ...c, abi, account: address, chainId: targetChain.id } as Parameters<typeof simulateContract>[1]);
        txStore.update(id, { phase: "signing" });
        const hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
        txStore.update(id, { phase: "pending", hash });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId: targetChain.id });
        if (receipt.status !== "success") return fail("The transaction was mined but reverted.");
        txStore.update(id, { phase: "indexing", blockNumber: receipt.blockNumber });
        const indexed = await waitIndexed(receipt.blockNumber);
        await Promise.allSettled([runIndexedRefetchers(), queryClient.invalidateQueries()]);
        router.refresh();
        txStore.update(id, indexed ? { phase: "done" } : { phase: "done", error: "Mined, but the indexer has not caught up yet: lists may lag." });
        return { ok: true, hash, blockNumber: receipt.blockNumber };
      } catch (error) {
        return fail(error);
      }
    },
    [address, chainId, config, router],
  );
  return { run };
}

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

/** The toasts (rendered once, by the header's wallet island). */
export function TxToasts() {
  const txs = useTrackedTxs();
  return (
    <section aria-label="Transactions" aria-live="polite" className="fixed bottom-3 right-3 z-40 flex w-[min(24rem,calc(100vw-1.5rem))] flex-col gap-2">
      {txs.map((t) => (
        <div key={t.id} data-testid="tx-toast" data-phase={t.phase} className={`card text-sm ${t.phase === "failed" ? "border-red-300" : ""}`}>
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{t.label}</p>
            <button type="button" className="text-slate-600 hover:text-slate-900" aria-label={`Dismiss ${t.label}`} onClick={() => txStore.dismiss(t.id)}>
              ×
            </button>
          </div>
          <ol className="mt-1 flex gap-1 text-xs" aria-label="Progress">
            {(["signing", "pending", "indexing", "done"] as const).map((p) => (
              <li key={p} className={`h-1.5 flex-1 rounded ${phaseIndex(t.phase) >= phaseIndex(p) ? (t.phase === "failed" ? "bg-red-400" : "bg-brand") : "bg-slate-200"}`} />
            ))}
          </ol>
          <p className={`mt-1 ${t.phase === "failed" ? "text-red-800" : "text-slate-700"}`}>{t.error ?? PHASE_TEXT[t.phase]}</p>
          {t.hash && <p className="mt-1 truncate font-mono text-xs text-slate-600">tx {t.hash}</p>}
        </div>
      ))}
    </section>
  );
}
