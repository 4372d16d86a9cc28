"use client";
/**
 * /loans: the connected account's loans as borrower and as lender (LoanCard), what the loans contract holds
 * for it (LoanCredit: repayments, collateral, spare rewards) with a claim button per token, and the active
 * loans of others it may take over (TakeoverForm) or foreclose.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { useAccount } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDeployment, useLending } from "~/components/DeploymentContext";
import { Empty, ErrorBox, SkeletonRows } from "~/components/ui";
import { loansAbi, messageClass, useLendingTx } from "~/hooks/useLendingTx";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { formatToken } from "~/lib/format";
import { ACTIVE_LOANS_QUERY, MY_LOANS_QUERY } from "~/lib/graphql/lending";
import type { ActiveLoansData, MyLoansData } from "~/lib/graphql/lendingTypes";
import { loanPhase } from "~/lib/lending/loans";
import { tokenOf } from "~/services/tokens";
import { LoanCard } from "./LoanCard";
import { TakeoverForm } from "./TakeoverForm";

export function MyLoans({ usd }: { usd: Readonly<Record<string, number>> }) {
  const loans = useLending();
  const { tokens } = useDeployment();
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const me = address?.toLowerCase() ?? "";
  const mine = useQuery<MyLoansData>(MY_LOANS_QUERY, {
    variables: { account: me },
    skip: loans === null || me === "",
    pollInterval: 5_000,
  });
  const others = useQuery<ActiveLoansData>(ACTIVE_LOANS_QUERY, { skip: loans === null, pollInterval: 10_000 });
  useRefetchOnIndexed(mine.refetch);
  useRefetchOnIndexed(others.refetch);
  const { send, busy, message } = useLendingTx();

  if (loans === null)
    return <ErrorBox title="Lending is not deployed">This deployment has no loans contract (PositionLoans).</ErrorBox>;
  if (!isConnected) return <ConnectPrompt label="Connect to see your loans" />;
  if (mine.error) return <ErrorBox title="Your loans cannot load">{mine.error.message}</ErrorBox>;
  if (!mine.data || now === undefined) return <SkeletonRows rows={5} />;
  const { borrowed, lent, loanCredits, marketRates } = mine.data;
  const credits = loanCredits.filter((c) => BigInt(c.amount) > 0n);
  const byStatus = <T extends { status: string }>(list: readonly T[]) => [
    ...list.filter((l) => l.status === "Active"),
    ...list.filter((l) => l.status !== "Active"),
  ];
  const open = (others.data?.loans ?? []).filter(
    (l) => l.borrower.id.toLowerCase() !== me && l.lender.id.toLowerCase() !== me,
  );
  const takeable = open.filter((l) => Number(l.dueTime) > now);
  const foreclosable = open.filter((l) => loanPhase(l, now) === "foreclosable");

  return (
    <div className="space-y-6">
      <section aria-labelledby="credits-h" className="space-y-2">
        <h2 id="credits-h" className="text-lg font-semibold">
          To claim
        </h2>
        {credits.length === 0 ? (
          <Empty>Nothing credited to you by the loans contract.</Empty>
        ) : (
          <ul className="card space-y-2 text-sm" data-testid="loan-credits">
            {credits.map((c) => {
              const t = tokenOf(tokens, c.token.id);
              return (
                <li
                  key={c.id}
                  className="flex flex-wrap items-center gap-3"
                  data-testid="loan-credit"
                  data-token={t.symbol}
                >
                  <span className="num font-semibold" data-testid="loan-credit-amount">
                    {formatToken(BigInt(c.amount), t.decimals, t.symbol, 6)}
                  </span>
                  <span className="text-slate-600">
                    ({formatToken(BigInt(c.totalClaimed), t.decimals, t.symbol)} claimed so far)
                  </span>
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={busy}
                    data-testid="claim-credit"
                    onClick={() =>
                      send(`Claim ${t.symbol} from the loans contract`, loans, loansAbi, "claim", [t.address, address])
                    }
                  >
                    Claim {t.symbol}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {message && (
          <p role={message.ok ? "status" : "alert"} className={`text-sm ${messageClass(message.ok)}`}>
            {message.text}
          </p>
        )}
      </section>
      <section aria-labelledby="borrowed-h" className="space-y-2">
        <h2 id="borrowed-h" className="text-lg font-semibold">
          As borrower ({borrowed.filter((l) => l.status === "Active").length} active)
        </h2>
        {borrowed.length === 0 ? (
          <Empty>You have not borrowed. Pledge a position from its page in your portfolio.</Empty>
        ) : (
          byStatus(borrowed).map((l) => (
            <LoanCard key={l.id} loan={l} role="borrower" nowSeconds={now} rates={marketRates} usd={usd} />
          ))
        )}
      </section>
      <section aria-labelledby="lent-h" className="space-y-2">
        <h2 id="lent-h" className="text-lg font-semibold">
          As lender ({lent.filter((l) => l.status === "Active").length} active)
        </h2>
        {lent.length === 0 ? (
          <Empty>You have not lent. Make an offer or fill a request on the Lending page.</Empty>
        ) : (
          byStatus(lent).map((l) => (
            <LoanCard key={l.id} loan={l} role="lender" nowSeconds={now} rates={marketRates} usd={usd} />
          ))
        )}
      </section>
      <section aria-labelledby="takeover-h" className="space-y-2">
        <h2 id="takeover-h" className="text-lg font-semibold">
          Refinance someone else's loan
        </h2>
        <p className="text-sm text-slate-700">
          Pay an active loan off before its due date and carry it at a lower rate: the borrower's debt becomes your
          principal.
        </p>
        {takeable.length === 0 ? (
          <Empty>No active loan of another account is open to a takeover.</Empty>
        ) : (
          takeable.map((l) => <TakeoverForm key={l.id} loan={l} nowSeconds={now} />)
        )}
        {foreclosable.length > 0 && (
          <div className="space-y-2">
            <h3 className="font-semibold">
              Past their grace period (anyone may foreclose; the collateral goes to the lender)
            </h3>
            {foreclosable.map((l) => (
              <LoanCard key={l.id} loan={l} role="lender" nowSeconds={now} rates={marketRates} usd={usd} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
