"use client";
import { dmcTokenAbi } from "@dmex/deployments";
import { useState } from "react";
import { zeroAddress } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { delegationStatus, parseDelegatee } from "~/lib/dao/delegation";
import { formatAmount, shortAddress } from "~/lib/format";
import { targetChain } from "~/services/chains";
import { ConnectPrompt } from "./ConnectPrompt";
import { useDao } from "./DeploymentContext";
import { useTx } from "~/hooks/useTx";

/**
 * The connected account's delegation. As a banner (governance pages) it only speaks up when a DMC
 * balance counts for nobody, and offers self-delegation in one click; as a panel (/delegates) it
 * also shows the current delegate and delegates to a typed address.
 */
export function DelegationStatus({ panel = false }: { panel?: boolean }) {
  const dao = useDao();
  const { address, isConnected } = useAccount();
  const { run } = useTx();
  const [to, setTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reads = useReadContracts({
    allowFailure: false,
    contracts:
      dao && address
        ? [
            { address: dao.dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [address], chainId: targetChain.id },
            { address: dao.dmc, abi: dmcTokenAbi, functionName: "delegates", args: [address], chainId: targetChain.id },
            { address: dao.dmc, abi: dmcTokenAbi, functionName: "getVotes", args: [address], chainId: targetChain.id },
          ]
        : [],
    query: { enabled: Boolean(dao && address), refetchInterval: 4_000 },
  });
  const [balance, delegatee, votes] = (reads.data ?? []) as unknown as [
    bigint | undefined,
    string | undefined,
    bigint | undefined,
  ];

  async function delegate(target: `0x${string}`, label: string) {
    if (!dao) return;
    setBusy(true);
    setMessage(null);
    const r = await run({
      label,
      call: { address: dao.dmc, abi: dmcTokenAbi, functionName: "delegate", args: [target] },
    });
    setMessage(
      r.ok
        ? { ok: true, text: "Delegated: your votes count from the next proposal snapshot on." }
        : { ok: false, text: r.error },
    );
    await reads.refetch();
    setBusy(false);
  }

  if (!dao) return panel ? <p className="text-sm text-slate-700">The DAO is not deployed on this chain.</p> : null;
  if (!isConnected || !address)
    return panel ? (
      <div className="card space-y-2 text-sm">
        <p>Connect a wallet to see and change your delegation.</p>
        <ConnectPrompt />
      </div>
    ) : null;
  if (balance === undefined || delegatee === undefined || votes === undefined)
    return panel ? <div className="skeleton h-24 w-full" aria-hidden="true" /> : null;
  const status = delegationStatus(address, balance, delegatee, votes);
  const parsed = parseDelegatee(to);
  const result = message && (
    <p
      role={message.ok ? "status" : "alert"}
      className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
      data-testid="delegation-result"
    >
      {message.text}
    </p>
  );

  if (!panel) {
    if (status !== "undelegated") return result ? <div className="card">{result}</div> : null;
    return (
      <div
        role="region"
        aria-label="Delegation"
        className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        data-testid="delegation-banner"
      >
        <p>
          You hold <strong>{formatAmount(balance, 18, 2)} DMC</strong> but they count for nobody: DMC votes only once
          delegated. Delegate to yourself to vote on the next proposals (ones already open keep their snapshot).
        </p>
        <button
          type="button"
          className="btn-primary mt-2"
          disabled={busy}
          onClick={() => delegate(address, "Delegate my DMC votes to myself")}
          data-testid="self-delegate"
        >
          {busy ? "Working…" : "Delegate to myself"}
        </button>
        {result}
      </div>
    );
  }

  return (
    <section aria-labelledby="my-delegation-h" className="card space-y-3 text-sm" data-testid="delegation-panel">
      <h2 id="my-delegation-h" className="text-lg font-semibold">
        Your delegation
      </h2>
      <dl className="num grid grid-cols-2 gap-1">
        <dt className="text-slate-600">DMC balance</dt>
        <dd>{formatAmount(balance, 18, 2)} DMC</dd>
        <dt className="text-slate-600">Delegated to</dt>
        <dd data-testid="my-delegatee">
          {delegatee === zeroAddress
            ? "nobody"
            : delegatee.toLowerCase() === address.toLowerCase()
              ? "yourself"
              : shortAddress(delegatee)}
        </dd>
        <dt className="text-slate-600">Your voting power</dt>
        <dd data-testid="my-votes">{formatAmount(votes, 18, 2)} votes</dd>
      </dl>
      {status === "undelegated" && (
        <div
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
          data-testid="delegation-banner"
        >
          <p>Your DMC count for nobody until you delegate.</p>
          <button
            type="button"
            className="btn-primary mt-2"
            disabled={busy}
            onClick={() => delegate(address, "Delegate my DMC votes to myself")}
            data-testid="self-delegate"
          >
            {busy ? "Working…" : "Delegate to myself"}
          </button>
        </div>
      )}
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.ok) void delegate(parsed.value, `Delegate my DMC votes to ${shortAddress(parsed.value)}`);
        }}
      >
        <label htmlFor="delegate-to" className="label">
          Delegate to an address
        </label>
        <input
          id="delegate-to"
          className="input font-mono"
          placeholder="0x…"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={to !== "" && !parsed.ok}
          aria-describedby="delegate-to-help"
          autoComplete="off"
          spellCheck={false}
        />
        <p id="delegate-to-help" className={`text-xs ${to !== "" && !parsed.ok ? "text-red-800" : "text-slate-600"}`}>
          {to !== "" && !parsed.ok
            ? parsed.error
            : "Your whole balance moves with one delegation; you keep the tokens and can change it at any time."}
        </p>
        <button type="submit" className="btn-secondary" disabled={busy || !parsed.ok}>
          Delegate
        </button>
      </form>
      {result}
    </section>
  );
}
