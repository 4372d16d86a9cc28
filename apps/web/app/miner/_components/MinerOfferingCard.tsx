"use client";
import { bridgedTokenAbi, hashpowerExchangeAbi } from "@dmex/deployments";
import Link from "next/link";
import { useState } from "react";
import { useAccount, useReadContracts } from "wagmi";

import { useDeployment } from "~/components/DeploymentContext";
import { useTx } from "~/components/TxProvider";
import { StatusBadge } from "~/components/ui";
import { validateAmount } from "~/lib/amount";
import type { Thresholds } from "~/lib/delinquency";
import { formatAmount, formatDay, formatToken } from "~/lib/format";
import type { OfferingEntity, WithdrawalEntity } from "~/lib/graphql/types";
import { offeringDelinquency } from "~/lib/offering";
import { suggestedDeposit } from "~/lib/rewards";
import { targetChain } from "~/services/chains";
import { tokenOf } from "~/services/tokens";

export function MinerOfferingCard({ offering: o, today, thresholds }: { offering: OfferingEntity & { withdrawals: WithdrawalEntity[] }; today: number; thresholds: Thresholds }) {
  const deployment = useDeployment();
  const exchange = deployment.exchange;
  const { address } = useAccount();
  const { run } = useTx();
  const reward = tokenOf(deployment.tokens, o.rewardToken.id);
  const pay = tokenOf(deployment.tokens, o.paymentToken.id);
  const suggested = suggestedDeposit(BigInt(o.unitsSold), BigInt(o.expectedDailyRewardPerUnitWad));
  const [amount, setAmount] = useState(formatAmount(suggested, reward.decimals, reward.decimals).replace(/,/g, ""));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = BigInt(o.id);

  const reads = useReadContracts({
    allowFailure: false,
    contracts:
      exchange && address
        ? [
            { address: exchange, abi: hashpowerExchangeAbi, functionName: "releasedToDate", args: [id], chainId: targetChain.id },
            { address: exchange, abi: hashpowerExchangeAbi, functionName: "withdrawableEscrow", args: [id], chainId: targetChain.id },
            { address: reward.address, abi: bridgedTokenAbi, functionName: "balanceOf", args: [address], chainId: targetChain.id },
            { address: reward.address, abi: bridgedTokenAbi, functionName: "allowance", args: [address, exchange], chainId: targetChain.id },
          ]
        : [],
    query: { enabled: Boolean(exchange && address), refetchInterval: 3_000 },
  });
  const [releasedPair, withdrawable, balance, allowance] = (reads.data ?? []) as [readonly [bigint, bigint] | undefined, bigint | undefined, bigint | undefined, bigint | undefined];

  const d = offeringDelinquency(o, today, thresholds);
  const nextDay = o.lastCoveredDay + 1;
  const canCover = nextDay < today && nextDay < o.termEndDay && BigInt(o.unitsSold) > 0n;
  const parsed = validateAmount(amount, reward.decimals, { ...(balance !== undefined && { balance }), symbol: reward.symbol });
  const needsApproval = parsed.ok && allowance !== undefined && allowance < parsed.value;

  async function deposit() {
    if (!exchange || !parsed.ok) return;
    setBusy(true);
    setMessage(null);
    if (needsApproval) {
      const a = await run({ label: `Approve ${formatToken(parsed.value, reward.decimals, reward.symbol)}`, call: { address: reward.address, abi: bridgedTokenAbi, functionName: "approve", args: [exchange, parsed.value] } });
      if (!a.ok) {
        setMessage({ ok: false, text: a.error });
        setBusy(false);
        return;
      }
    }
    const r = await run({ label: `Deposit rewards for ${formatDay(nextDay)} (#${o.id})`, call: { address: exchange, abi: hashpowerExchangeAbi, functionName: "depositReward", args: [id, parsed.value] } });
    setMessage(r.ok ? { ok: true, text: `Deposited for ${formatDay(nextDay)}.` } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  async function withdraw() {
    if (!exchange || !address) return;
    setBusy(true);
    setMessage(null);
    const r = await run({ label: `Withdraw released escrow (#${o.id})`, call: { address: exchange, abi: hashpowerExchangeAbi, functionName: "withdrawEscrow", args: [id, address] } });
    setMessage(r.ok ? { ok: true, text: "Released escrow sent to your wallet." } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  return (
    <li className="card space-y-3 text-sm" data-testid="miner-offering" data-offering-id={o.id}>
      <div className="flex items-start justify-between gap-2">
        <Link href={`/offerings/${o.id}`} className="font-semibold text-brand-dark underline-offset-2 hover:underline">#{o.id} {o.minerName}</Link>
        <StatusBadge status={o.status} flaggable={d.canFlag} />
      </div>
      <p className="text-slate-700" data-testid="miner-flag-status">
        {o.status === "Active" && d.canFlag && <>Default conditions hold: anyone can flag this offering now. Deposit the missing days.</>}
        {o.status === "Active" && !d.canFlag && (d.missedFlagDay !== null ? <>Covered to {formatDay(o.lastCoveredDay)}; without a deposit it becomes flaggable on {formatDay(d.missedFlagDay)}. Low streak {o.lowStreak}/{thresholds.lowStreakThreshold}.</> : <>No flag can fire.</>)}
        {o.status !== "Active" && <>{o.status} since {formatDay(o.flaggedDay)}: release is frozen.</>}
      </p>

      <fieldset className="space-y-2 rounded border border-slate-200 p-3" disabled={busy}>
        <legend className="px-1 font-medium">Today&apos;s reward deposit</legend>
        {canCover ? (
          <>
            <p className="text-slate-700">Next day to cover: <strong>{formatDay(nextDay)}</strong>. Suggested: {o.unitsSold} units × expected {formatAmount(BigInt(o.expectedDailyRewardPerUnitWad) / 10n ** 18n, reward.decimals, 8)} = <strong>{formatToken(suggested, reward.decimals, reward.symbol, 6)}</strong>.</p>
            <label htmlFor={`dep-${o.id}`} className="label">Amount ({reward.symbol})</label>
            <input id={`dep-${o.id}`} className="input" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={!parsed.ok} aria-describedby={`dep-${o.id}-help`} />
            <p id={`dep-${o.id}-help`} className={`text-xs ${parsed.ok ? "text-slate-600" : "text-red-800"}`}>{parsed.ok ? `Balance ${balance === undefined ? "…" : formatToken(balance, reward.decimals, reward.symbol, 6)}` : parsed.error}</p>
            <button type="button" className="btn-primary" disabled={!parsed.ok} onClick={() => void deposit()} data-testid="deposit-button">
              {needsApproval ? "Approve and deposit" : "Deposit"}
            </button>
          </>
        ) : (
          <p className="text-slate-700">{BigInt(o.unitsSold) === 0n ? "No units sold: nothing to pay yet." : nextDay >= o.termEndDay ? "Every day of the term is covered." : `Covered through ${formatDay(o.lastCoveredDay)}; the next day (${formatDay(nextDay)}) can be covered once it is over.`}</p>
        )}
      </fieldset>

      <fieldset className="space-y-2 rounded border border-slate-200 p-3" disabled={busy}>
        <legend className="px-1 font-medium">Escrow</legend>
        <dl className="num grid grid-cols-2 gap-1">
          <dt className="text-slate-600">Total escrowed</dt><dd>{formatToken(BigInt(o.totalNet), pay.decimals, pay.symbol, 2)}</dd>
          <dt className="text-slate-600">Released to date</dt><dd data-testid="released-to-date">{releasedPair ? formatToken(releasedPair[0], pay.decimals, pay.symbol, 2) : "…"}</dd>
          <dt className="text-slate-600">Withdrawn</dt><dd>{formatToken(BigInt(o.withdrawn), pay.decimals, pay.symbol, 2)}</dd>
          <dt className="text-slate-600">Withdrawable now</dt><dd data-testid="withdrawable">{withdrawable === undefined ? "…" : formatToken(withdrawable, pay.decimals, pay.symbol, 2)}</dd>
        </dl>
        <button type="button" className="btn-secondary" disabled={!withdrawable} onClick={() => void withdraw()} data-testid="withdraw-button">Withdraw to my wallet</button>
        {o.withdrawals.length > 0 && (
          <details>
            <summary className="cursor-pointer text-slate-700">Recent withdrawals</summary>
            <ul className="num mt-1 text-xs">
              {o.withdrawals.map((w) => (
                <li key={w.id}>{formatToken(BigInt(w.amount), pay.decimals, pay.symbol, 2)} (released to {formatDay(w.releasedDay)})</li>
              ))}
            </ul>
          </details>
        )}
      </fieldset>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>{message.text}</p>}
    </li>
  );
}
