"use client";
/**
 * One loan as its borrower or lender sees it: the clock (due date, grace period, foreclosable), the debt now,
 * the health (LTV with its inputs, and the day it would reach 80%), the debt day by day (indexed payments, then
 * the self-repaying forecast), and the actions of the role: repay in full or in part, self-repayment on/off,
 * apply rewards, roll over to another offer (borrower); foreclose after the grace period (lender, or anyone).
 */
import { bridgedTokenAbi, hashpowerExchangeAbi } from "@dmex/deployments";
import { fullRepaymentAmount } from "@dmex/money-math/lending";
import Link from "next/link";
import { useState } from "react";
import type { Abi } from "viem";
import { useAccount, useConfig, useReadContract } from "wagmi";
import { readContract } from "wagmi/actions";

import { useDeployment, useExchangeAddress, useLending } from "~/components/DeploymentContext";
import { loansAbi, messageClass, useLendingTx } from "~/hooks/useLendingTx";
import { formatToken, formatUsd, shortAddress } from "~/lib/format";
import type { LoanEntity, MarketRateRow } from "~/lib/graphql/lendingTypes";
import { validatePrincipal, validateWhole } from "~/lib/lending/forms";
import { aprText, clockText, ltvText, utcText } from "~/lib/lending/format";
import {
  debtRows,
  latestMarketRate,
  loanHealth,
  loanPhase,
  loanStateOf,
  LTV_WARNING_BPS,
  positionCollateralOf,
} from "~/lib/lending/loans";
import { targetChain } from "~/services/chains";
import { DebtChart } from "./DebtChart";
import { tokenOf } from "~/services/tokens";
import { LabeledInput } from "~/components/ui";

/** Seconds of interest a full repayment's amount covers beyond now (the contract takes only the debt). */
const REPAY_BUFFER_SECONDS = 600n;

const PHASE_STYLE = {
  active: "bg-emerald-100 text-emerald-900",
  "due-soon": "bg-amber-100 text-amber-900",
  grace: "bg-orange-100 text-orange-900",
  foreclosable: "bg-red-100 text-red-900",
  closed: "bg-slate-100 text-slate-800",
} as const;

