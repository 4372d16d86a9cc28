"use client";
/**
 * Transaction lifecycle: checks -> wallet signature -> pending -> mined -> indexed. "Indexed" means
 * the subgraph's `_meta.block.number` reached the receipt's block; only then are the indexed views
 * refetched (Apollo active queries, server components, wagmi reads), so what the user sees after a
 * transaction always includes it. Errors are explained in plain language and never clear the
 * caller's inputs.
 */
import { useApolloClient } from "@apollo/client/react/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { errorsAbi } from "@dmex/deployments";
import type { Abi, Address, Hash } from "viem";
import { useAccount, useConfig } from "wagmi";
import { simulateContract, switchChain, waitForTransactionReceipt, writeContract } from "wagmi/actions";

import { META_QUERY } from "~/lib/graphql/queries";
import type { Meta } from "~/lib/graphql/types";
import { explainError } from "~/lib/errors";
import { targetChain } from "~/services/chains";

export type TxPhase = "preparing" | "signing" | "pending" | "indexing" | "done" | "failed";

export interface TrackedTx {
  readonly id: number;
  readonly label: string;
  readonly phase: TxPhase;
  readonly hash?: Hash;
  readonly blockNumber?: bigint;
  readonly error?: string;
}

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

interface TxContext {
  readonly txs: readonly TrackedTx[];
  run(options: RunOptions): Promise<RunResult>;
  dismiss(id: number): void;
}

const Ctx = createContext<TxContext | null>(null);
const INDEX_TIMEOUT_MS = 60_000;

export function TxProvider({ children }: { children: ReactNode }) {
  const [txs, setTxs] = useState<TrackedTx[]>([]);
  const nextId = useRef(1);
  const config = useConfig();
  const { address, chainId } = useAccount();
  const apollo = useApolloClient();
  const queryClient = useQueryClient();
  const router = useRouter();

  const update = useCallback((id: number, patch: Partial<TrackedTx>) => {
    setTxs((all) => all.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  }, []);

  const waitIndexed = useCallback(
    async (block: bigint) => {
      const started = Date.now();
      while (Date.now() - started < INDEX_TIMEOUT_MS) {
        try {
          const { data } = await apollo.query<{ _meta: Meta }>({ query: META_QUERY, fetchPolicy: "network-only" });
          if (BigInt(data._meta.block.number) >= block) return true;
        } catch {
          // the subgraph may be briefly unavailable: keep polling until the timeout
        }
        await new Promise((r) => setTimeout(r, 400));
      }
      return false;
    },
    [apollo],
  );

  const run = useCallback(
    async ({ label, call }: RunOptions): Promise<RunResult> => {
      const id = nextId.current++;
      setTxs((all) => [...all.slice(-4), { id, label, phase: "preparing" }]);
      const fail = (error: unknown): RunResult => {
        const message = typeof error === "string" ? error : explainError(error).message;
        update(id, { phase: "failed", error: message });
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
        // Simulate first: a revert is explained before the wallet asks for a signature.
        // errorsAbi holds every custom error of every contract, so reverts bubbling up from a token decode too.
        const abi = [...c.abi, ...errorsAbi.filter((e) => !c.abi.some((x) => x.type === "error" && x.name === e.name))];
        const { request } = await simulateContract(config, { ...c, abi, account: address, chainId: targetChain.id } as Parameters<typeof simulateContract>[1]);
        update(id, { phase: "signing" });
        const hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
        update(id, { phase: "pending", hash });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId: targetChain.id });
        if (receipt.status !== "success") return fail("The transaction was mined but reverted.");
        update(id, { phase: "indexing", blockNumber: receipt.blockNumber });
        const indexed = await waitIndexed(receipt.blockNumber);
        await Promise.allSettled([apollo.refetchQueries({ include: "active" }), queryClient.invalidateQueries()]);
        router.refresh();
        update(id, indexed ? { phase: "done" } : { phase: "done", error: "Mined, but the indexer has not caught up yet: lists may lag." });
        return { ok: true, hash, blockNumber: receipt.blockNumber };
      } catch (error) {
        return fail(error);
      }
    },
    [address, chainId, config, apollo, queryClient, router, update, waitIndexed],
  );

  const dismiss = useCallback((id: number) => setTxs((all) => all.filter((t) => t.id !== id)), []);
  const value = useMemo(() => ({ txs, run, dismiss }), [txs, run, dismiss]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <TxToasts txs={txs} dismiss={dismiss} />
    </Ctx.Provider>
  );
}

export function useTx(): TxContext {
  const ctx = useContext(Ctx);
  if (ctx === null) throw new Error("useTx outside TxProvider");
  return ctx;
}

const PHASE_TEXT: Record<TxPhase, string> = {
  preparing: "Checking...",
  signing: "Confirm in your wallet",
  pending: "Pending: waiting to be mined",
  indexing: "Mined: waiting for the indexer",
  done: "Done: mined and indexed",
  failed: "Failed",
};

function TxToasts({ txs, dismiss }: { txs: readonly TrackedTx[]; dismiss: (id: number) => void }) {
  return (
    <section aria-label="Transactions" aria-live="polite" className="fixed bottom-3 right-3 z-40 flex w-[min(24rem,calc(100vw-1.5rem))] flex-col gap-2">
      {txs.map((t) => (
        <div key={t.id} data-testid="tx-toast" data-phase={t.phase} className={`card text-sm ${t.phase === "failed" ? "border-red-300" : ""}`}>
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{t.label}</p>
            <button type="button" className="text-slate-600 hover:text-slate-900" aria-label={`Dismiss ${t.label}`} onClick={() => dismiss(t.id)}>
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

function phaseIndex(p: TxPhase): number {
  return { preparing: 0, signing: 1, pending: 2, indexing: 3, done: 4, failed: 0 }[p];
}
