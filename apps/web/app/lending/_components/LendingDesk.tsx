"use client";
/**
 * /lending: the order book of open loan offers (lenders) and requests (borrowers) with filters (asset, APR,
 * duration, loan-to-value, term days left after the due date), lending on a request (approve the principal,
 * fill), cancelling one's own offers, and the make-an-offer form (one position, any position of an offering
 * or an asset, or an amount of a collateral token).
 */
import { useQuery } from "@apollo/client/react/hooks";
import { bridgedTokenAbi } from "@dmex/deployments";
import { ltvBps, positionCollateralValue, tokenCollateralValue, usdValue } from "@dmex/money-math/lending";
import { useState } from "react";
import { useAccount, useConfig } from "wagmi";
import { readContract } from "wagmi/actions";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDeployment, useLending } from "~/components/DeploymentContext";
import { Empty, ErrorBox, LabeledInput, SkeletonRows } from "~/components/ui";
import { loansAbi, messageClass, useLendingTx } from "~/hooks/useLendingTx";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { formatToken, shortAddress } from "~/lib/format";
import { LENDING_BOOK_QUERY } from "~/lib/graphql/lending";
import type { LendingBookData, LoanOfferEntity, LoanRequestEntity, MarketRateRow } from "~/lib/graphql/lendingTypes";
import { type BookRow, bookRow, parseFilters, passesFilters } from "~/lib/lending/book";
import { aprText, collateralText, durationText, ltvText, utcText } from "~/lib/lending/format";
import { positionCollateralOf, usdPriceWad } from "~/lib/lending/loans";
import { formatCountdown } from "~/lib/trading/clock";
import { targetChain } from "~/services/chains";
import { tokenOf, type TokenMap } from "~/services/tokens";
import type { Abi } from "viem";
import { MakeOfferForm } from "./MakeOfferForm";

type Entry = { row: BookRow; x: LoanOfferEntity | LoanRequestEntity };

/** The start LTV of an offer or request whose collateral can be valued: one position, or a token amount. */
function startLtv(
  x: LoanOfferEntity | LoanRequestEntity,
  tokens: TokenMap,
  rates: readonly MarketRateRow[],
  usd: Readonly<Record<string, number>>,
  nowSeconds: number,
): bigint | null {
  const cur = tokenOf(tokens, x.currency.id);
  const curUsd = usdPriceWad(usd, cur.symbol);
  if (curUsd === null) return null;
  const debtUsd = usdValue(BigInt(x.principal), cur.decimals, curUsd);
  if (x.collateralKind === "Token" && x.collateralToken) {
    const t = tokenOf(tokens, x.collateralToken.id);
    const price = usdPriceWad(usd, t.symbol);
    return price === null ? null : ltvBps(debtUsd, tokenCollateralValue(BigInt(x.collateralAmount), t.decimals, price));
  }
  if (x.collateralKind === "Position" && x.position && x.offering) {
    const valued = positionCollateralOf(
      x.position,
      x.offering,
      rates,
      usd,
      tokenOf(tokens, x.offering.paymentToken.id),
      tokenOf(tokens, x.offering.rewardToken.id),
    );
    if (valued === null) return null;
    const day = Math.floor(nowSeconds / 86_400);
    return ltvBps(debtUsd, positionCollateralValue(valued.collateral, day).totalUsd);
  }
  return null;
}

