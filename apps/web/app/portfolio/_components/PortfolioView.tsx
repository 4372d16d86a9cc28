"use client";
import { useQuery } from "@apollo/client/react/hooks";
import { hashpowerExchangeAbi } from "@dmex/deployments";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useAccount } from "wagmi";

import { useDeployment } from "~/components/DeploymentContext";
import { TickingAmount } from "~/components/TickingAmount";
import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useTx } from "~/hooks/useTx";
import { Empty, ErrorBox, SkeletonRows, StatusBadge } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useChainNow } from "~/hooks/useChainNow";
import { usePositionsLive } from "~/hooks/usePositionsLive";
import { formatAmount, formatToken, pluralDays } from "~/lib/format";
import { PORTFOLIO_QUERY } from "~/lib/graphql/queries";
import type { PortfolioData } from "~/lib/graphql/types";
import { tokenOf } from "~/services/tokens";
import { PortfolioPayouts } from "~/app/insurance/_components/PortfolioPayouts";

export function PortfolioView() {
  const { address, isConnected } = useAccount();
  const deployment = useDeployment();
  const { run } = useTx();
  const { day: today } = useChainNow();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data, loading, error, refetch } = useQuery<PortfolioData>(PORTFOLIO_QUERY, {
    variables: { owner: address?.toLowerCase() ?? "" },
    skip: !address,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const positions = useMemo(() => data?.positions ?? [], [data]);
  const ids = useMemo(() => positions.map((p) => BigInt(p.tokenId)), [positions]);
  const { live } = usePositionsLive(ids);

  if (!isConnected) {
    return (
      <div className="card space-y-2 text-sm">
        <p>Connect a wallet to see your positions.</p>
        <ConnectPrompt />
      </div>
    );
  }
  if (error) return <ErrorBox title="Your positions cannot load">{error.message}</ErrorBox>;
  if (loading && !data) return <SkeletonRows rows={4} />;
  if (positions.length === 0) {
    return (
      <Empty>
        No positions yet.{" "}
        <Link className="underline" href="/">
          Browse the marketplace
        </Link>{" "}
        to buy hashpower.
      </Empty>
    );
  }

  const claimTotals = new Map<string, bigint>();
  const refundTotals = new Map<string, bigint>();
  const claimIds: bigint[] = [];
  const refundIds: bigint[] = [];
  for (const p of positions) {
    const l = live.get(p.tokenId);
    if (!l) continue;
    // A payout routed to the lock holder is its to claim: the exchange refuses the owner's claim (and the whole batch).
    if (l.claimable > 0n && !p.rewardsToLocker) {
      claimIds.push(BigInt(p.tokenId));
      claimTotals.set(p.offering.rewardToken.id, (claimTotals.get(p.offering.rewardToken.id) ?? 0n) + l.claimable);
    }
    if (l.refundable > 0n && !p.refundToLocker) {
      refundIds.push(BigInt(p.tokenId));
      refundTotals.set(p.offering.paymentToken.id, (refundTotals.get(p.offering.paymentToken.id) ?? 0n) + l.refundable);
    }
  }
  const exchange = deployment.exchange;

  async function act(functionName: "claimRewards" | "claimRefunds", tokenIds: bigint[], label: string) {
    if (!exchange) return;
    setBusy(true);
    setMessage(null);
    const r = await run({
      label,
      call: { address: exchange, abi: hashpowerExchangeAbi, functionName, args: [tokenIds] },
    });
    setMessage(r.ok ? { ok: true, text: `${label}: paid to your wallet.` } : { ok: false, text: r.error });
    setBusy(false);
  }

  return (
    <div className="space-y-4">
      <section aria-labelledby="totals-h" className="card flex flex-wrap items-center gap-4">
        <h2 id="totals-h" className="sr-only">
          Totals
        </h2>
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-600">Claimable rewards now</p>
          <p className="text-lg font-semibold" data-testid="claimable-total">
            {claimTotals.size === 0
              ? "0"
              : [...claimTotals].map(([t, v], i) => {
                  const tok = tokenOf(deployment.tokens, t);
                  return (
                    <span key={t}>
                      {i > 0 && " + "}
                      <TickingAmount value={v} decimals={tok.decimals} symbol={tok.symbol} />
                    </span>
                  );
                })}
          </p>
        </div>
        <button
          type="button"
          className="btn-primary"
          disabled={busy || claimIds.length === 0}
          onClick={() =>
            act(
              "claimRewards",
              claimIds,
              `Claim rewards of ${claimIds.length} position${claimIds.length === 1 ? "" : "s"}`,
            )
          }
          data-testid="claim-all"
        >
          Claim all
        </button>
        {refundIds.length > 0 && (
          <>
            <div>
              <p className="text-xs uppercase tracking-wide text-slate-600">Refundable after a halt</p>
              <p className="text-lg font-semibold" data-testid="refundable-total">
                {[...refundTotals]
                  .map(([t, v]) =>
                    formatToken(v, tokenOf(deployment.tokens, t).decimals, tokenOf(deployment.tokens, t).symbol),
                  )
                  .join(" + ")}
              </p>
            </div>
            <button
              type="button"
              className="btn-danger"
              disabled={busy}
              onClick={() =>
                act(
                  "claimRefunds",
                  refundIds,
                  `Refund ${refundIds.length} position${refundIds.length === 1 ? "" : "s"}`,
                )
              }
              data-testid="refund-all"
            >
              Pull refunds
            </button>
          </>
        )}
        {message && (
          <p
            role={message.ok ? "status" : "alert"}
            className={`w-full text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
          >
            {message.text}
          </p>
        )}
      </section>

      <PortfolioPayouts />

      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Positions">
        {positions.map((p) => {
          const reward = tokenOf(deployment.tokens, p.offering.rewardToken.id);
          const pay = tokenOf(deployment.tokens, p.offering.paymentToken.id);
          const l = live.get(p.tokenId);
          const daysLeft = today === undefined ? null : Math.max(p.endDay - Math.max(today, p.startDay), 0);
          return (
            <li key={p.id} className="card space-y-2 text-sm" data-testid="position-card" data-token-id={p.tokenId}>
              <div className="flex items-start justify-between gap-2">
                <Link
                  href={`/portfolio/${p.tokenId}`}
                  className="font-semibold text-brand-dark underline-offset-2 hover:underline"
                >
                  Position #{p.tokenId}
                </Link>
                <StatusBadge status={p.offering.status} />
              </div>
              <p className="text-slate-700">
                <Link className="underline-offset-2 hover:underline" href={`/offerings/${p.offering.id}`}>
                  #{p.offering.id} {p.offering.minerName}
                </Link>{" "}
                · {p.offering.asset.symbol}
              </p>
              <dl className="num grid grid-cols-2 gap-1">
                <dt className="text-slate-600">Units</dt>
                <dd>
                  {p.units} {p.offering.asset.unitLabel}
                </dd>
                <dt className="text-slate-600">Days left</dt>
                <dd>
                  {p.offering.status === "Halted" ? "none (halted)" : daysLeft === null ? "…" : pluralDays(daysLeft)}
                </dd>
                <dt className="text-slate-600">Paid</dt>
                <dd>{formatToken(BigInt(p.totalPrice), pay.decimals, pay.symbol, 2)}</dd>
                <dt className="text-slate-600">Claimed</dt>
                <dd>
                  {formatAmount(BigInt(p.claimed), reward.decimals, 6)} {reward.symbol}
                </dd>
                <dt className="text-slate-600">Claimable</dt>
                <dd>
                  {l ? (
                    <TickingAmount
                      value={l.claimable}
                      decimals={reward.decimals}
                      symbol={reward.symbol}
                      testId={`claimable-${p.tokenId}`}
                    />
                  ) : (
                    <span className="skeleton inline-block h-4 w-20" />
                  )}
                </dd>
                {p.locked && p.lockedBy && deployment.contracts[p.lockedBy.toLowerCase()] === "PositionStaking" && (
                  <>
                    <dt className="text-slate-600">Staked</dt>
                    <dd data-testid={`staked-${p.tokenId}`}>
                      <Link className="underline" href="/stake">
                        mining DMC
                      </Link>
                      ; its rewards stay yours to claim
                    </dd>
                  </>
                )}
                {(p.rewardsToLocker || p.refundToLocker) && (
                  <>
                    <dt className="text-slate-600">Paid to the lock holder</dt>
                    <dd data-testid={`routed-${p.tokenId}`}>
                      {[p.rewardsToLocker && "rewards", p.refundToLocker && "refund"].filter(Boolean).join(" and ")}
                    </dd>
                  </>
                )}
                {l && l.refundable > 0n && (
                  <>
                    <dt className="text-slate-600">Refundable</dt>
                    <dd>{formatToken(l.refundable, pay.decimals, pay.symbol)}</dd>
                  </>
                )}
                {p.refunded && (
                  <>
                    <dt className="text-slate-600">Refunded</dt>
                    <dd>{formatToken(BigInt(p.refundedAmount), pay.decimals, pay.symbol)}</dd>
                  </>
                )}
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
