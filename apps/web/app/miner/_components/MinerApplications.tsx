"use client";
import { minerApplicationsAbi } from "@dmex/deployments";
import { useQuery } from "@apollo/client/react/hooks";
import Link from "next/link";
import { useState } from "react";
import { useReadContracts } from "wagmi";

import { useDao } from "~/components/DeploymentContext";
import { useTx } from "~/hooks/useTx";
import { ErrorBox } from "~/components/ui";
import { useChainNow } from "~/hooks/useChainNow";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { APPLICATION_STEPS, applicationStep, STAKE_STATES } from "~/lib/dao/application";
import { nextMilestone, formatDuration } from "~/lib/dao/governance";
import { stateAt, tallyOf } from "~/lib/dao/proposal";
import { formatAmount } from "~/lib/format";
import { MINER_APPLICATIONS_QUERY } from "~/lib/graphql/dao";
import type { MinerApplicationsData } from "~/lib/graphql/daoTypes";
import { targetChain } from "~/services/chains";

const utc = (s: number) => `${new Date(s * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The miner's applications: where each stands in the vote, the offering once live, and the stake (withdraw when withdrawable). */
export function MinerApplications({ miner }: { miner: string }) {
  const dao = useDao();
  const { seconds } = useChainNow();
  const { run } = useTx();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data, error, refetch } = useQuery<MinerApplicationsData>(MINER_APPLICATIONS_QUERY, {
    variables: { miner: miner.toLowerCase() },
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const apps = data?.applications ?? [];
  const stakes = useReadContracts({
    allowFailure: true,
    contracts: dao
      ? apps.map(
          (a) =>
            ({
              address: dao.applications,
              abi: minerApplicationsAbi,
              functionName: "stakeState",
              args: [BigInt(a.id)],
              chainId: targetChain.id,
            }) as const,
        )
      : [],
    query: { enabled: Boolean(dao) && apps.length > 0, refetchInterval: 5_000 },
  });
  // When each application's approval can execute at the earliest (its vote's deadline as it stands, a
  // late quorum included, + 1 s + the timelock delay): the sale must still be open then.
  const timing = useReadContracts({
    allowFailure: true,
    contracts: dao
      ? apps.map(
          (a) =>
            ({
              address: dao.applications,
              abi: minerApplicationsAbi,
              functionName: "earliestExecution",
              args: [BigInt(a.id)],
              chainId: targetChain.id,
            }) as const,
        )
      : [],
    query: { enabled: Boolean(dao) && apps.some((a) => a.status === "Voting"), refetchInterval: 10_000 },
  });

  async function cancel(id: string) {
    if (!dao) return;
    setBusy(id);
    setMessage(null);
    const r = await run({
      label: `Cancel application #${id}`,
      call: { address: dao.applications, abi: minerApplicationsAbi, functionName: "cancel", args: [BigInt(id)] },
    });
    setMessage(
      r.ok
        ? {
            ok: true,
            text: `Application #${id} is cancelled; its stake stays locked until its vote would have ended, then you can withdraw it.`,
          }
        : { ok: false, text: r.error },
    );
    await Promise.allSettled([stakes.refetch(), refetch()]);
    setBusy(null);
  }

  async function withdraw(id: string) {
    if (!dao) return;
    setBusy(id);
    setMessage(null);
    const r = await run({
      label: `Withdraw the stake of application #${id}`,
      call: { address: dao.applications, abi: minerApplicationsAbi, functionName: "withdrawStake", args: [BigInt(id)] },
    });
    setMessage(
      r.ok
        ? { ok: true, text: `The stake of application #${id} is back in your wallet.` }
        : { ok: false, text: r.error },
    );
    await stakes.refetch();
    setBusy(null);
  }

  if (!dao) return null;
  if (error) return <ErrorBox title="Your applications cannot load">{error.message}</ErrorBox>;
  return (
    <section aria-labelledby="apps-h" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="apps-h" className="text-lg font-semibold">
          Your applications
        </h2>
        <Link href="/miner/apply" className="btn-primary" data-testid="apply-link">
          Apply for a new offering
        </Link>
      </div>
      {apps.length === 0 ? (
        <p className="text-sm text-slate-700">
          No applications from this account. New offerings are listed through a DMC vote on your application.
        </p>
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2">
          {apps.map((a, i) => {
            const now = seconds ?? Number(data?._meta.block.timestamp ?? 0);
            const state = stateAt(a.proposal, now);
            const step = applicationStep(state, a.offering?.id ?? null);
            const milestone = nextMilestone(tallyOf(a.proposal), state);
            const s = stakes.data?.[i];
            const stakeState = (s?.status === "success" ? STAKE_STATES[Number(s.result)] : undefined) ?? a.stake.state;
            const t = timing.data?.[i];
            const earliest =
              a.status === "Voting" &&
              !a.offering &&
              (state === "Pending" || state === "Active" || state === "Succeeded" || state === "Queued") &&
              t?.status === "success"
                ? Number(t.result)
                : null;
            return (
              <li key={a.id} className="card space-y-2 text-sm" data-testid="miner-application">
                <div className="flex items-start justify-between gap-2">
                  <Link
                    href={`/governance/${a.proposal.id}`}
                    className="font-semibold text-brand-dark underline-offset-2 hover:underline"
                  >
                    Application #{a.id}: {formatAmount(BigInt(a.unitsTotal), 0)} {a.asset.unitLabel} of {a.asset.symbol}
                  </Link>
                  <span
                    className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800"
                    data-testid="application-state"
                  >
                    {step.failed ?? APPLICATION_STEPS[step.reached]}
                  </span>
                </div>
                <ol
                  className="flex gap-1"
                  aria-label={`Progress: ${step.failed ? `${step.failed} after ${APPLICATION_STEPS[step.reached]}` : APPLICATION_STEPS[step.reached]}`}
                >
                  {APPLICATION_STEPS.map((name, k) => (
                    <li
                      key={name}
                      title={name}
                      className={`h-1.5 flex-1 rounded ${k <= step.reached ? (step.failed ? "bg-red-400" : "bg-brand") : "bg-slate-200"}`}
                    />
                  ))}
                </ol>
                {milestone && (
                  <p className="text-xs text-slate-700">
                    {milestone.label} in {formatDuration(Number(milestone.at) - now)}
                  </p>
                )}
                {earliest !== null && (
                  <p
                    className={`text-xs ${earliest > Number(a.saleEnd) ? "text-red-800" : "text-slate-700"}`}
                    data-testid="earliest-execution"
                  >
                    Approval executable from {utc(earliest)} at the earliest; the sale closes {utc(Number(a.saleEnd))}
                    {earliest > Number(a.saleEnd) &&
                      ": too late, the approval can no longer execute before the sale closes"}
                    .
                  </p>
                )}
                {a.offering && (
                  <p>
                    Live:{" "}
                    <Link className="font-medium underline" href={`/offerings/${a.offering.id}`}>
                      offering #{a.offering.id}
                    </Link>
                  </p>
                )}
                <p className="text-xs text-slate-700">
                  Stake {formatAmount(BigInt(a.stake.amount), 18, 2)} DMC:{" "}
                  <span data-testid="stake-state">{stakeState.toLowerCase()}</span>
                  {stakeState === "Locked" &&
                    a.stake.unlockAt &&
                    ` until ${new Date(Number(a.stake.unlockAt) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`}
                  {stakeState === "Locked" &&
                    a.status === "Cancelled" &&
                    " (a cancelled application's stake stays locked until its vote would have ended)"}
                </p>
                {state === "Pending" && a.status === "Voting" && (
                  <button
                    type="button"
                    className="btn-secondary mr-2"
                    disabled={busy !== null}
                    onClick={() => cancel(a.id)}
                    data-testid="cancel-application"
                  >
                    {busy === a.id ? "Working…" : "Cancel before the vote opens"}
                  </button>
                )}
                {stakeState === "Withdrawable" && (
                  <button
                    type="button"
                    className="btn-secondary"
                    disabled={busy !== null}
                    onClick={() => withdraw(a.id)}
                    data-testid="withdraw-stake"
                  >
                    {busy === a.id ? "Working…" : "Withdraw stake"}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
