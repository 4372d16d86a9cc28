"use client";
/**
 * The auction room: a live countdown (the chain's clock, ticking) that visibly extends when a late bid
 * moves the end, the bid history, the minimum next bid pre-filled, an outbid notice with the refund to
 * withdraw, settle, cancel (no bids) and the leader's withdrawal while the offering is flagged or halted.
 * Everything follows the connected account, so a bidder who connects mid-auction sees its own state.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { bridgedTokenAbi, positionAuctionsAbi } from "@dmex/deployments";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { Abi } from "viem";
import { useAccount, useReadContract } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDeployment, useTrading } from "~/components/DeploymentContext";
import { ErrorBox, SkeletonRows, StatusBadge } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { useTx } from "~/hooks/useTx";
import { formatDuration } from "~/lib/dao/governance";
import { bpsPercent, formatAmount, formatToken, shortAddress } from "~/lib/format";
import { AUCTION_QUERY } from "~/lib/graphql/trading";
import type { AuctionData } from "~/lib/graphql/tradingTypes";
import { auctionClock, extensionOf, extensionsOf, formatCountdown, outbidNotice } from "~/lib/trading/clock";
import { validateBid } from "~/lib/trading/forms";
import { targetChain } from "~/services/chains";
import { tokenOf } from "~/services/tokens";
import { BidChart } from "./BidChart";

const PHASE_TEXT = {
  "awaiting-bid": "Waiting for the first bid: the clock starts then.",
  running: "Running.",
  "ending-soon": "Last 15 minutes: a bid now extends the auction by up to 15 minutes.",
  ended: "Ended: anyone can settle it.",
  closed: "Closed.",
} as const;

export function AuctionRoom({ auctionId }: { auctionId: string }) {
  const trading = useTrading();
  const deployment = useDeployment();
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const { run } = useTx();
  const { data, loading, error, refetch } = useQuery<AuctionData>(AUCTION_QUERY, {
    variables: { id: auctionId },
    skip: trading === null,
    pollInterval: 3_000,
  });
  useRefetchOnIndexed(refetch);
  const a = data?.auction ?? null;
  const token = tokenOf(deployment.tokens, a?.paymentToken.id ?? "0x0000000000000000000000000000000000000000");

  const auctions = trading?.auctions;
  const poll = { enabled: Boolean(auctions && a), refetchInterval: 2_000 };
  const mine = { ...poll, enabled: poll.enabled && address !== undefined };
  const id = BigInt(auctionId);
  const noAccount = "0x0000000000000000000000000000000000000000" as const;
  const liveRead = useReadContract({
    address: auctions,
    abi: positionAuctionsAbi,
    functionName: "getAuction",
    args: [id],
    chainId: targetChain.id,
    query: poll,
  });
  const minRead = useReadContract({
    address: auctions,
    abi: positionAuctionsAbi,
    functionName: "minNextBid",
    args: [id],
    chainId: targetChain.id,
    query: poll,
  });
  const withdrawableRead = useReadContract({
    address: auctions,
    abi: positionAuctionsAbi,
    functionName: "withdrawable",
    args: [address ?? noAccount, token.address],
    chainId: targetChain.id,
    query: mine,
  });
  const balanceRead = useReadContract({
    address: token.address,
    abi: bridgedTokenAbi,
    functionName: "balanceOf",
    args: [address ?? noAccount],
    chainId: targetChain.id,
    query: mine,
  });
  const allowanceRead = useReadContract({
    address: token.address,
    abi: bridgedTokenAbi,
    functionName: "allowance",
    args: [address ?? noAccount, auctions ?? noAccount],
    chainId: targetChain.id,
    query: mine,
  });
  const refetchReads = () =>
    Promise.allSettled([liveRead.refetch(), minRead.refetch(), withdrawableRead.refetch(), allowanceRead.refetch()]);
  const live = liveRead.data;
  const liveMin = minRead.data;
  const withdrawable = withdrawableRead.data;
  const balance = balanceRead.data;
  const allowance = allowanceRead.data;

  // The end as the chain has it now (fresher than the indexer), else as indexed.
  const endTime = live && live.endTime > 0 ? live.endTime : a?.endTime ? Number(a.endTime) : null;
  const previousEnd = useRef<number | null>(null);
  const [extendedBy, setExtendedBy] = useState<number | null>(null);
  useEffect(() => {
    const by = extensionOf(previousEnd.current, endTime);
    if (by !== null) setExtendedBy(by);
    previousEnd.current = endTime;
  }, [endTime]);
  useEffect(() => {
    if (extendedBy === null) return;
    const t = window.setTimeout(() => setExtendedBy(null), 15_000);
    return () => window.clearTimeout(t);
  }, [extendedBy]);

  const minNext = liveMin ?? (a ? BigInt(a.minNextBid) : 0n);
  const [amount, setAmount] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched && minNext > 0n) setAmount(formatAmount(minNext, token.decimals, token.decimals).replace(/,/g, ""));
  }, [minNext, touched, token.decimals]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (trading === null)
    return <ErrorBox title="Auctions are not deployed">This deployment has no PositionAuctions contract.</ErrorBox>;
  if (error) return <ErrorBox title="This auction cannot load">{error.message}</ErrorBox>;
  if (loading && !data) return <SkeletonRows rows={5} />;
  if (!a) return <ErrorBox title="Unknown auction">No auction #{auctionId} is indexed.</ErrorBox>;

  const nowSeconds = now ?? Number(data?._meta.block.timestamp ?? 0);
  const clock = auctionClock(
    { status: a.status, endTime: endTime === null ? null : String(endTime), hardEnd: a.hardEnd },
    nowSeconds,
  );
  const me = address?.toLowerCase();
  const leader = (
    live?.leader && live.leader !== "0x0000000000000000000000000000000000000000" ? live.leader : a.leader?.id
  )?.toLowerCase();
  const leading = live?.leadingBid ?? (a.leadingBid ? BigInt(a.leadingBid) : 0n);
  const iLead = me !== undefined && leader === me;
  const isSeller = me !== undefined && a.seller.id.toLowerCase() === me;
  const notice = outbidNotice(address, { status: a.status, leader: leader ? { id: leader } : null }, a.bids);
  const extensions = extensionsOf(a.bids);
  const check = validateBid(amount, token.decimals, minNext, {
    balance,
    symbol: token.symbol,
    alreadyLeading: iLead ? leading : 0n,
  });
  const owed = check.ok ? check.value - (iLead ? leading : 0n) : 0n;
  const needsApproval = allowance !== undefined && check.ok && allowance < owed;
  const biddable =
    a.status === "Open" &&
    (clock.phase === "awaiting-bid" || clock.phase === "running" || clock.phase === "ending-soon");
  const offeringActive = a.offering.status === "Active";

  async function act(label: string, functionName: string, args: readonly unknown[], target = trading?.auctions) {
    if (!target) return;
    setBusy(true);
    setMessage(null);
    const r = await run({ label, call: { address: target, abi: positionAuctionsAbi as Abi, functionName, args } });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    await refetchReads();
    await refetch();
    setBusy(false);
    return r.ok;
  }

  async function approve() {
    if (!trading || !check.ok) return;
    setBusy(true);
    setMessage(null);
    const r = await run({
      label: `Approve ${formatToken(owed, token.decimals, token.symbol)} for the auctions`,
      call: { address: token.address, abi: bridgedTokenAbi, functionName: "approve", args: [trading.auctions, owed] },
    });
    if (!r.ok) setMessage({ ok: false, text: r.error });
    await refetchReads();
    setBusy(false);
  }

  async function placeBid() {
    if (!check.ok) return;
    const ok = await act(`Bid ${formatToken(check.value, token.decimals, token.symbol)} on auction #${a?.id}`, "bid", [
      BigInt(auctionId),
      check.value,
    ]);
    if (ok) setTouched(false);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <section className="card space-y-3" aria-labelledby="clock-h">
          <h2 id="clock-h" className="text-lg font-semibold">
            {a.kind === "Primary" ? "Primary auction" : "Secondary auction"} · {a.units} {a.offering.asset.unitLabel}{" "}
            {a.offering.asset.symbol} <StatusBadge status={a.offering.status} />
          </h2>
          <p className="text-sm text-slate-700">{PHASE_TEXT[clock.phase]}</p>
          <p
            className={`num text-4xl font-bold ${clock.phase === "ending-soon" ? "text-amber-700" : ""}`}
            data-testid="auction-countdown"
            aria-live="polite"
          >
            {clock.secondsLeft === null
              ? "–"
              : clock.phase === "ended" || clock.phase === "closed"
                ? a.status === "Open"
                  ? "Ended"
                  : a.status
                : formatCountdown(clock.secondsLeft)}
          </p>
          {endTime !== null && (
            <p className="text-xs text-slate-600" data-testid="auction-end">
              Ends {new Date(endTime * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC
              {a.kind === "Primary" &&
                ` · never after the sale closes (${new Date(Number(a.hardEnd) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC)`}
            </p>
          )}
          {extendedBy !== null && (
            <p
              role="status"
              className="rounded bg-amber-100 p-2 text-sm font-semibold text-amber-900"
              data-testid="auction-extended"
            >
              Extended by {formatDuration(extendedBy)}: a bid came in the last 15 minutes.
            </p>
          )}
          {extensions.length > 0 && (
            <p className="text-xs text-slate-700" data-testid="auction-extensions">
              Extended {extensions.length} time{extensions.length === 1 ? "" : "s"} by late bids.
            </p>
          )}
          <dl className="num grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-600">Leading bid</dt>
              <dd data-testid="auction-leading">
                {leading > 0n ? formatToken(leading, token.decimals, token.symbol) : "none"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Leader</dt>
              <dd className="font-mono text-xs">{leader ? (iLead ? "you" : shortAddress(leader)) : "–"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Reserve</dt>
              <dd>{formatToken(BigInt(a.reservePrice), token.decimals, token.symbol)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Min. increment</dt>
              <dd>{bpsPercent(a.minIncrementBps)}</dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="bids-h">
          <h2 id="bids-h" className="text-lg font-semibold">
            Bid history ({a.bids.length})
          </h2>
          <BidChart
            bids={a.bids}
            reserve={BigInt(a.reservePrice)}
            nowSeconds={Math.min(nowSeconds, endTime ?? nowSeconds)}
            decimals={token.decimals}
            symbol={token.symbol}
          />
          <ol className="mt-2 divide-y divide-slate-200 text-sm" data-testid="bid-list">
            {[...a.bids].reverse().map((b) => (
              <li key={b.id} className="flex justify-between py-1">
                <span className="font-mono text-xs">
                  {b.bidder.id.toLowerCase() === me ? "you" : shortAddress(b.bidder.id)}
                </span>
                <span className="num">
                  {formatToken(BigInt(b.amount), token.decimals, token.symbol)}
                  {b.extended && <span className="ml-1 text-xs text-amber-800">extended</span>}
                  <span className="ml-1 text-xs text-slate-600">{b.status.toLowerCase()}</span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <aside className="space-y-4">
        <section className="card space-y-3 text-sm" aria-labelledby="bid-h">
          <h2 id="bid-h" className="text-lg font-semibold">
            Bid
          </h2>
          {!isConnected ? (
            <>
              <p>Connect a wallet to bid; your bids and refunds show as soon as you do.</p>
              <ConnectPrompt />
            </>
          ) : (
            <>
              {notice.outbid && (
                <p
                  role="alert"
                  className="rounded bg-red-50 p-2 font-semibold text-red-900"
                  data-testid="outbid-notice"
                >
                  You were outbid. Bid again, or withdraw your refund below.
                </p>
              )}
              {iLead && biddable && (
                <p className="rounded bg-emerald-50 p-2 text-emerald-900">You lead this auction.</p>
              )}
              {biddable && offeringActive ? (
                <>
                  <label htmlFor="bid-amount" className="label">
                    Your bid ({token.symbol}) · minimum {formatToken(minNext, token.decimals, token.symbol)}
                  </label>
                  <input
                    id="bid-amount"
                    className="input"
                    inputMode="decimal"
                    value={amount}
                    onChange={(e) => {
                      setTouched(true);
                      setAmount(e.target.value);
                    }}
                    aria-invalid={!check.ok}
                    aria-describedby="bid-help"
                  />
                  <p id="bid-help" className={check.ok ? "text-slate-600" : "text-red-800"}>
                    {check.ok
                      ? iLead
                        ? `You pay only the difference: ${formatToken(owed, token.decimals, token.symbol)}.`
                        : "An outbid bid is refunded in full (withdraw it here)."
                      : check.error}
                  </p>
                  {allowance === undefined ? (
                    <button type="button" className="btn-secondary w-full" disabled>
                      Checking your allowance…
                    </button>
                  ) : needsApproval ? (
                    <button type="button" className="btn-secondary w-full" disabled={busy} onClick={approve}>
                      Approve {formatToken(owed, token.decimals, token.symbol)}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn-primary w-full"
                      disabled={busy || !check.ok}
                      onClick={placeBid}
                      data-testid="bid-button"
                    >
                      Place bid
                    </button>
                  )}
                </>
              ) : biddable ? (
                <p>
                  Bidding stopped: the offering is {a.offering.status.toLowerCase()}. The leader may withdraw its bid,
                  or settle after the end.
                </p>
              ) : null}
              {iLead && a.status === "Open" && !offeringActive && (
                <button
                  type="button"
                  className="btn-secondary w-full"
                  disabled={busy}
                  onClick={() =>
                    act(`Withdraw leading bid on auction #${a.id}`, "withdrawLeadingBid", [BigInt(auctionId)])
                  }
                >
                  Withdraw my leading bid
                </button>
              )}
              {withdrawable !== undefined && withdrawable > 0n && address && (
                <div className="rounded border border-slate-200 p-2">
                  <p data-testid="withdrawable">
                    You can withdraw {formatToken(withdrawable, token.decimals, token.symbol)} (refunds and proceeds).
                  </p>
                  <button
                    type="button"
                    className="btn-secondary mt-2 w-full"
                    disabled={busy}
                    onClick={() =>
                      act(`Withdraw ${formatToken(withdrawable, token.decimals, token.symbol)}`, "withdraw", [
                        token.address,
                        address,
                      ])
                    }
                    data-testid="withdraw-button"
                  >
                    Withdraw {formatToken(withdrawable, token.decimals, token.symbol)}
                  </button>
                </div>
              )}
            </>
          )}
          {a.status === "Open" && clock.phase === "ended" && (
            <button
              type="button"
              className="btn-primary w-full"
              disabled={busy || !isConnected}
              onClick={() => act(`Settle auction #${a.id}`, "settle", [BigInt(auctionId)])}
              data-testid="settle-button"
            >
              Settle auction
            </button>
          )}
          {isSeller &&
            a.status === "Open" &&
            a.bidCount === 0 &&
            (live?.leadingBid ?? 0n) === 0n &&
            clock.phase !== "ended" && (
              <button
                type="button"
                className="btn-secondary w-full"
                disabled={busy}
                onClick={() => act(`Cancel auction #${a.id}`, "cancel", [BigInt(auctionId)])}
              >
                Cancel (no bids yet)
              </button>
            )}
          {message && (
            <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>
              {message.text}
            </p>
          )}
        </section>
        <section className="card text-sm" aria-labelledby="what-h">
          <h2 id="what-h" className="text-lg font-semibold">
            What is sold
          </h2>
          <p className="mt-1">
            {a.position ? (
              <>
                <Link className="underline" href={`/portfolio/${a.position.tokenId}`}>
                  Position #{a.position.tokenId}
                </Link>{" "}
                of{" "}
              </>
            ) : (
              `${a.units} new units of `
            )}
            <Link className="underline" href={`/offerings/${a.offering.id}`}>
              offering #{a.offering.id} ({a.offering.minerName})
            </Link>
            .
          </p>
          <p className="mt-1 text-slate-700">
            {a.kind === "Primary"
              ? "The winning bid enters the offering's daily-release escrow like a fixed-price purchase (with the channel fee), and the winner receives a position whose amount paid is its bid."
              : `The position stays locked in place while the auction runs; its rewards keep accruing in it and go to the winner with it. Trading fee ${bpsPercent(a.feeBps)}.`}
          </p>
          {a.status === "Settled" && (
            <p className="mt-1" data-testid="auction-settled">
              Settled:{" "}
              {a.winner
                ? `${shortAddress(a.winner.id)} won for ${formatToken(BigInt(a.settledAmount ?? "0"), token.decimals, token.symbol)}.`
                : "no bid; the units went back to the offering."}
            </p>
          )}
        </section>
      </aside>
    </div>
  );
}
