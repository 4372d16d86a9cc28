"use client";
/**
 * Borrow against this position: the open offers whose rules it meets (for it alone, for its offering or its
 * asset: units, term days left after the due date, the offering active), best first, each with its loan-to-
 * value and its cost in plain numbers (principal, interest at the due date, the minimum, the fee note, the
 * due date and the grace period's end); approve the loans contract for the position, then accept. While
 * pledged: the loan's link.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { hashpowerExchangeAbi, positionLoansAbi, protocolParametersAbi } from "@dmex/deployments";
import { ltvBps, positionCollateralValue, termsCost, usdValue } from "@dmex/money-math/lending";
import Link from "next/link";
import type { Abi } from "viem";
import { useAccount, useReadContract } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDao, useDeployment, useExchangeAddress, useLending } from "~/components/DeploymentContext";
import { ErrorBox } from "~/components/ui";
import { loansAbi, messageClass, useLendingTx } from "~/hooks/useLendingTx";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { bpsPercent, formatToken, formatUsd } from "~/lib/format";
import { POSITION_OFFERS_QUERY } from "~/lib/graphql/lending";
import type { PositionOffersData } from "~/lib/graphql/lendingTypes";
import type { OfferingEntity } from "~/lib/graphql/types";
import { bestOffersFor, type CandidatePosition } from "~/lib/lending/book";
import { aprText, collateralText, durationText, ltvText, utcText } from "~/lib/lending/format";
import { positionCollateralOf, usdPriceWad } from "~/lib/lending/loans";
import { targetChain } from "~/services/chains";
import { tokenOf, type TokenInfo } from "~/services/tokens";

export interface BorrowablePosition {
  tokenId: string;
  owner: string;
  locked: boolean;
  units: string;
  netPaid: string;
  refunded: boolean;
  offering: OfferingEntity;
}

const NO_ACCOUNT = "0x0000000000000000000000000000000000000000" as const;

export function BorrowPanel({
  position: p,
  pay,
  reward,
  usd,
}: {
  position: BorrowablePosition;
  pay: TokenInfo;
  reward: TokenInfo;
  usd: Readonly<Record<string, number>>;
}) {
  const loans = useLending();
  const exchange = useExchangeAddress();
  const { tokens } = useDeployment();
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const { send, busy, message } = useLendingTx();
  const nowSeconds = now ?? Math.floor(Date.now() / 1000);
  // The query's `now` moves by the minute (not every tick), so Apollo does not refetch every second.
  const queryNow = String(Math.floor(nowSeconds / 60) * 60);
  const { data, error, refetch } = useQuery<PositionOffersData>(POSITION_OFFERS_QUERY, {
    variables: {
      now: queryNow,
      tokenId: p.tokenId,
      offeringId: p.offering.offeringId,
      assetId: p.offering.asset.id,
      position: p.tokenId,
    },
    skip: loans === null || now === undefined,
    pollInterval: 5_000,
  });
  useRefetchOnIndexed(refetch);
  const tokenId = BigInt(p.tokenId);
  const approvedRead = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "getApproved",
    args: [tokenId],
    chainId: targetChain.id,
    query: { enabled: exchange !== null && loans !== null, refetchInterval: 3_000 },
  });
  const allRead = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "isApprovedForAll",
    args: [p.owner as `0x${string}`, loans ?? NO_ACCOUNT],
    chainId: targetChain.id,
    query: { enabled: exchange !== null && loans !== null, refetchInterval: 3_000 },
  });
  const parameters = useDao()?.parameters ?? null;
  const feeRead = useReadContract({
    address: parameters ?? undefined,
    abi: protocolParametersAbi,
    functionName: "defiFeeBps",
    chainId: targetChain.id,
    query: { enabled: parameters !== null },
  });
  const graceRead = useReadContract({
    address: loans ?? undefined,
    abi: positionLoansAbi,
    functionName: "gracePeriod",
    chainId: targetChain.id,
    query: { enabled: loans !== null },
  });

  if (loans === null || exchange === null) return null;
  if (error) return <ErrorBox title="Loan offers cannot load">{error.message}</ErrorBox>;
  const me = address?.toLowerCase();
  const isOwner = me !== undefined && p.owner.toLowerCase() === me;
  const loan = data?.position?.loan ?? null;
  const approved = approvedRead.data?.toLowerCase() === loans.toLowerCase() || allRead.data === true;
  const grace = graceRead.data === undefined ? null : Number(graceRead.data);

  const candidate: CandidatePosition = {
    tokenId: p.tokenId,
    owner: p.owner,
    units: BigInt(p.units),
    locked: p.locked,
    offeringId: p.offering.offeringId,
    assetId: p.offering.asset.id,
    termEndDay: p.offering.termEndDay,
    offeringActive: p.offering.status === "Active",
  };
  const offers = data
    ? bestOffersFor([...data.single, ...data.byOffering, ...data.byAsset], candidate, nowSeconds)
    : [];
  const valued = data
    ? positionCollateralOf(
        { netPaid: p.netPaid, units: p.units, refunded: p.refunded },
        p.offering,
        data.marketRates,
        usd,
        pay,
        reward,
      )
    : null;
  const value = valued ? positionCollateralValue(valued.collateral, Math.floor(nowSeconds / 86_400)) : null;

  return (
    <section className="card space-y-3 text-sm" aria-labelledby="borrow-h" data-testid="borrow-panel">
      <h2 id="borrow-h" className="text-lg font-semibold">
        Borrow against it
      </h2>
      {loan !== null ? (
        <p className="rounded bg-amber-50 p-2" data-testid="borrow-pledged">
          Pledged for loan #{loan.loanId}: due {utcText(Number(loan.dueTime))}.{" "}
          <Link className="underline" href="/loans">
            Manage it in My loans
          </Link>
          . Its rewards {loan.selfRepaying ? "repay the loan" : "are still yours to claim"}.
        </p>
      ) : (
        <>
          {value && (
            <p className="text-slate-700" data-testid="borrow-collateral-value">
              Collateral value {formatUsd(Number(value.totalUsd) / 1e18)}: refund right{" "}
              {formatToken(value.refundRight, pay.decimals, pay.symbol)} + {value.daysLeft} days of expected rewards (
              {formatToken(value.expectedRewards, reward.decimals, reward.symbol, 4)} at the{" "}
              {valued?.rateSource === "oracle" ? "oracle's market rate" : "offering's expected rate"}, {reward.symbol}{" "}
              at {formatUsd(usd[reward.symbol] ?? 0)}).
            </p>
          )}
          {offers.length === 0 ? (
            <p className="text-slate-700" data-testid="borrow-none">
              No open offer fits this position now.{" "}
              <Link className="underline" href="/lending">
                See the order book
              </Link>
              .
            </p>
          ) : (
            <ul className="space-y-2">
              {offers.slice(0, 5).map((o) => {
                const cur = tokenOf(tokens, o.currency.id);
                const principal = BigInt(o.principal);
                const cost = termsCost({
                  principal,
                  aprBps: BigInt(o.aprBps),
                  duration: BigInt(o.duration),
                  minInterest: BigInt(o.minInterest),
                });
                const curUsd = usdPriceWad(usd, cur.symbol);
                const ltv =
                  value && curUsd !== null ? ltvBps(usdValue(principal, cur.decimals, curUsd), value.totalUsd) : null;
                const due = nowSeconds + Number(o.duration);
                return (
                  <li
                    key={o.id}
                    className="rounded border border-slate-200 p-2"
                    data-testid="borrow-offer"
                    data-offer-id={o.offerId}
                  >
                    <p className="font-semibold">
                      Borrow {formatToken(principal, cur.decimals, cur.symbol)} · {aprText(o.aprBps)} ·{" "}
                      {durationText(Number(o.duration))}
                    </p>
                    <p className="text-xs text-slate-600">
                      Offer #{o.offerId}: {collateralText(o)}
                    </p>
                    <dl className="num mt-1 grid grid-cols-2 gap-1">
                      <dt className="text-slate-600">Loan-to-value</dt>
                      <dd data-testid="borrow-ltv">{ltvText(ltv)}</dd>
                      <dt className="text-slate-600">Interest at due</dt>
                      <dd>{formatToken(cost.interestAtDue, cur.decimals, cur.symbol)}</dd>
                      <dt className="text-slate-600">Minimum interest</dt>
                      <dd>{formatToken(BigInt(o.minInterest), cur.decimals, cur.symbol)}</dd>
                      <dt className="text-slate-600">Total to repay at due</dt>
                      <dd data-testid="borrow-total">{formatToken(cost.totalAtDue, cur.decimals, cur.symbol)}</dd>
                      <dt className="text-slate-600">Due</dt>
                      <dd>{utcText(due)}</dd>
                      <dt className="text-slate-600">Grace ends</dt>
                      <dd>{grace === null ? "…" : utcText(due + grace)}</dd>
                    </dl>
                    <p className="mt-1 text-xs text-slate-600">
                      Interest accrues by the second (repaying early costs less, never under the minimum). The DeFi fee
                      is taken from the lender's interest: you pay nothing beyond the total.
                      {BigInt(o.rewardPriceWad) > 0n &&
                        " This lender accepts rewards: you may let the position's rewards repay the loan."}{" "}
                      Unpaid after the grace period, the position goes to the lender.
                    </p>
                    {!isConnected ? (
                      <ConnectPrompt label="Connect to borrow" />
                    ) : isOwner ? (
                      approved ? (
                        <button
                          type="button"
                          className="btn-primary mt-2 w-full"
                          disabled={busy}
                          data-testid="borrow-accept"
                          onClick={() =>
                            send(`Borrow on offer #${o.offerId}`, loans, loansAbi, "acceptOffer", [
                              BigInt(o.offerId),
                              tokenId,
                            ])
                          }
                        >
                          Borrow {formatToken(principal, cur.decimals, cur.symbol)}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn-secondary mt-2 w-full"
                          disabled={busy}
                          data-testid="borrow-approve"
                          onClick={async () => {
                            await send(
                              `Approve the loans contract for #${p.tokenId}`,
                              exchange,
                              hashpowerExchangeAbi as Abi,
                              "approve",
                              [loans, tokenId],
                            );
                            await approvedRead.refetch();
                          }}
                        >
                          Approve the loans contract for #{p.tokenId}
                        </button>
                      )
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="text-xs text-slate-600">
            Fees: the lender pays the DeFi fee (
            {feeRead.data === undefined ? "2% by default" : bpsPercent(Number(feeRead.data))}, snapshotted when the loan
            starts) on the interest it receives.
          </p>
        </>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={messageClass(message.ok)}>
          {message.text}
        </p>
      )}
    </section>
  );
}
