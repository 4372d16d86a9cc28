"use client";
/**
 * Refinance by takeover: a lender who is neither the borrower nor the current lender pays the loan's debt in
 * full and carries it on strictly better terms (the debt grows strictly slower: debt x new APR < principal x
 * old APR; due no earlier, at most a year from now and within the collateral's term; no minimum interest).
 */
import { bridgedTokenAbi } from "@dmex/deployments";
import { debtAt, fullRepaymentAmount, isBetterRefinance, maxRefinanceAprBps } from "@dmex/money-math/lending";
import { useState } from "react";
import type { Abi } from "viem";
import { useAccount, useConfig } from "wagmi";
import { readContract } from "wagmi/actions";

import { useDeployment, useLending } from "~/components/DeploymentContext";
import { loansAbi, messageClass, useLendingTx } from "~/hooks/useLendingTx";
import { bpsPercent, formatToken, shortAddress } from "~/lib/format";
import type { LoanEntity } from "~/lib/graphql/lendingTypes";
import { validateAprPercent, validateWhole } from "~/lib/lending/forms";
import { aprText, utcText } from "~/lib/lending/format";
import { loanStateOf } from "~/lib/lending/loans";
import { targetChain } from "~/services/chains";
import { tokenOf } from "~/services/tokens";
import { LabeledInput } from "~/components/ui";

const BUFFER = 600n;

export function TakeoverForm({ loan: l, nowSeconds }: { loan: LoanEntity; nowSeconds: number }) {
  const loans = useLending();
  const { tokens } = useDeployment();
  const { address } = useAccount();
  const config = useConfig();
  const { send, busy, message } = useLendingTx();
  const state = loanStateOf(l);
  const now = BigInt(nowSeconds);
  const { debt } = debtAt(state, now);
  const maxApr = maxRefinanceAprBps(debt, state);
  // A little under the most the contract accepts now: the debt grows by the second until the takeover is mined.
  const [apr, setApr] = useState(maxApr > 0n ? bpsPercent((maxApr * 99n) / 100n).replace("%", "") : "0");
  const [extraDays, setExtraDays] = useState("0");
  const cur = tokenOf(tokens, l.currency.id);
  if (loans === null) return null;
  const aprCheck = validateAprPercent(apr);
  const daysCheck = validateWhole(extraDays, 0n, 365n, "Extra days");
  const newDue = daysCheck.ok ? state.dueTime + daysCheck.value * 86_400n : state.dueTime;
  const termEnd = l.offering ? BigInt(l.offering.termEndDay) * 86_400n : null;
  const inTerm = termEnd === null || newDue === state.dueTime || newDue <= termEnd;
  const better = aprCheck.ok && isBetterRefinance(debt, aprCheck.value, state, newDue);
  const maxPayment = fullRepaymentAmount(state, now, BUFFER);
  const problem = !aprCheck.ok
    ? aprCheck.error
    : !daysCheck.ok
      ? daysCheck.error
      : !better
        ? `Not better for the borrower: the APR must be at most ${bpsPercent(maxApr < 0n ? 0n : maxApr)} on a debt of ${formatToken(debt, cur.decimals, cur.symbol)}.`
        : !inTerm
          ? "The new due date is after the collateral's term ends."
          : null;

  async function takeOver() {
    if (!loans || !address || !aprCheck.ok || problem !== null) return;
    const allowance = await readContract(config, {
      address: cur.address,
      abi: bridgedTokenAbi,
      functionName: "allowance",
      args: [address, loans],
      chainId: targetChain.id,
    });
    if (allowance < maxPayment) {
      const ok = await send(
        `Approve ${formatToken(maxPayment, cur.decimals, cur.symbol)} to take over loan #${l.loanId}`,
        cur.address,
        bridgedTokenAbi as Abi,
        "approve",
        [loans, maxPayment],
      );
      if (!ok) return;
    }
    await send(`Take over loan #${l.loanId}`, loans, loansAbi, "refinance", [
      BigInt(l.loanId),
      Number(aprCheck.value),
      Number(newDue),
      maxPayment,
    ]);
  }

  return (
    <form
      className="card space-y-2 text-sm"
      aria-label={`Take over loan #${l.loanId}`}
      data-testid="takeover"
      data-loan-id={l.loanId}
      onSubmit={(e) => {
        e.preventDefault();
        void takeOver();
      }}
    >
      <p className="font-semibold">
        Loan #{l.loanId}: {formatToken(debt, cur.decimals, cur.symbol)} owed to {shortAddress(l.lender.id)} at{" "}
        {aprText(l.aprBps)}, due {utcText(Number(l.dueTime))}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <LabeledInput id={`to-apr-${l.id}`} label="Your APR (%)" value={apr} onChange={setApr} />
        <LabeledInput
          id={`to-days-${l.id}`}
          label="Extend the due date by (days)"
          value={extraDays}
          onChange={setExtraDays}
          inputMode="numeric"
        />
        <button type="submit" className="btn-primary" disabled={busy || problem !== null} data-testid="takeover-submit">
          Pay {formatToken(debt, cur.decimals, cur.symbol)} and take over
        </button>
      </div>
      {problem !== null && <p className="text-red-800">{problem}</p>}
      <p className="text-xs text-slate-600">
        You pay the old lender the debt (at most {formatToken(maxPayment, cur.decimals, cur.symbol)}, covering{" "}
        {Number(BUFFER) / 60} minutes of interest); it becomes your principal at your APR, with no minimum interest.
      </p>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={messageClass(message.ok)}>
          {message.text}
        </p>
      )}
    </form>
  );
}
