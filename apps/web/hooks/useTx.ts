"use client";
/**
 * `useTx`, the transaction lifecycle: checks -> wallet signature -> pending -> mined -> indexed. "Indexed" means
 * the subgraph's `_meta.block.number` reached the receipt's block; only then are the indexed views
 * refetched (registered Apollo views, server components, wagmi reads), so what the user sees after
 * a transaction always includes it. Errors are explained in plain language and never clear the
 * caller's inputs. State lives in `components/txStore`, so every wallet island shares one list of
 * toasts (rendered by `components/TxToasts`).
 */
import { errorsAbi } from "@dmex/deployments";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { encodeFunctionData, type Abi, type Address, type Hash } from "viem";
import { useAccount, useConfig } from "wagmi";
import { estimateGas, simulateContract, switchChain, waitForTransactionReceipt, writeContract } from "wagmi/actions";

import { explainError } from "~/lib/errors";
import { withGasMargin } from "~/lib/gas";
import { targetChain } from "~/services/chains";
import { runIndexedRefetchers, waitIndexed } from "~/services/indexer";
import { queryClient } from "~/services/queryClient";
import { txStore, useTrackedTxs, type TxPhase, type TrackedTx } from "~/components/txStore";

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
            return fail(
              `Your wallet is on ${chainId === undefined ? "another network" : `chain ${chainId}`}: switch it to ${targetChain.chain.name} and try again.`,
            );
          }
        }
        const c = typeof call === "function" ? await call() : call;
        // Simulate first: a revert is explained before the wallet asks for a signature. errorsAbi
        // holds every custom error of every contract, so reverts bubbling up from a token decode too.
        const abi = [...c.abi, ...errorsAbi.filter((e) => !c.abi.some((x) => x.type === "error" && x.name === e.name))];
        const { request } = await simulateContract(config, {
          ...c,
          abi,
          account: address,
          chainId: targetChain.id,
        } as Parameters<typeof simulateContract>[1]);
        const estimate = await estimateGas(config, {
          account: address,
          to: c.address,
          data: encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: c.args } as Parameters<
            typeof encodeFunctionData
          >[0]),
          chainId: targetChain.id,
        } as Parameters<typeof estimateGas>[1]);
        txStore.update(id, { phase: "signing" });
        const hash = await writeContract(config, {
          ...(request as Parameters<typeof writeContract>[1]),
          gas: withGasMargin(estimate),
        });
        txStore.update(id, { phase: "pending", hash });
        const receipt = await waitForTransactionReceipt(config, { hash, chainId: targetChain.id });
        if (receipt.status !== "success") return fail("The transaction was mined but reverted.");
        txStore.update(id, { phase: "indexing", blockNumber: receipt.blockNumber });
        const indexed = await waitIndexed(receipt.blockNumber);
        await Promise.allSettled([runIndexedRefetchers(), queryClient.invalidateQueries()]);
        router.refresh();
        txStore.update(
          id,
          indexed
            ? { phase: "done" }
            : { phase: "done", error: "Mined, but the indexer has not caught up yet: lists may lag." },
        );
        return { ok: true, hash, blockNumber: receipt.blockNumber };
      } catch (error) {
        return fail(error);
      }
    },
    [address, chainId, config, router],
  );
  return { run };
}
