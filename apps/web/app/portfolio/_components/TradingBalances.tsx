"use client";
/**
 * The connected account's trading: live listings, auctions it runs, bids it placed, and the refunds and
 * proceeds it can pull from the auctions contract (listing sales pay the seller directly).
 */
import { useQuery } from "@apollo/client/react/hooks";
import { positionAuctionsAbi } from "@dmex/deployments";
import Link from "next/link";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { useDeployment, useTrading } from "~/components/DeploymentContext";
import { ErrorBox } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTx } from "~/hooks/useTx";
import { formatToken } from "~/lib/format";
import { ACCOUNT_TRADING_QUERY } from "~/lib/graphql/trading";
import type { AccountTradingData } from "~/lib/graphql/tradingTypes";
import { targetChain } from "~/services/chains";
import { tokenOf } from "~/services/tokens";

export function TradingBalances() {
  const trading = useTrading();
  const deployment = useDeployment();
  const { address } = useAccount();
  const { run } = useTx();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data, error, refetch } = useQuery<AccountTradingData>(ACCOUNT_TRADING_QUERY, {
    variables: { account: address?.toLowerCase() ?? "" },
    skip: !address || trading === null,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  // Every payment token the deployment knows (stablecoins): what is withdrawable in each, live.
  const tokens = Object.values(deployment.tokens).filter((t) => t.symbol !== "DMC");
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      trading && address
        ? tokens.map(
            (t) =>
              ({
                address: trading.auctions,
                abi: positionAuctionsAbi,
                functionName: "withdrawable",
                args: [address, t.address],
                chainId: targetChain.id,
              }) as const,
          )
        : [],
    query: { enabled: Boolean(trading && address), refetchInterval: 4_000 },
  });
  if (trading === null || !address) return null;
  if (error) return <ErrorBox title="Your trading cannot load">{error.message}</ErrorBox>;
  const withdrawable = tokens
    .map((t, i) => ({
      token: t,
      amount: reads.data?.[i]?.status === "success" ? (reads.data[i]?.result as bigint) : 0n,
    }))
    .filter((w) => w.amount > 0n);
  const balances = data?.auctionBalances ?? [];

  async function withdraw(token: Address, label: string) {
    if (!trading || !address) return;
    setBusy(true);
    setMessage(null);
    const r = await run({
      label,
      call: {
        address: trading.auctions,
        abi: positionAuctionsAbi as Abi,
        functionName: "withdraw",
        args: [token, address],
      },
    });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  return (
    <section className="card space-y-3 text-sm" aria-labelledby="trading-h" data-testid="portfolio-trading">
      <h2 id="trading-h" className="text-lg font-semibold">
        Trading
      </h2>
      <div>
        <h3 className="font-semibold">Proceeds and refunds to withdraw</h3>
        {withdrawable.length === 0 ? (
          <p className="text-slate-700">Nothing to withdraw from the auctions.</p>
        ) : (
          <ul className="space-y-1">
            {withdrawable.map((w) => {
              const b = balances.find((x) => x.token.id.toLowerCase() === w.token.address.toLowerCase());
              const label = `Withdraw ${formatToken(w.amount, w.token.decimals, w.token.symbol)}`;
              return (
                <li key={w.token.address} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="num" data-testid={`withdrawable-${w.token.symbol}`}>
                    {formatToken(w.amount, w.token.decimals, w.token.symbol)}
                    {b &&
                      ` (refunds ${formatToken(BigInt(b.refundable), w.token.decimals, w.token.symbol)}, proceeds ${formatToken(BigInt(b.proceeds), w.token.decimals, w.token.symbol)})`}
                  </span>
                  <button
                    type="button"
                    className="btn-secondary"
                    disabled={busy}
                    onClick={() => withdraw(w.token.address, label)}
                  >
                    {label}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <p className="mt-1 text-xs text-slate-600">
          A listing sale pays you at once; auction proceeds and refunds wait here.
        </p>
        {(data?.bidRefunds.length ?? 0) > 0 && (
          <>
            <h4 className="mt-2 font-medium">Refunds credited (outbid or withdrawn bids)</h4>
            <ul data-testid="bid-refunds">
              {(data?.bidRefunds ?? []).map((r) => {
                const t = tokenOf(deployment.tokens, r.token.id);
                return (
                  <li key={r.id} className="num">
                    {formatToken(BigInt(r.amount), t.decimals, t.symbol)} from{" "}
                    <Link className="underline" href={`/auctions/${r.auction.auctionId}`}>
                      auction #{r.auction.auctionId}
                    </Link>
                    , {new Date(Number(r.timestamp) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
      <div>
        <h3 className="font-semibold">Your listings ({data?.listings.length ?? 0})</h3>
        <ul>
          {(data?.listings ?? []).map((l) => {
            const pay = tokenOf(deployment.tokens, l.paymentToken.id);
            return (
              <li key={l.id}>
                <Link className="underline" href={`/portfolio/${l.position.tokenId}`}>
                  Position #{l.position.tokenId}
                </Link>{" "}
                for {formatToken(BigInt(l.price), pay.decimals, pay.symbol)} (update or cancel on its page)
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">Your auctions ({data?.auctions.length ?? 0})</h3>
        <ul>
          {(data?.auctions ?? []).map((a) => {
            const pay = tokenOf(deployment.tokens, a.paymentToken.id);
            return (
              <li key={a.id}>
                <Link className="underline" href={`/auctions/${a.id}`}>
                  Auction #{a.id}
                </Link>{" "}
                · {a.status.toLowerCase()} · {a.bidCount} bid{a.bidCount === 1 ? "" : "s"}
                {a.leadingBid ? ` · leading ${formatToken(BigInt(a.leadingBid), pay.decimals, pay.symbol)}` : ""}
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">Your bids ({data?.bids.length ?? 0})</h3>
        <ul>
          {(data?.bids ?? []).map((b) => {
            const pay = tokenOf(deployment.tokens, b.auction.paymentToken.id);
            return (
              <li key={b.id}>
                <Link className="underline" href={`/auctions/${b.auction.id}`}>
                  Auction #{b.auction.id}
                </Link>{" "}
                · {formatToken(BigInt(b.amount), pay.decimals, pay.symbol)} · {b.status.toLowerCase()}
              </li>
            );
          })}
        </ul>
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
