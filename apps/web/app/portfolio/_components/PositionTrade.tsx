"use client";
/**
 * A position's market: its live listing or open auction, what travels with it (unclaimed rewards and the
 * refund right, read from the chain), its price per remaining unit-day next to the primary price, and the
 * actions: buy (with value protection: the most it pays is the price shown, the least it accepts is the
 * unclaimed reward shown), or for the owner list / update / cancel / start an auction.
 */
import { useQuery } from "@apollo/client/react/hooks";
import {
  bridgedTokenAbi,
  hashpowerExchangeAbi,
  positionAuctionsAbi,
  positionListingsAbi,
  protocolParametersAbi,
} from "@dmex/deployments";
import { listingFeeSplit, pricePerUnitDay } from "@dmex/money-math";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContract } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDao, useExchangeAddress, useTrading } from "~/components/DeploymentContext";
import { ReferredBy } from "~/components/ReferredBy";
import { usePurchaseReferrer } from "~/hooks/usePurchaseReferrer";
import { ErrorBox } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { useTx } from "~/hooks/useTx";
import { bpsPercent, formatToken, pluralDays } from "~/lib/format";
import { POSITION_TRADE_QUERY } from "~/lib/graphql/trading";
import type { PositionTradeData } from "~/lib/graphql/tradingTypes";
import type { OfferingEntity } from "~/lib/graphql/types";
import { formatCountdown } from "~/lib/trading/clock";
import {
  datetimeLocalUtc,
  validateDurationHours,
  validateExpiry,
  validateListingPrice,
  validateReserve,
} from "~/lib/trading/forms";
import { daysLeftOf } from "~/lib/trading/market";
import { targetChain } from "~/services/chains";
import type { TokenInfo } from "~/services/tokens";

export interface TradedPosition {
  tokenId: string;
  owner: string;
  locked: boolean;
  lockedBy: string | null;
  units: string;
  startDay: number;
  endDay: number;
  offering: OfferingEntity;
}

