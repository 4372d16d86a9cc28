"use client";
/**
 * On every page: a warning when one of the connected account's loans (as borrower or lender) is within 72
 * hours of its due date or in its grace period, with the time left and a link to My loans.
 */
import { useQuery } from "@apollo/client/react/hooks";
import Link from "next/link";
import { useAccount } from "wagmi";

import { useLending } from "~/components/DeploymentContext";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { LOANS_DUE_QUERY } from "~/lib/graphql/lending";
import type { LoansDueData } from "~/lib/graphql/lendingTypes";
import { dueWarnings } from "~/lib/lending/loans";
import { formatCountdown } from "~/lib/trading/clock";

export function LoanDueBanner() {
  const loans = useLending();
  const { address } = useAccount();
  const now = useTickingChainNow();
  const { data, refetch } = useQuery<LoansDueData>(LOANS_DUE_QUERY, {
    variables: { account: address?.toLowerCase() ?? "" },
    skip: loans === null || address === undefined,
    pollInterval: 15_000,
  });
  useRefetchOnIndexed(refetch);
  if (data === undefined || now === undefined) return null;
  const warnings = dueWarnings(data, now);
  if (warnings.length === 0) return null;
  return (
    <div
      role="alert"
      className="mb-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="loan-due-banner"
    >
      <p className="font-semibold">
        {warnings.length === 1 ? "A loan needs attention" : `${warnings.length} loans need attention`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {warnings.map((w) => (
          <li key={`${w.role}-${w.loanId}`}>
            Loan #{w.loanId} ({w.role === "borrower" ? "you borrowed" : "you lent"}):{" "}
            {w.phase === "due-soon"
              ? `due in ${formatCountdown(w.secondsLeft)}`
              : `overdue, in its grace period: ${formatCountdown(w.secondsLeft)} left to repay${w.role === "borrower" ? " before the lender may take the collateral" : ", then you may foreclose"}`}
          </li>
        ))}
      </ul>
      <Link className="mt-1 inline-block font-semibold underline" href="/loans">
        Go to My loans
      </Link>
    </div>
  );
}