export function LendingDesk({ usd, priceSource }: { usd: Readonly<Record<string, number>>; priceSource: string }) {
  const loans = useLending();
  const { tokens } = useDeployment();
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const nowSeconds = now ?? Math.floor(Date.now() / 1000);
  const queryNow = String(Math.floor(nowSeconds / 60) * 60);
  const { data, loading, error, refetch } = useQuery<LendingBookData>(LENDING_BOOK_QUERY, {
    variables: { now: queryNow },
    skip: loans === null || now === undefined,
    pollInterval: 5_000,
  });
  useRefetchOnIndexed(refetch);
  const [asset, setAsset] = useState("");
  const [maxApr, setMaxApr] = useState("");
  const [minDuration, setMinDuration] = useState("");
  const [maxDuration, setMaxDuration] = useState("");
  const [maxLtv, setMaxLtv] = useState("");
  const [minDaysLeft, setMinDaysLeft] = useState("");
  const { send, busy, message } = useLendingTx();
  const config = useConfig();

  if (loans === null)
    return <ErrorBox title="Lending is not deployed">This deployment has no loans contract (PositionLoans).</ErrorBox>;
  if (error) return <ErrorBox title="The order book cannot load">{error.message}</ErrorBox>;
  if (loading && !data) return <SkeletonRows rows={6} />;
  const rates = data?.marketRates ?? [];
  const symbolOf = (a: string) => tokenOf(tokens, a).symbol;
  const entries = (list: readonly (LoanOfferEntity | LoanRequestEntity)[]): Entry[] =>
    list
      .filter((x) => Number(x.expiry) > nowSeconds)
      .map((x) => ({
        x,
        row: bookRow(x, nowSeconds, { tokenSymbol: symbolOf, ltvBps: startLtv(x, tokens, rates, usd, nowSeconds) }),
      }));
  const offers = entries(data?.loanOffers ?? []);
  const requests = entries(data?.loanRequests ?? []);
  const filters = parseFilters({ asset, maxApr, minDuration, maxDuration, maxLtv, minDaysLeft });
  const assets = [
    ...new Set([...offers, ...requests].map((e) => e.row.assetSymbol).filter((a): a is string => a !== null)),
  ].sort();
  const me = address?.toLowerCase();

  async function lend(r: LoanRequestEntity) {
    if (loans === null || address === undefined) return;
    const cur = tokenOf(tokens, r.currency.id);
    const principal = BigInt(r.principal);
    const current = await readContract(config, {
      address: cur.address,
      abi: bridgedTokenAbi,
      functionName: "allowance",
      args: [address, loans],
      chainId: targetChain.id,
    });
    if (current < principal) {
      const ok = await send(
        `Approve ${formatToken(principal, cur.decimals, cur.symbol)} for the loans contract`,
        cur.address,
        bridgedTokenAbi as Abi,
        "approve",
        [loans, principal],
      );
      if (!ok) return;
    }
    await send(`Lend on request #${r.requestId}`, loans, loansAbi, "fillRequest", [BigInt(r.requestId)]);
    await refetch();
  }

  const cell = "px-3 py-2";
  const table = (side: "offer" | "request", list: Entry[]) => {
    const shown = list.filter((e) => passesFilters(e.row, filters));
    if (shown.length === 0)
      return (
        <Empty>
          {side === "offer" ? "No open offer matches these filters." : "No open request matches these filters."}
        </Empty>
      );
    return (
      <div className="card overflow-x-auto p-0">
        <table className="w-full text-left text-sm" data-testid={`${side}-book`}>
          <caption className="sr-only">{side === "offer" ? "Open loan offers" : "Open loan requests"}</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className={cell}>
                {side === "offer" ? "Offer" : "Request"}
              </th>
              <th scope="col" className={cell}>
                Collateral
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Principal
              </th>
              <th scope="col" className={`${cell} text-right`}>
                APR
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Duration
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Interest at due
              </th>
              <th scope="col" className={`${cell} text-right`}>
                LTV
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Term days left after due
              </th>
              <th scope="col" className={cell}>
                Expires
              </th>
              <th scope="col" className={cell}>
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {shown.map(({ row, x }) => {
              const cur = tokenOf(tokens, x.currency.id);
              const ct = x.collateralToken ? tokenOf(tokens, x.collateralToken.id) : undefined;
              const who = "lender" in x ? x.lender.id : x.borrower.id;
              return (
                <tr key={row.key} data-testid={`${side}-row`} data-id={row.id}>
                  <td className={cell}>
                    #{row.id}
                    <span className="block text-xs text-slate-600">{shortAddress(who)}</span>
                  </td>
                  <td className={cell}>
                    {collateralText(x, ct)}
                    {BigInt(x.rewardPriceWad) > 0n && (
                      <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-900">self-repay</span>
                    )}
                  </td>
                  <td className={`num ${cell} text-right`}>{formatToken(row.principal, cur.decimals, cur.symbol)}</td>
                  <td className={`num ${cell} text-right`}>{aprText(row.aprBps)}</td>
                  <td className={`num ${cell} text-right`}>{durationText(row.durationSeconds)}</td>
                  <td className={`num ${cell} text-right`}>
                    {formatToken(row.interestAtDue, cur.decimals, cur.symbol)}
                  </td>
                  <td className={`num ${cell} text-right`}>{ltvText(row.ltvBps)}</td>
                  <td className={`num ${cell} text-right`}>{row.daysLeftAfterDue ?? "–"}</td>
                  <td className={`num ${cell}`}>
                    in {formatCountdown(row.expiry - nowSeconds)}
                    <span className="block text-xs text-slate-600">{utcText(row.expiry)}</span>
                  </td>
                  <td className={cell}>
                    {side === "request" && "requestId" in x ? (
                      !isConnected ? (
                        <ConnectPrompt label="Connect to lend" />
                      ) : who.toLowerCase() === me ? (
                        <button
                          type="button"
                          className="btn-secondary"
                          disabled={busy}
                          onClick={() =>
                            send(`Cancel request #${x.requestId}`, loans, loansAbi, "cancelRequest", [
                              BigInt(x.requestId),
                            ])
                          }
                        >
                          Cancel
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn-primary"
                          disabled={busy}
                          data-testid="fill-request"
                          onClick={() => lend(x)}
                        >
                          Lend {formatToken(row.principal, cur.decimals, cur.symbol)}
                        </button>
                      )
                    ) : "offerId" in x && who.toLowerCase() === me ? (
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={busy}
                        data-testid="cancel-offer"
                        onClick={() =>
                          send(`Cancel offer #${x.offerId}`, loans, loansAbi, "cancelOffer", [BigInt(x.offerId)])
                        }
                      >
                        Cancel
                      </button>
                    ) : x.collateralKind === "Position" && x.position ? (
                      <a className="underline" href={`/portfolio/${x.position.tokenId}`}>
                        Borrow
                      </a>
                    ) : (
                      <a className="underline" href="/portfolio">
                        Borrow from a position
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <div className="space-y-5">
      <form
        className="card grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6"
        aria-label="Filter the order book"
        onSubmit={(e) => e.preventDefault()}
        data-testid="book-filters"
      >
        <div>
          <label htmlFor="f-asset" className="label">
            Asset
          </label>
          <select id="f-asset" className="input" value={asset} onChange={(e) => setAsset(e.target.value)}>
            <option value="">All</option>
            {assets.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        {(
          [
            ["f-apr", "Max APR (%)", maxApr, setMaxApr],
            ["f-min-dur", "Min duration (days)", minDuration, setMinDuration],
            ["f-max-dur", "Max duration (days)", maxDuration, setMaxDuration],
            ["f-ltv", "Max LTV (%)", maxLtv, setMaxLtv],
            ["f-days-left", "Min term days left", minDaysLeft, setMinDaysLeft],
          ] as const
        ).map(([id, label, value, set]) => (
          <LabeledInput key={id} id={id} label={label} value={value} onChange={set} />
        ))}
      </form>
      <section aria-labelledby="offers-h" className="space-y-2">
        <h2 id="offers-h" className="text-lg font-semibold">
          Offers from lenders ({offers.length})
        </h2>
        {table("offer", offers)}
      </section>
      <section aria-labelledby="requests-h" className="space-y-2">
        <h2 id="requests-h" className="text-lg font-semibold">
          Requests from borrowers ({requests.length})
        </h2>
        {table("request", requests)}
      </section>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${messageClass(message.ok)}`}>
          {message.text}
        </p>
      )}
      <p className="text-xs text-slate-600">
        LTV: the debt over the collateral's value (a position: its refund right plus the rewards its remaining days are
        expected to earn at the oracle's market rate; a token: amount x price). Prices: {priceSource}. Collection offers
        are valued per position, on its page.
      </p>
      <MakeOfferForm />
    </div>
  );
}