export function PositionTrade({
  position: p,
  live,
  pay,
  reward,
  today,
}: {
  position: TradedPosition;
  /** What a claim / refund would pay now (the exchange's claimableRewards / refundableOf). */
  live: { claimable: bigint; refundable: bigint } | undefined;
  pay: TokenInfo;
  reward: TokenInfo;
  today: number;
}) {
  const trading = useTrading();
  const parameters = useDao()?.parameters ?? null;
  const exchange = useExchangeAddress();
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const { run } = useTx();
  const referral = usePurchaseReferrer(address);
  const tokenId = BigInt(p.tokenId);
  const { data, error, refetch } = useQuery<PositionTradeData>(POSITION_TRADE_QUERY, {
    variables: { id: p.tokenId },
    skip: trading === null,
    pollInterval: 5_000,
  });
  useRefetchOnIndexed(refetch);
  const noAccount = "0x0000000000000000000000000000000000000000" as const;
  const poll = { enabled: Boolean(trading && exchange), refetchInterval: 3_000 };
  const mine = { ...poll, enabled: poll.enabled && address !== undefined };
  const approvedRead = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "getApproved",
    args: [tokenId],
    chainId: targetChain.id,
    query: poll,
  });
  const liveRead = useReadContract({
    address: trading?.listings,
    abi: positionListingsAbi,
    functionName: "isLive",
    args: [tokenId],
    chainId: targetChain.id,
    query: poll,
  });
  // The stored listing, live or not: a void listing of this seller would come back to life with a new approval.
  const storedRead = useReadContract({
    address: trading?.listings,
    abi: positionListingsAbi,
    functionName: "listingOf",
    args: [tokenId],
    chainId: targetChain.id,
    query: poll,
  });
  const feeRead = useReadContract({
    address: parameters ?? undefined,
    abi: protocolParametersAbi,
    functionName: "tradingFeeBps",
    chainId: targetChain.id,
    query: { enabled: parameters !== null },
  });
  const allowanceRead = useReadContract({
    address: pay.address,
    abi: bridgedTokenAbi,
    functionName: "allowance",
    args: [address ?? noAccount, trading?.listings ?? noAccount],
    chainId: targetChain.id,
    query: mine,
  });
  const balanceRead = useReadContract({
    address: pay.address,
    abi: bridgedTokenAbi,
    functionName: "balanceOf",
    args: [address ?? noAccount],
    chainId: targetChain.id,
    query: mine,
  });
  const refetchReads = () => Promise.allSettled([approvedRead.refetch(), liveRead.refetch(), allowanceRead.refetch()]);
  const approved = approvedRead.data?.toLowerCase();
  const listingLive = liveRead.data;
  /** The protocol's trading fee now (a listing snapshots it when listed); 2% until read. */
  const tradingFeeBps = Number(feeRead.data ?? 200);
  const allowance = allowanceRead.data;
  const balance = balanceRead.data;

  const [price, setPrice] = useState("");
  const [expiry, setExpiry] = useState("");
  // Default expiry: a week from the chain's now (the local chain's clock runs ahead of the wall clock),
  // never after the term ends.
  useEffect(() => {
    if (expiry === "" && now !== undefined)
      setExpiry(datetimeLocalUtc(Math.min(now + 7 * 86_400, (p.endDay + 1) * 86_400 - 60)));
  }, [expiry, now, p.endDay]);
  const [reserve, setReserve] = useState("");
  const [hours, setHours] = useState("24");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (trading === null) return null;
  if (error) return <ErrorBox title="This position's listing cannot load">{error.message}</ErrorBox>;
  const listing = data?.position?.listing ?? null;
  const auction = data?.position?.auction ?? null;
  const nowSeconds = now ?? Math.floor(Date.now() / 1000);
  const me = address?.toLowerCase();
  const isOwner = me !== undefined && p.owner.toLowerCase() === me;
  const units = BigInt(p.units);
  const daysLeft = daysLeftOf(p.startDay, p.endDay, today);
  const termDays = p.offering.termEndDay - p.offering.termStartDay + 1;
  const primaryPerUnitDay = pricePerUnitDay(BigInt(p.offering.pricePerUnit), 1n, BigInt(termDays));
  const listed = listing !== null && Number(listing.expiry) > nowSeconds && listingLive !== false;
  const listPrice = listed ? BigInt(listing.price) : null;
  const perUnitDay = listPrice !== null ? pricePerUnitDay(listPrice, units, BigInt(daysLeft)) : null;

  async function tx(label: string, address_: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
    setBusy(true);
    setMessage(null);
    const r = await run({ label, call: { address: address_, abi, functionName, args } });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    await refetchReads();
    await refetch();
    setBusy(false);
    return r.ok;
  }

  const priceCheck = validateListingPrice(price, pay.decimals);
  const expiryCheck = validateExpiry(expiry, nowSeconds, (p.endDay + 1) * 86_400);
  const reserveCheck = validateReserve(reserve, pay.decimals);
  const durationCheck = validateDurationHours(hours);
  const split = priceCheck.ok ? listingFeeSplit(priceCheck.value, BigInt(listing?.feeBps ?? tradingFeeBps)) : null;

  async function buy() {
    if (!trading || !listing || listPrice === null || live === undefined) return;
    // Value protection: the price shown is the most we pay; the reward shown the least the position must carry.
    await tx(`Buy position #${p.tokenId}`, trading.listings, positionListingsAbi as Abi, "buy", [
      tokenId,
      listPrice,
      live.claimable,
      referral.arg,
    ]);
  }

  async function listOrUpdate() {
    if (!trading || !exchange || !priceCheck.ok || !expiryCheck.ok) return;
    if (listed && listing?.seller.id.toLowerCase() === me && approved === trading.listings.toLowerCase()) {
      await tx(`Update listing of #${p.tokenId}`, trading.listings, positionListingsAbi as Abi, "updateListing", [
        tokenId,
        priceCheck.value,
        expiryCheck.value,
      ]);
      return;
    }
    if (approved !== trading.listings.toLowerCase()) {
      // A void listing of ours (the position went away and back, or was locked) would revive at its old price
      // the moment we approve again, before the new one is listed: cancel it first.
      const stale = (await storedRead.refetch()).data;
      if (stale !== undefined && stale.seller.toLowerCase() === me) {
        const cancelled = await tx(
          `Cancel the old listing of #${p.tokenId} first`,
          trading.listings,
          positionListingsAbi as Abi,
          "cancelListing",
          [tokenId],
        );
        if (!cancelled) return;
      }
      if (!(await approveFor(exchange, trading.listings, "listings"))) return;
    }
    await tx(`List position #${p.tokenId}`, trading.listings, positionListingsAbi as Abi, "list", [
      tokenId,
      pay.address,
      priceCheck.value,
      expiryCheck.value,
    ]);
  }

  /** Approves `spender` for this position only (the per-token approval a listing or an auction lock needs). */
  function approveFor(exchangeAddress: Address, spender: Address, name: "listings" | "auctions") {
    return tx(
      `Approve the ${name} contract for #${p.tokenId}`,
      exchangeAddress,
      hashpowerExchangeAbi as Abi,
      "approve",
      [spender, tokenId],
    );
  }

  async function startAuction() {
    if (!trading || !exchange || !reserveCheck.ok || !durationCheck.ok) return;
    if (approved !== trading.auctions.toLowerCase() && !(await approveFor(exchange, trading.auctions, "auctions")))
      return;
    await tx(`Auction position #${p.tokenId}`, trading.auctions, positionAuctionsAbi as Abi, "createAuction", [
      tokenId,
      pay.address,
      reserveCheck.value,
      durationCheck.value,
    ]);
  }

  const needsPayment = listPrice !== null && allowance !== undefined && allowance < listPrice;
  const short = listPrice !== null && balance !== undefined && balance < listPrice;

  return (
    <section className="card space-y-3 text-sm" aria-labelledby="market-h" data-testid="position-market">
      <h2 id="market-h" className="text-lg font-semibold">
        Market
      </h2>
      <div className="rounded border border-slate-200 p-2" data-testid="travels-with">
        <p className="font-semibold">Travels with the position to its next holder</p>
        <dl className="num mt-1 grid grid-cols-2 gap-2">
          <div>
            <dt className="text-slate-600">Unclaimed rewards</dt>
            <dd data-testid="travel-claimable">
              {live ? formatToken(live.claimable, reward.decimals, reward.symbol, 6) : "…"}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Refund right</dt>
            <dd data-testid="travel-refundable">
              {live
                ? live.refundable > 0n
                  ? formatToken(live.refundable, pay.decimals, pay.symbol)
                  : "none now (the unreleased escrow is refunded if the DAO halts the offering)"
                : "…"}
            </dd>
          </div>
        </dl>
      </div>
      <dl className="num grid grid-cols-2 gap-2">
        <div>
          <dt className="text-slate-600">Days left</dt>
          <dd>{pluralDays(daysLeft)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Primary price per unit-day</dt>
          <dd data-testid="primary-per-unit-day">
            {primaryPerUnitDay === null ? "–" : formatToken(primaryPerUnitDay, pay.decimals, pay.symbol, 4)}
          </dd>
        </div>
      </dl>
      {listed && listing && listPrice !== null ? (
        <div className="space-y-2 rounded bg-emerald-50 p-2" data-testid="listing-panel">
          <p>
            Listed for <strong data-testid="listing-price">{formatToken(listPrice, pay.decimals, pay.symbol)}</strong>{" "}
            (fee {bpsPercent(listing.feeBps)} included) · expires in{" "}
            {formatCountdown(Number(listing.expiry) - nowSeconds)}
          </p>
          <p>
            Price per remaining unit-day:{" "}
            <strong data-testid="listing-per-unit-day">
              {perUnitDay === null ? "–" : formatToken(perUnitDay, pay.decimals, pay.symbol, 4)}
            </strong>{" "}
            (primary: {primaryPerUnitDay === null ? "–" : formatToken(primaryPerUnitDay, pay.decimals, pay.symbol, 4)})
          </p>
          {!isConnected ? (
            <ConnectPrompt label="Connect to buy" />
          ) : !isOwner ? (
            <>
              <p className="text-xs text-slate-700">
                You pay at most {formatToken(listPrice, pay.decimals, pay.symbol)} and the position must still carry at
                least {live ? formatToken(live.claimable, reward.decimals, reward.symbol, 6) : "…"} of unclaimed
                rewards, or nothing happens.
              </p>
              <ReferredBy referral={referral} feeBps={Number(listing.feeBps)} />
              {short ? (
                <p className="text-red-800">Insufficient {pay.symbol} balance.</p>
              ) : allowance === undefined ? (
                <button type="button" className="btn-secondary w-full" disabled>
                  Checking your allowance…
                </button>
              ) : needsPayment ? (
                <button
                  type="button"
                  className="btn-secondary w-full"
                  disabled={busy}
                  onClick={() =>
                    tx(
                      `Approve ${formatToken(listPrice, pay.decimals, pay.symbol)}`,
                      pay.address,
                      bridgedTokenAbi as Abi,
                      "approve",
                      [trading.listings, listPrice],
                    )
                  }
                >
                  Approve {formatToken(listPrice, pay.decimals, pay.symbol)}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn-primary w-full"
                  disabled={busy || live === undefined}
                  onClick={buy}
                  data-testid="buy-listing"
                >
                  Buy for {formatToken(listPrice, pay.decimals, pay.symbol)}
                </button>
              )}
            </>
          ) : (
            <button
              type="button"
              className="btn-secondary"
              disabled={busy}
              onClick={() =>
                tx(`Cancel listing of #${p.tokenId}`, trading.listings, positionListingsAbi as Abi, "cancelListing", [
                  tokenId,
                ])
              }
              data-testid="cancel-listing"
            >
              Cancel listing
            </button>
          )}
        </div>
      ) : auction ? (
        <p className="rounded bg-violet-50 p-2">
          In an auction:{" "}
          <Link className="underline" href={`/auctions/${auction.id}`} data-testid="position-auction-link">
            auction #{auction.id}
          </Link>{" "}
          ({auction.bidCount} bid{auction.bidCount === 1 ? "" : "s"}).
        </p>
      ) : (
        <p className="text-slate-700">Not for sale.</p>
      )}
      {isOwner && !p.locked && !auction && (
        <div className="space-y-3 border-t border-slate-200 pt-3">
          <form
            className="space-y-2"
            aria-label={listed ? "Update the listing" : "List for sale"}
            onSubmit={(e) => {
              e.preventDefault();
              void listOrUpdate();
            }}
          >
            <h3 className="font-semibold">{listed ? "Update the listing" : "List for sale"}</h3>
            <label htmlFor="list-price" className="label">
              Price ({pay.symbol}, fee included)
            </label>
            <input
              id="list-price"
              className="input"
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
            {price !== "" && !priceCheck.ok && <p className="text-red-800">{priceCheck.error}</p>}
            {split && (
              <p className="text-xs text-slate-700" data-testid="list-split">
                You receive {formatToken(split.sellerProceeds, pay.decimals, pay.symbol)}; the fee is{" "}
                {formatToken(split.fee, pay.decimals, pay.symbol)}.
              </p>
            )}
            <label htmlFor="list-expiry" className="label">
              Expires (UTC)
            </label>
            <input
              id="list-expiry"
              type="datetime-local"
              className="input"
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
            />
            {!expiryCheck.ok && <p className="text-red-800">{expiryCheck.error}</p>}
            <button
              type="submit"
              className="btn-primary"
              disabled={busy || !priceCheck.ok || !expiryCheck.ok}
              data-testid="list-submit"
            >
              {listed ? "Update listing" : approved === trading.listings.toLowerCase() ? "List" : "Approve and list"}
            </button>
            <p className="text-xs text-slate-600">
              The position stays in your wallet until it sells; moving or locking it voids the listing.
            </p>
          </form>
          <form
            className="space-y-2"
            aria-label="Start an auction"
            onSubmit={(e) => {
              e.preventDefault();
              void startAuction();
            }}
          >
            <h3 className="font-semibold">Start an auction</h3>
            <label htmlFor="auc-reserve" className="label">
              Reserve price ({pay.symbol})
            </label>
            <input
              id="auc-reserve"
              className="input"
              inputMode="decimal"
              value={reserve}
              onChange={(e) => setReserve(e.target.value)}
            />
            {reserve !== "" && !reserveCheck.ok && <p className="text-red-800">{reserveCheck.error}</p>}
            <label htmlFor="auc-hours" className="label">
              Duration after the first bid (hours)
            </label>
            <input
              id="auc-hours"
              className="input"
              inputMode="numeric"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
            {!durationCheck.ok && <p className="text-red-800">{durationCheck.error}</p>}
            <button
              type="submit"
              className="btn-secondary"
              disabled={busy || !reserveCheck.ok || !durationCheck.ok}
              data-testid="auction-submit"
            >
              Start auction
            </button>
            <p className="text-xs text-slate-600">
              The position is locked in place while the auction runs (its rewards keep accruing in it); a listing of it
              becomes void. You can cancel only before the first bid.
            </p>
          </form>
        </div>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