export function LoanCard({
  loan: l,
  role,
  nowSeconds,
  rates,
  usd,
}: {
  loan: LoanEntity;
  role: "borrower" | "lender";
  nowSeconds: number;
  rates: readonly MarketRateRow[];
  usd: Readonly<Record<string, number>>;
}) {
  const loans = useLending();
  const exchange = useExchangeAddress();
  const { tokens } = useDeployment();
  const { address } = useAccount();
  const config = useConfig();
  const { send, busy, message } = useLendingTx();
  const [partial, setPartial] = useState("");
  const [rolloverOffer, setRolloverOffer] = useState("");
  const cur = tokenOf(tokens, l.currency.id);
  const phase = loanPhase(l, nowSeconds);
  const active = l.status === "Active";
  const isPosition = l.position !== null && l.offering !== null;
  const claimableRead = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "claimableRewards",
    args: [BigInt(l.position?.tokenId ?? "0")],
    chainId: targetChain.id,
    query: { enabled: exchange !== null && isPosition && active && l.selfRepaying, refetchInterval: 4_000 },
  });
  if (loans === null) return null;
  const now = BigInt(nowSeconds);
  const state = loanStateOf(l);
  const pay = l.offering ? tokenOf(tokens, l.offering.paymentToken.id) : cur;
  const reward = l.offering ? tokenOf(tokens, l.offering.rewardToken.id) : cur;
  const valued =
    l.position && l.offering ? positionCollateralOf(l.position, l.offering, rates, usd, pay, reward) : null;
  const collateralToken = l.collateralToken ? tokenOf(tokens, l.collateralToken.id) : null;
  const health = active
    ? loanHealth({
        loan: state,
        now,
        currency: cur,
        usd,
        position: valued?.collateral ?? null,
        token: collateralToken ? { amount: BigInt(l.collateralAmount), info: collateralToken } : null,
      })
    : null;
  const rate = l.offering
    ? (latestMarketRate(rates, l.offering.asset.id) ?? BigInt(l.offering.expectedDailyRewardPerUnitWad))
    : null;
  const { rows, payoffTime } = debtRows({ loan: l, repayments: l.repayments ?? [], now, dailyRewardPerUnitWad: rate });
  const repayable = active && (phase === "active" || phase === "due-soon" || phase === "grace");
  const fullAmount = fullRepaymentAmount(state, now, REPAY_BUFFER_SECONDS);
  const partialCheck = validatePrincipal(partial, cur.decimals);
  const offerCheck = validateWhole(rolloverOffer, 1n, (1n << 128n) - 1n, "Offer id");
  const loanId = BigInt(l.loanId);

  async function approveThen(amount: bigint, label: string, fn: () => Promise<boolean>) {
    if (!loans || !address) return;
    const allowance = await readContract(config, {
      address: cur.address,
      abi: bridgedTokenAbi,
      functionName: "allowance",
      args: [address, loans],
      chainId: targetChain.id,
    });
    if (allowance < amount) {
      const ok = await send(
        `Approve ${formatToken(amount, cur.decimals, cur.symbol)} for ${label}`,
        cur.address,
        bridgedTokenAbi as Abi,
        "approve",
        [loans, amount],
      );
      if (!ok) return;
    }
    await fn();
  }

  const repay = (amount: bigint, label: string) =>
    approveThen(amount, label, () => send(label, loans, loansAbi, "repay", [loanId, amount]));

  return (
    <article
      className="card space-y-3 text-sm"
      data-testid="loan-card"
      data-loan-id={l.loanId}
      data-role={role}
      data-status={l.status}
      aria-labelledby={`loan-${l.id}-h`}
    >
      <header className="flex flex-wrap items-baseline gap-2">
        <h3 id={`loan-${l.id}-h`} className="text-base font-semibold">
          Loan #{l.loanId}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${PHASE_STYLE[phase]}`} data-testid="loan-phase">
          {l.status === "Active" ? phase.replace("-", " ") : l.status.toLowerCase()}
        </span>
        <span className="text-slate-700">
          {role === "borrower" ? `from ${shortAddress(l.lender.id)}` : `to ${shortAddress(l.borrower.id)}`} ·{" "}
          {l.position ? (
            <Link className="underline" href={`/portfolio/${l.position.tokenId}`}>
              position #{l.position.tokenId}
            </Link>
          ) : collateralToken ? (
            formatToken(BigInt(l.collateralAmount), collateralToken.decimals, collateralToken.symbol, 6)
          ) : (
            "collateral"
          )}{" "}
          · {aprText(l.aprBps)}
          {l.selfRepaying && " · self-repaying"}
        </span>
      </header>
      {active && (
        <p data-testid="loan-clock" className={phase === "active" ? "text-slate-700" : "font-semibold text-amber-900"}>
          {clockText(phase, Number(l.dueTime), Number(l.graceEnd), nowSeconds)}
        </p>
      )}
      <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Debt now</dt>
          <dd data-testid="loan-debt" data-value={health?.debt.toString() ?? ""}>
            {active
              ? formatToken(health?.debt ?? state.principal, cur.decimals, cur.symbol)
              : l.status === "Repaid"
                ? "repaid"
                : "foreclosed"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Principal left</dt>
          <dd data-testid="loan-principal">{formatToken(state.principal, cur.decimals, cur.symbol)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Interest due now</dt>
          <dd>{health ? formatToken(health.interest, cur.decimals, cur.symbol) : "–"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Paid so far</dt>
          <dd>{formatToken(BigInt(l.repaid), cur.decimals, cur.symbol)}</dd>
        </div>
      </dl>
      {health && (
        <div className="rounded border border-slate-200 p-2" data-testid="loan-health">
          <p>
            Loan-to-value <strong data-testid="loan-ltv">{ltvText(health.ltvBps)}</strong>: debt{" "}
            {formatUsd(Number(health.debtUsd) / 1e18)} over collateral {formatUsd(Number(health.collateralUsd) / 1e18)}
          </p>
          {health.collateral && (
            <p className="text-xs text-slate-600">
              Collateral = refund right {formatToken(health.collateral.refundRight, pay.decimals, pay.symbol)} +
              expected rewards of {health.collateral.daysLeft} days{" "}
              {formatToken(health.collateral.expectedRewards, reward.decimals, reward.symbol, 4)} (
              {valued?.rateSource === "oracle" ? "oracle market rate" : "offering's expected rate"}, {reward.symbol} at{" "}
              {formatUsd(usd[reward.symbol] ?? 0)}).
            </p>
          )}
          <p className="text-xs text-slate-700" data-testid="loan-ltv-forecast">
            {health.crossing === null
              ? `Stays under ${ltvText(LTV_WARNING_BPS)} for the rest of the term at these prices.`
              : `Reaches ${ltvText(LTV_WARNING_BPS)} around ${utcText(health.crossing.time).slice(0, 10)} as the term runs out.`}
          </p>
        </div>
      )}
      {rows.length > 1 && (
        <details open={l.selfRepaying} data-testid="debt-history">
          <summary className="cursor-pointer font-semibold">
            Debt day by day
            {payoffTime !== null && (
              <span data-testid="loan-payoff"> · paid off by rewards around {utcText(payoffTime).slice(0, 10)}</span>
            )}
          </summary>
          <DebtChart
            rows={rows}
            label={`Debt of loan #${l.loanId} over time${payoffTime !== null ? ", falling to zero with the rewards" : ""}`}
          />
          <table className="mt-1 w-full text-left text-xs">
            <caption className="sr-only">Debt after each payment, then the forecast</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col" className="text-right">
                  Paid
                </th>
                <th scope="col" className="text-right">
                  Principal / debt after
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.kind}-${r.time}-${r.debt}`} data-testid="debt-row" data-kind={r.kind}>
                  <td>{utcText(r.time)}</td>
                  <td>{r.kind === "forecast" ? "forecast (rewards at the loan's price)" : r.kind}</td>
                  <td className="num text-right">{formatToken(r.paid, cur.decimals, cur.symbol)}</td>
                  <td className="num text-right">{formatToken(r.debt, cur.decimals, cur.symbol)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {role === "borrower" && repayable && (
        <div className="space-y-2 border-t border-slate-200 pt-2">
          <button
            type="button"
            className="btn-primary"
            disabled={busy}
            data-testid="repay-full"
            onClick={() => repay(fullAmount, `Repay loan #${l.loanId} in full`)}
          >
            Repay in full (up to {formatToken(fullAmount, cur.decimals, cur.symbol)})
          </button>
          <p className="text-xs text-slate-600">
            The amount covers {Number(REPAY_BUFFER_SECONDS) / 60} more minutes of interest; only the debt at the second
            it is mined is taken.
          </p>
          <form
            className="flex flex-wrap items-end gap-2"
            aria-label={`Repay part of loan #${l.loanId}`}
            onSubmit={(e) => {
              e.preventDefault();
              if (partialCheck.ok)
                void repay(partialCheck.value, `Repay ${partial} ${cur.symbol} of loan #${l.loanId}`);
            }}
          >
            <LabeledInput
              id={`partial-${l.id}`}
              label={`Repay part (${cur.symbol})`}
              value={partial}
              onChange={setPartial}
            />
            <button
              type="submit"
              className="btn-secondary"
              disabled={busy || !partialCheck.ok}
              data-testid="repay-partial"
            >
              Repay part
            </button>
            {partial !== "" && !partialCheck.ok && <p className="text-red-800">{partialCheck.error}</p>}
          </form>
          {isPosition && BigInt(l.rewardPriceWad) > 0n && (
            <div className="space-y-1">
              <button
                type="button"
                className="btn-secondary"
                disabled={busy}
                data-testid="self-repay-toggle"
                onClick={() =>
                  send(
                    `${l.selfRepaying ? "Stop" : "Start"} self-repayment of loan #${l.loanId}`,
                    loans,
                    loansAbi,
                    "setSelfRepaying",
                    [loanId, !l.selfRepaying],
                  )
                }
              >
                {l.selfRepaying ? "Stop self-repayment (rewards back to me)" : "Turn on self-repayment"}
              </button>
              <p className="text-xs text-slate-600">
                Self-repayment routes the position's rewards to the loan; applying them pays the debt at{" "}
                {formatToken(BigInt(l.rewardPriceWad), cur.decimals, cur.symbol)} per {reward.symbol} (the lender's
                price), interest first. Rewards beyond the debt are credited back to you.
              </p>
            </div>
          )}
          <form
            className="flex flex-wrap items-end gap-2"
            aria-label={`Roll loan #${l.loanId} over to another offer`}
            onSubmit={(e) => {
              e.preventDefault();
              if (offerCheck.ok)
                void approveThen(fullAmount, `rolling over loan #${l.loanId}`, () =>
                  send(`Roll loan #${l.loanId} over to offer #${rolloverOffer}`, loans, loansAbi, "rollover", [
                    loanId,
                    offerCheck.value,
                    fullAmount,
                  ]),
                );
            }}
          >
            <LabeledInput
              id={`rollover-${l.id}`}
              label="Roll over to offer #"
              value={rolloverOffer}
              onChange={setRolloverOffer}
              inputMode="numeric"
            />
            <button
              type="submit"
              className="btn-secondary"
              disabled={busy || !offerCheck.ok}
              data-testid="rollover-submit"
            >
              Roll over
            </button>
            <p className="w-full text-xs text-slate-600">
              The offer's lender pays this loan off; you receive its principal minus the debt (or pay the difference, at
              most the debt).{" "}
              <Link className="underline" href="/lending">
                Find an offer
              </Link>
              .
            </p>
          </form>
        </div>
      )}
      {active && l.selfRepaying && repayable && (
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="routed-rewards">
            Rewards waiting:{" "}
            {claimableRead.data === undefined
              ? "…"
              : formatToken(claimableRead.data, reward.decimals, reward.symbol, 6)}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={busy || claimableRead.data === 0n}
            data-testid="apply-rewards"
            onClick={() => send(`Apply rewards to loan #${l.loanId}`, loans, loansAbi, "applyRewards", [loanId])}
          >
            Apply rewards to the debt
          </button>
        </div>
      )}
      {active && phase === "foreclosable" && (
        <div className="space-y-1 border-t border-slate-200 pt-2">
          <button
            type="button"
            className="btn-primary"
            disabled={busy}
            data-testid="foreclose"
            onClick={() => send(`Foreclose loan #${l.loanId}`, loans, loansAbi, "foreclose", [loanId])}
          >
            Foreclose: take the {l.position ? "position" : "collateral"}
          </button>
          <p className="text-xs text-slate-600">
            The grace period ended unpaid: the collateral goes to the lender ({shortAddress(l.lender.id)}), whoever
            sends this.
          </p>
        </div>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={messageClass(message.ok)}>
          {message.text}
        </p>
      )}
    </article>
  );
}
