"use client";
import { useQuery } from "@apollo/client/react/hooks";
import Link from "next/link";

import { useDeployment } from "~/components/DeploymentContext";
import { TickingAmount } from "~/components/TickingAmount";
import { ErrorBox, SkeletonRows, StatusBadge } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { usePositionsLive } from "~/hooks/usePositionsLive";
import { formatDay, formatToken, shortAddress } from "~/lib/format";
import { POSITION_QUERY } from "~/lib/graphql/queries";
import type { PositionData } from "~/lib/graphql/types";
import { tokenOf } from "~/services/tokens";
import { NftPreview } from "~/app/offerings/[id]/_components/NftPreview";
import { useChainNow } from "~/hooks/useChainNow";
import { BorrowPanel } from "./BorrowPanel";
import { PositionTrade } from "./PositionTrade";
import { PortfolioPayouts } from "~/app/insurance/_components/PortfolioPayouts";

const ZERO = "0x0000000000000000000000000000000000000000";

export function PositionDetail({
  tokenId,
  usd = {},
}: {
  tokenId: string;
  /** USD prices by symbol (the app's price source, lib/prices) for the loan-to-value figures. */
  usd?: Readonly<Record<string, number>>;
}) {
  const deployment = useDeployment();
  const { data, loading, error, refetch } = useQuery<PositionData>(POSITION_QUERY, { variables: { id: tokenId } });
  useRefetchOnIndexed(refetch);
  const { live } = usePositionsLive([BigInt(tokenId)]);
  const { day: today } = useChainNow();
  if (error) return <ErrorBox title="This position cannot load">{error.message}</ErrorBox>;
  if (loading && !data) return <SkeletonRows rows={4} />;
  const p = data?.position;
  if (!p) return <ErrorBox title="Unknown position">No position #{tokenId} is indexed.</ErrorBox>;
  const reward = tokenOf(deployment.tokens, p.offering.rewardToken.id);
  const pay = tokenOf(deployment.tokens, p.offering.paymentToken.id);
  const l = live.get(tokenId);
  const when = (ts: string) => new Date(Number(ts) * 1000).toISOString().slice(0, 16).replace("T", " ");
  const history = [
    {
      key: p.purchase.id,
      ts: p.purchase.timestamp,
      text: `Bought ${p.purchase.units} units for ${formatToken(BigInt(p.purchase.totalPrice), pay.decimals, pay.symbol)} (fee ${formatToken(BigInt(p.purchase.fee), pay.decimals, pay.symbol)})`,
      tx: p.purchase.transactionHash,
    },
    ...p.claims.map((c) => ({
      key: c.id,
      ts: c.timestamp,
      text: `Claimed ${formatToken(BigInt(c.amount), reward.decimals, reward.symbol, 6)}`,
      tx: c.transactionHash,
    })),
    ...p.refunds.map((r) => ({
      key: r.id,
      ts: r.timestamp,
      text: `Refunded ${formatToken(BigInt(r.amount), pay.decimals, pay.symbol)}`,
      tx: r.transactionHash,
    })),
    ...p.transfers
      .filter((t) => t.from !== ZERO)
      .map((t) => ({
        key: t.id,
        ts: t.timestamp,
        text: `Transferred ${shortAddress(t.from)} → ${shortAddress(t.to)}`,
        tx: t.transactionHash,
      })),
  ].sort((a, b) => Number(b.ts) - Number(a.ts));

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <section className="card text-sm" aria-labelledby="pos-h">
          <h2 id="pos-h" className="text-lg font-semibold">
            Summary
          </h2>
          <dl className="num mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
            <div>
              <dt className="text-slate-600">Offering</dt>
              <dd>
                <Link className="underline" href={`/offerings/${p.offering.id}`}>
                  #{p.offering.id} {p.offering.minerName}
                </Link>{" "}
                <StatusBadge status={p.offering.status} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Units</dt>
              <dd>
                {p.units} {p.offering.asset.unitLabel}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Owner</dt>
              <dd className="font-mono text-xs">{shortAddress(p.owner.id)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Release</dt>
              <dd>
                {formatDay(p.startDay)} to {formatDay(p.endDay)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Escrowed (net)</dt>
              <dd>{formatToken(BigInt(p.netPaid), pay.decimals, pay.symbol)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Claimed</dt>
              <dd>{formatToken(BigInt(p.claimed), reward.decimals, reward.symbol, 6)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Claimable now</dt>
              <dd>
                {l ? <TickingAmount value={l.claimable} decimals={reward.decimals} symbol={reward.symbol} /> : "…"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Refundable</dt>
              <dd>{l ? formatToken(l.refundable, pay.decimals, pay.symbol) : "…"}</dd>
            </div>
          </dl>
        </section>
        <section className="card text-sm" aria-labelledby="hist-h">
          <h2 id="hist-h" className="text-lg font-semibold">
            History
          </h2>
          <ol className="mt-2 divide-y divide-slate-200">
            {history.map((h) => (
              <li key={h.key} className="py-2">
                <p>{h.text}</p>
                <p className="text-xs text-slate-600">
                  {when(h.ts)} UTC · <span className="font-mono">{shortAddress(h.tx)}</span>
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <div className="space-y-4">
        <PortfolioPayouts offeringId={p.offering.id} />
        {today !== undefined && (
          <PositionTrade
            position={{
              tokenId: p.tokenId,
              owner: p.owner.id,
              locked: p.locked,
              lockedBy: p.lockedBy,
              units: p.units,
              startDay: p.startDay,
              endDay: p.endDay,
              offering: p.offering,
            }}
            live={l}
            pay={pay}
            reward={reward}
            today={today}
          />
        )}
        <BorrowPanel
          position={{
            tokenId: p.tokenId,
            owner: p.owner.id,
            locked: p.locked,
            units: p.units,
            netPaid: p.netPaid,
            refunded: p.refunded,
            offering: p.offering,
          }}
          pay={pay}
          reward={reward}
          usd={usd}
        />
        <NftPreview tokenId={tokenId} />
      </div>
    </div>
  );
}
