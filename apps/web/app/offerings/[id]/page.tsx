import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { BuyPanelIsland, DefaultActionsIsland, NftPreviewIsland } from "~/components/islands";
import { ErrorBox, StatusBadge } from "~/components/ui";
import { dayOf } from "~/lib/days";
import { formatAmount, formatDay, formatPercent, formatToken, formatUsd, pluralDays, shortAddress } from "~/lib/format";
import { OFFERING_QUERY } from "~/lib/graphql/queries";
import type { OfferingData } from "~/lib/graphql/types";
import { decodeDisclosure, offeringApr, offeringDelinquency, offeringEscrow, saleOpen, termDaysLeft, thresholdsOf } from "~/lib/offering";
import { loadPrices } from "~/lib/prices";
import { WAD } from "~/lib/rewards";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { tokenOf } from "~/services/tokens";
import { Disclosure } from "./_components/Disclosure";
import { EscrowProgress } from "./_components/EscrowProgress";
import { RewardChart } from "./_components/RewardChart";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Offering #${(await params).id}` };
}

export default async function OfferingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const [deployment, prices, result] = await Promise.all([getAppDeployment(), loadPrices(), querySubgraph<OfferingData>(OFFERING_QUERY, { id, offering: id })]);
  if (result.error !== null) return <ErrorBox title="This offering cannot load">{result.error}</ErrorBox>;
  const o = result.data.offering;
  if (o === null) notFound();
  const nowSeconds = result.data._meta.block.timestamp ?? Math.floor(Date.now() / 1000);
  const today = dayOf(nowSeconds);
  const protocol = result.data.protocols[0];
  const t = thresholdsOf(protocol);
  const pay = tokenOf(deployment.tokens, o.paymentToken.id);
  const reward = tokenOf(deployment.tokens, o.rewardToken.id);
  const apr = offeringApr(o, today, pay, reward, prices);
  const d = offeringDelinquency(o, today, t);
  const escrow = offeringEscrow(o, today);
  const disclosure = decodeDisclosure(o.metadataURI);
  const remaining = BigInt(o.unitsTotal) - BigInt(o.unitsSold);
  const open = saleOpen(o, nowSeconds);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/" className="underline-offset-2 hover:underline">Marketplace</Link> / Offering #{o.id}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">#{o.id} {o.minerName}</h1>
        <StatusBadge status={o.status} flaggable={d.canFlag} />
        {!open && o.status === "Active" && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">sale closed</span>}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="terms-h" className="card">
            <h2 id="terms-h" className="text-lg font-semibold">Terms</h2>
            <dl className="num mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
              <div><dt className="text-slate-600">Asset</dt><dd>{o.asset.symbol}, per {o.asset.unitLabel}</dd></div>
              <div><dt className="text-slate-600">Unit price</dt><dd>{formatToken(BigInt(o.pricePerUnit), pay.decimals, pay.symbol)}</dd></div>
              <div><dt className="text-slate-600">Channel fee</dt><dd>{(o.feeBps / 100).toFixed(2)}% (to escrow: {formatToken(BigInt(o.netPricePerUnit), pay.decimals, pay.symbol)})</dd></div>
              <div><dt className="text-slate-600">Term</dt><dd>{formatDay(o.termStartDay)} to {formatDay(o.termEndDay)}</dd></div>
              <div><dt className="text-slate-600">Days left</dt><dd>{pluralDays(termDaysLeft(o, today))}</dd></div>
              <div><dt className="text-slate-600">Sale window</dt><dd>until {new Date(Number(o.saleEnd) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC</dd></div>
              <div><dt className="text-slate-600">Expected reward</dt><dd>{formatAmount(BigInt(o.expectedDailyRewardPerUnitWad) / WAD, reward.decimals, 8)} {reward.symbol} / unit / day</dd></div>
              <div><dt className="text-slate-600">APR estimate</dt><dd>{formatPercent(apr.apr)} <span className="text-xs text-slate-600">({formatUsd(apr.rewardsValue)} rewards over {pluralDays(apr.daysLeft)} for {formatUsd(apr.cost)}; prices: {prices.source})</span></dd></div>
              <div><dt className="text-slate-600">Units sold / left</dt><dd>{o.unitsSold} / {remaining.toString()} of {o.unitsTotal}</dd></div>
              <div><dt className="text-slate-600">Miner</dt><dd className="font-mono text-xs">{shortAddress(o.miner.id)}</dd></div>
              <div><dt className="text-slate-600">Rewards deposited</dt><dd>{formatToken(BigInt(o.rewardsDeposited), reward.decimals, reward.symbol)}</dd></div>
            </dl>
          </section>

          <EscrowProgress released={escrow.released} held={escrow.held} refunded={escrow.refunded} withdrawn={BigInt(o.withdrawn)} total={BigInt(o.totalNet)} token={pay} day={escrow.day} status={o.status} />

          <section aria-labelledby="chart-h" className="card">
            <h2 id="chart-h" className="text-lg font-semibold">Daily reward per unit vs. market average</h2>
            <RewardChart days={result.data.offeringDays} decimals={reward.decimals} symbol={reward.symbol} minRatioBps={t.minRewardRatioBps} />
          </section>

          <section aria-labelledby="default-h" className="card">
            <h2 id="default-h" className="text-lg font-semibold">Delinquency</h2>
            <dl className="num mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
              <div><dt className="text-slate-600">Last covered day</dt><dd>{formatDay(o.lastCoveredDay)}</dd></div>
              <div><dt className="text-slate-600">Missed days</dt><dd data-testid="missed-days">{d.missedDays} of {t.missedDaysThreshold} allowed</dd></div>
              <div><dt className="text-slate-600">Low-reward streak</dt><dd>{o.lowStreak} of {t.lowStreakThreshold}</dd></div>
              <div><dt className="text-slate-600">Threshold</dt><dd>{t.minRewardRatioBps / 100}% of market</dd></div>
            </dl>
            <p className="mt-3 text-sm" data-testid="flag-status">
              {o.status === "Flagged" && <>Flagged on {formatDay(o.flaggedDay)} ({o.flagReason}); escrow release is paused until governance resumes or halts it.</>}
              {o.status === "Halted" && <>Halted: release froze on {formatDay(o.flaggedDay)}; holders can pull their unreleased escrow from the portfolio.</>}
              {o.status === "Active" && d.canFlag && <>The default conditions hold now ({d.reason === "MissedDeposits" ? `${d.missedDays} days without a deposit` : `${o.lowStreak} low days in a row`}): anyone can flag this offering.</>}
              {o.status === "Active" && !d.canFlag && (d.missedFlagDay !== null ? <>If no deposit arrives, the missed-deposit flag could fire on {formatDay(d.missedFlagDay)}.</> : <>No flag can fire: the term is over or no units are sold.</>)}
            </p>
            <DefaultActionsIsland offeringId={o.id} status={o.status} />
          </section>

          <Disclosure doc={disclosure} uri={o.metadataURI} />
        </div>

        <div className="space-y-6">
          <BuyPanelIsland
            offering={{ id: o.id, pricePerUnit: o.pricePerUnit, netPricePerUnit: o.netPricePerUnit, feeBps: o.feeBps, remaining: remaining.toString(), open, status: o.status }}
            token={pay}
          />
          <NftPreviewIsland tokenId={o.positions[0]?.tokenId ?? null} />
        </div>
      </div>
    </div>
  );
}
