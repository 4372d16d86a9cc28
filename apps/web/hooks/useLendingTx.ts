"use client";
/**
 * The lending panels' one way to send: a labelled contract call through `useTx` (simulate, sign, mined,
 * indexed), a busy flag and the last outcome as a message, and the ERC-20 approval step the loans contract
 * needs before it pulls a principal, a repayment or a collateral amount.
 */
import { bridgedTokenAbi, positionLoansAbi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContract } from "wagmi";

import { useLending } from "~/components/DeploymentContext";
import { targetChain } from "~/services/chains";
import { useTx } from "./useTx";

export const loansAbi = positionLoansAbi as Abi;
const NO_ACCOUNT = "0x0000000000000000000000000000000000000000" as const;

export function useLendingTx() {
  const { run } = useTx();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(
    label: string,
    address: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[],
  ): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    const r = await run({ label, call: { address, abi, functionName, args } });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    setBusy(false);
    return r.ok;
  }

  return { send, busy, message, setMessage };
}

/** The connected account's allowance to the loans contract and its balance of `token`. */
export function useLoanAllowance(token: Address | undefined) {
  const loans = useLending();
  const { address } = useAccount();
  const enabled = token !== undefined && loans !== null && address !== undefined;
  const allowance = useReadContract({
    address: token,
    abi: bridgedTokenAbi,
    functionName: "allowance",
    args: [address ?? NO_ACCOUNT, loans ?? NO_ACCOUNT],
    chainId: targetChain.id,
    query: { enabled, refetchInterval: 3_000 },
  });
  const balance = useReadContract({
    address: token,
    abi: bridgedTokenAbi,
    functionName: "balanceOf",
    args: [address ?? NO_ACCOUNT],
    chainId: targetChain.id,
    query: { enabled, refetchInterval: 3_000 },
  });
  return {
    allowance: allowance.data,
    balance: balance.data,
    refetch: () => Promise.allSettled([allowance.refetch(), balance.refetch()]),
  };
}

/** A tx message line (status or alert). */
export function messageClass(ok: boolean): string {
  return ok ? "text-emerald-800" : "text-red-800";
}
