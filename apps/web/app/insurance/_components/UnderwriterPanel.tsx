"use client";
/**
 * The connected account as an underwriter: stake DMC for shares of the pot, its premiums per token (claim),
 * and its exit: request (cooldown), then withdraw inside the window, shown as dates; frozen while a claim is open.
 */
import { dmcTokenAbi, mutualInsuranceAbi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useReadContracts } from "wagmi";

import { useDao, useDeployment } from "~/components/DeploymentContext";
import { TxMessage } from "~/components/TxMessage";
import { useSend } from "~/hooks/useSend";
import { validateAmount } from "~/lib/amount";
import { bpsPercent, formatToken } from "~/lib/format";
import { exitActions, exitPhase, sharesForAmount, type UnstakeRequest } from "~/lib/insurance/exit";
import { shareOfPotBps, type PoolFigures } from "~/lib/insurance/pool";
import { durationText, utcDateTime } from "~/lib/nodes/node";
import { targetChain } from "~/services/chains";
import type { InsuranceParams } from "./InsuranceDesk";

const dmc = (v: bigint) => formatToken(v, 18, "DMC", 2);

export function UnderwriterPanel({
  pool,
  account,
  figures,
  params,
  frozen,
  now,
  onDone,
}: {
  pool: Address;
  account: Address;
  figures: PoolFigures;
  params: InsuranceParams;
  frozen: { isFrozen: boolean; until: number };
  now: number;
  onDone: () => void;
}) {
  const token = useDao()?.dmc ?? null;
  const deployment = useDeployment();
  const premiumTokens = Object.values(deployment.tokens).filter((t) => t.symbol !== "DMC");
  const { send, busy, message } = useSend();
  const [stakeInput, setStakeInput] = useState("");
  const [exitInput, setExitInput] = useState("");
  const c = { address: pool, abi: mutualInsuranceAbi, chainId: targetChain.id } as const;
  const dmcAddress = token ?? pool;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...c, functionName: "underwriterOf", args: [account] },
      { ...c, functionName: "requestOf", args: [account] },
      { address: dmcAddress, abi: dmcTokenAbi, functionName: "balanceOf", args: [account], chainId: targetChain.id },
      {
        address: dmcAddress,
        abi: dmcTokenAbi,
        functionName: "allowance",
        args: [account, pool],
        chainId: targetChain.id,
      },
    ],
    query: { refetchInterval: 4_000 },
  });
  const premiums = useReadContracts({
    allowFailure: true,
    contracts: premiumTokens.map((t) => ({ ...c, functionName: "premiumOf", args: [account, t.address] }) as const),
    query: { refetchInterval: 4_000 },
  });
  const get = <T,>(i: number) => (reads.data?.[i]?.status === "success" ? (reads.data[i].result as T) : undefined);
  const [shares, value] = get<readonly [bigint, bigint]>(0) ?? [undefined, undefined];
  const request = get<UnstakeRequest>(1);
  const balance = token ? get<bigint>(2) : undefined;
  const allowance = token ? get<bigint>(3) : undefined;
  const premiumOf = (i: number) =>
    premiums.data?.[i]?.status === "success" ? (premiums.data[i].result as bigint) : undefined;

  const stakeCheck = validateAmount(stakeInput, 18, { balance, symbol: "DMC" });
  const phase = request
    ? exitPhase({ shares: request.shares, readyAt: Number(request.readyAt), expiresAt: Number(request.expiresAt) }, now)
    : null;
  const actions = phase && shares !== undefined ? exitActions(phase, frozen, shares) : null;
  const exitAll = exitInput.trim().toLowerCase() === "all";
  const exitCheck = exitAll
    ? ({ ok: true, value: value ?? 0n } as const)
    : validateAmount(exitInput, 18, {
        max: value,
        maxLabel: `your stake's value (${value === undefined ? "…" : dmc(value)})`,
      });
  const exitShares = exitAll
    ? (shares ?? 0n)
    : exitCheck.ok && shares !== undefined && value !== undefined
      ? sharesForAmount(exitCheck.value, shares, value)
      : 0n;

  async function underwrite() {
    if (!token || !stakeCheck.ok || allowance === undefined) return;
    if (allowance < stakeCheck.value) {
      const approved = await send(
        `Approve ${dmc(stakeCheck.value)} for the insurance pool`,
        token,
        dmcTokenAbi as Abi,
        "approve",
        [pool, stakeCheck.value],
      );
      await reads.refetch();
      if (!approved) return;
    }
    if (
      await send(`Underwrite ${dmc(stakeCheck.value)}`, pool, mutualInsuranceAbi as Abi, "underwrite", [
        stakeCheck.value,
      ])
    ) {
      setStakeInput("");
      onDone();
    }
    await reads.refetch();
  }

  const abi = mutualInsuranceAbi as Abi;
  const after = async (ok: boolean) => {
    await Promise.allSettled([reads.refetch(), premiums.refetch()]);
    if (ok) onDone();
  };

  return (
    <section className="card space-y-4 text-sm" aria-labelledby="uw-h" data-testid="underwriter">
      <h2 id="uw-h" className="text-lg font-semibold">
        Underwrite
      </h2>
      <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Your stake now</dt>
          <dd data-testid="uw-value">{value === undefined ? "…" : dmc(value)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Share of the pot</dt>
          <dd>{shares === undefined ? "…" : bpsPercent(shareOfPotBps(shares, figures.totalShares))}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Your DMC balance</dt>
          <dd>{balance === undefined ? "…" : dmc(balance)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Exit</dt>
          <dd data-testid="uw-exit-phase">
            {phase === null
              ? "…"
              : phase.name === "none"
                ? "no request"
                : phase.name === "cooling"
                  ? `cooldown until ${utcDateTime(phase.readyAt)}`
                  : phase.name === "window"
                    ? `withdraw until ${utcDateTime(phase.expiresAt)}`
                    : `lapsed ${utcDateTime(phase.expiresAt)}`}
          </dd>
        </div>
      </dl>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void underwrite();
        }}
      >
        <div className="min-w-56 flex-1">
          <label htmlFor="uw-amount" className="label">
            Stake DMC
          </label>
          <input
            id="uw-amount"
            className="input"
            inputMode="decimal"
            value={stakeInput}
            onChange={(e) => setStakeInput(e.target.value)}
            aria-invalid={stakeInput !== "" && !stakeCheck.ok}
            aria-describedby="uw-amount-help"
            data-testid="uw-amount"
          />
          <p
            id="uw-amount-help"
            className={`mt-1 text-xs ${stakeInput !== "" && !stakeCheck.ok ? "text-red-800" : "text-slate-600"}`}
          >
            {stakeInput !== "" && !stakeCheck.ok
              ? stakeCheck.error
              : `Your stake earns premiums and bears losses after the miner's slashed stake; leaving takes a ${durationText(params.cooldown)} cooldown, then a ${durationText(params.window)} window to withdraw.`}
          </p>
        </div>
        <button type="submit" className="btn-primary" disabled={busy || !stakeCheck.ok} data-testid="uw-submit">
          {stakeCheck.ok && allowance !== undefined && allowance < stakeCheck.value
            ? "Approve, then underwrite"
            : "Underwrite"}
        </button>
      </form>

      <div className="space-y-2 border-t border-slate-200 pt-3">
        <h3 className="font-semibold">Leave</h3>
        {phase !== null && phase.name !== "none" && (
          <p data-testid="uw-request">
            Requested:{" "}
            {value !== undefined && shares !== undefined && shares > 0n ? dmc((phase.shares * value) / shares) : "…"} ·
            withdrawable {"readyAt" in phase ? `from ${utcDateTime(phase.readyAt)} ` : ""}until{" "}
            {utcDateTime(phase.expiresAt)}
            {phase.name === "cooling" ? ` (in ${durationText(phase.readyAt - now)})` : ""}
          </p>
        )}
        {actions?.reason && <p className="text-amber-800">{actions.reason}</p>}
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-56 flex-1">
            <label htmlFor="uw-exit" className="label">
              Request to unstake (DMC, or &quot;all&quot;)
            </label>
            <input
              id="uw-exit"
              className="input"
              value={exitInput}
              onChange={(e) => setExitInput(e.target.value)}
              aria-invalid={exitInput !== "" && !exitCheck.ok}
            />
            {exitInput !== "" && !exitCheck.ok && <p className="mt-1 text-xs text-red-800">{exitCheck.error}</p>}
          </div>
          <button
            type="button"
            className="btn-secondary"
            disabled={busy || !actions?.canRequest || !exitCheck.ok || exitShares === 0n}
            onClick={async () => after(await send("Request to unstake", pool, abi, "requestUnstake", [exitShares]))}
            data-testid="uw-request-unstake"
          >
            Request unstake
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={busy || !actions?.canCancel}
            onClick={async () => after(await send("Cancel the unstake request", pool, abi, "cancelUnstake"))}
          >
            Cancel request
          </button>
          <button
            type="button"
            className="btn-primary"
            disabled={busy || !actions?.canWithdraw}
            onClick={async () => after(await send("Withdraw from the insurance pool", pool, abi, "withdraw"))}
            data-testid="uw-withdraw"
          >
            Withdraw
          </button>
        </div>
      </div>

      <div className="space-y-2 border-t border-slate-200 pt-3">
        <h3 className="font-semibold">Premiums</h3>
        <ul className="divide-y divide-slate-200">
          {premiumTokens.map((t, i) => {
            const owed = premiumOf(i);
            return (
              <li
                key={t.address}
                className="flex items-center justify-between py-1"
                data-testid={`premium-${t.symbol}`}
              >
                <span className="num">
                  {owed === undefined ? "…" : formatToken(owed, t.decimals, t.symbol, t.decimals)} claimable
                </span>
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={busy || owed === undefined || owed === 0n}
                  onClick={async () =>
                    after(await send(`Claim ${t.symbol} premiums`, pool, abi, "claimPremium", [t.address, account]))
                  }
                >
                  Claim
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <TxMessage message={message} testId="uw-result" />
    </section>
  );
}
