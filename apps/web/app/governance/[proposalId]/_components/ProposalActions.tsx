"use client";
import { dmexGovernorAbi } from "@dmex/deployments";
import { useState } from "react";
import { zeroAddress, type Hex } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDao } from "~/components/DeploymentContext";
import { useTx } from "~/hooks/useTx";
import { useChainNow } from "~/hooks/useChainNow";
import {
  availableActions,
  formatDuration,
  stateFromIndex,
  SUPPORT,
  type ProposalStateName,
  type SupportName,
} from "~/lib/dao/governance";
import { formatAmount } from "~/lib/format";
import { targetChain } from "~/services/chains";

export interface ProposalCall {
  proposalId: string;
  targets: string[];
  values: string[];
  calldatas: string[];
  descriptionHash: string;
  voteStart: string;
  /** What the server derived from the index and the chain time. */
  derivedState: ProposalStateName;
  title: string;
}

/** Vote (with an optional reason), queue and execute, with the chain's own state and the voter's snapshot weight. */
export function ProposalActions({ call }: { call: ProposalCall }) {
  const dao = useDao();
  const { address, isConnected } = useAccount();
  const { seconds } = useChainNow();
  const { run } = useTx();
  const [support, setSupport] = useState<SupportName>("For");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = BigInt(call.proposalId);
  const voteStart = BigInt(call.voteStart);
  const governor = dao?.governor;
  const snapshotPassed = seconds !== undefined && BigInt(seconds) > voteStart;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: governor
      ? [
          { address: governor, abi: dmexGovernorAbi, functionName: "state", args: [id], chainId: targetChain.id },
          { address: governor, abi: dmexGovernorAbi, functionName: "proposalEta", args: [id], chainId: targetChain.id },
          {
            address: governor,
            abi: dmexGovernorAbi,
            functionName: "hasVoted",
            args: [id, address ?? zeroAddress],
            chainId: targetChain.id,
          },
          {
            address: governor,
            abi: dmexGovernorAbi,
            functionName: "getVotes",
            args: [address ?? zeroAddress, snapshotPassed ? voteStart : 0n],
            chainId: targetChain.id,
          },
        ]
      : [],
    query: { enabled: Boolean(governor), refetchInterval: 3_000 },
  });
  const [stateR, etaR, votedR, weightR] = reads.data ?? [];
  const chainState = stateR?.status === "success" ? stateFromIndex(Number(stateR.result)) : undefined;
  const eta = etaR?.status === "success" ? (etaR.result as bigint) : 0n;
  const hasVoted = votedR?.status === "success" ? (votedR.result as boolean) : false;
  const weight = snapshotPassed && weightR?.status === "success" ? (weightR.result as bigint) : undefined;
  const state = chainState ?? call.derivedState;
  const now = seconds === undefined ? 0n : BigInt(seconds);
  const can = availableActions(state, eta > 0n ? eta : null, now);

  const args = [
    call.targets as Hex[],
    call.values.map((v) => BigInt(v)),
    call.calldatas as Hex[],
    call.descriptionHash as Hex,
  ] as const;

  async function act(kind: "vote" | "queue" | "execute") {
    if (!governor) return;
    setBusy(true);
    setMessage(null);
    const label =
      kind === "vote"
        ? `Vote ${support} on "${call.title}"`
        : kind === "queue"
          ? `Queue "${call.title}"`
          : `Execute "${call.title}"`;
    const r =
      kind === "vote"
        ? await run({
            label,
            call: {
              address: governor,
              abi: dmexGovernorAbi,
              functionName: "castVoteWithReason",
              args: [id, SUPPORT[support], reason.trim()],
            },
          })
        : await run({ label, call: { address: governor, abi: dmexGovernorAbi, functionName: kind, args } });
    if (r.ok && kind === "vote") setReason("");
    setMessage(
      r.ok
        ? {
            ok: true,
            text:
              kind === "vote" ? "Your vote is counted." : kind === "queue" ? "Queued in the timelock." : "Executed.",
          }
        : { ok: false, text: r.error },
    );
    await reads.refetch();
    setBusy(false);
  }

  if (!dao) return <p className="text-sm text-slate-700">The DAO is not deployed on this chain.</p>;
  return (
    <section aria-labelledby="act-h" className="card space-y-3" data-testid="proposal-actions">
      <h2 id="act-h" className="text-lg font-semibold">
        Your part
      </h2>
      <p className="text-sm text-slate-700">
        On chain: <strong data-testid="chain-state">{chainState ?? "…"}</strong>
        {chainState !== undefined && chainState !== call.derivedState && (
          <span className="text-xs text-slate-600">
            {" "}
            (the index said {call.derivedState.toLowerCase()}; the chain decides)
          </span>
        )}
      </p>
      {!isConnected ? (
        <div className="space-y-2 text-sm">
          <p>Connect a wallet to vote.</p>
          <ConnectPrompt />
        </div>
      ) : (
        <>
          <p className="text-sm" data-testid="snapshot-votes">
            {weight === undefined
              ? "Your voting weight is fixed when the vote opens (the snapshot)."
              : `You had ${formatAmount(weight, 18, 2)} votes at the snapshot.`}
            {hasVoted && " You have voted."}
          </p>
          {can.vote && !hasVoted && (
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                void act("vote");
              }}
            >
              <fieldset className="text-sm">
                <legend className="label">Your vote</legend>
                {(["For", "Against", "Abstain"] as const).map((s) => (
                  <label key={s} className="mr-4 inline-flex items-center gap-1">
                    <input type="radio" name="support" checked={support === s} onChange={() => setSupport(s)} /> {s}
                  </label>
                ))}
              </fieldset>
              <div>
                <label htmlFor="vote-reason" className="label">
                  Reason (optional, public)
                </label>
                <textarea
                  id="vote-reason"
                  className="input"
                  rows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <button type="submit" className="btn-primary" disabled={busy || weight === 0n} data-testid="vote-submit">
                {busy ? "Working…" : `Vote ${support}`}
              </button>
              {weight === 0n && (
                <p className="text-xs text-red-800">
                  You had no votes at the snapshot: delegate before the next vote opens.
                </p>
              )}
            </form>
          )}
          {can.queue && (
            <button
              type="button"
              className="btn-primary"
              disabled={busy}
              onClick={() => act("queue")}
              data-testid="queue-button"
            >
              Queue for execution
            </button>
          )}
          {can.waitingForEta && (
            <p className="text-sm" data-testid="eta-countdown">
              Executable in {formatDuration(eta - now)} (timelock eta{" "}
              {new Date(Number(eta) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC).
            </p>
          )}
          {can.execute && (
            <button
              type="button"
              className="btn-primary"
              disabled={busy}
              onClick={() => act("execute")}
              data-testid="execute-button"
            >
              Execute
            </button>
          )}
        </>
      )}
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
          data-testid="proposal-result"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
