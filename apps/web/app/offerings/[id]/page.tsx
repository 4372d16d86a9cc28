import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { BuyPanelIsland, DefaultActionsIsland, NftPreviewIsland } from "~/components/islands";
import { ErrorBox, StatusBadge } from "~/components/ui";
import { dayOf } from "~/lib/days";
import { formatAmount, formatDay, formatPercent, formatToken, formatUsd, pluralDays, shortAddress } from "~/lib/format";
import { OFFERING_QUERY } from "~/lib/graphql/queries";
import type { OfferingData } from "~/lib/graphql/types";
import {
  decodeDisclosure,
  offeringApr,
  offeringEscrow,
  offeringPricePerDay,
  salePhase,
  saleText,
  termDays,
  termDaysLeft,
  thresholdsOf,
  utcText,
  windowOf,
} from "~/lib/offering";
import { loadPrices } from "~/lib/prices";
import { flagReasonText, protection, reasonText } from "~/lib/protection";
import { WAD } from "~/lib/rewards";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { tokenOf } from "~/services/tokens";
import { BuyerProtection } from "./_components/BuyerProtection";
import { Disclosure } from "./_components/Disclosure";
import { EscrowProgress } from "./_components/EscrowProgress";
import { OfferingMarket } from "./_components/OfferingMarket";
import { RewardChart } from "./_components/RewardChart";
import { OFFERING_TRADE_QUERY } from "~/lib/graphql/trading";
import type { OfferingTradeData } from "~/lib/graphql/tradingTypes";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Offering #${(await params).id}` };
}

export default async function OfferingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const [deployment, prices, result, trade] = await Promise.all([
    getAppDeployment(),
    loadPrices(),
    querySubgraph<OfferingData>(OFFERING_QUERY, { id, offering: id }),
    // The resale side is optional: an indexer without the trading entities leaves it out.
    querySubgraph<OfferingTradeData>(OFFERING_TRADE_QUERY, { id, offering: id }),
  ]);
  if (result.error !== null) return <ErrorBox title="This offering cannot load">{result.error}</ErrorBox>;
  const o = result.data.offering;
  if (o === null) notFound();
  const nowSeconds = result.data._meta.block.timestamp ?? Math.floor(Date.now() / 1000);
  const today = dayOf(nowSeconds);
  const protocol = result.data.protocols[0];
  const t = thresholdsOf(protocol);
  const pay = tokenOf(deployment.tokens, o.paymentToken.id);
  const reward = tokenOf(deployment.tokens, o.rewardToken.id);
  const apr = offeringApr(o, pay, reward, prices);
  const p = protection({ ...o, unitsSold: BigInt(o.unitsSold), window: windowOf(o) }, today, t);
  const d = p.d;
  const escrow = offeringEscrow(o, today);
  const disclosure = decodeDisclosure(o.metadataURI);
  const remaining = BigInt(o.unitsTotal) - BigInt(o.unitsSold);
  const phase = salePhase(o, nowSeconds);
  const days = termDays(o);
  const termStartUtc = `${formatDay(o.termStartDay)} 00:00 UTC`;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/" className="underline-offset-2 hover:underline">
          Marketplace
        </Link>{" "}
        / Offering #{o.id}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          #{o.id} {o.minerName}
        </h1>
        <StatusBadge status={o.status} flaggable={d.canFlag} />
        {phase === "term-running" && (
          <span
            className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800"
            data-testid="sale-badge"
          >
            sale closed — term running
          </span>
        )}
        {(phase === "closed" || phase === "sold-out") && (
          <span
            className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800"
            data-testid="sale-badge"
          >
            sale {phase === "sold-out" ? "sold out" : "closed"}
          </span>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="terms-h" className="card">
            <h2 id="terms-h" className="text-lg font-semibold">
              Terms
            </h2>
            <dl className="num mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-600">Asset</dt>
                <dd>
                  {o.asset.symbol}, per {o.asset.unitLabel}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Unit price</dt>
                <dd>{formatToken(BigInt(o.pricePerUnit), pay.decimals, pay.symbol)} for the whole term</dd>
              </div>
              <div>
                <dt className="text-slate-600">Price per unit per day</dt>
                <dd data-testid="price-per-day">
                  {formatToken(offeringPricePerDay(o), pay.decimals, pay.symbol, 6)} / {o.asset.unitLabel} / day of
                  mining
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Channel fee</dt>
                <dd>
                  {(o.feeBps / 100).toFixed(2)}% (to escrow:{" "}
                  {formatToken(BigInt(o.netPricePerUnit), pay.decimals, pay.symbol)})
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Term</dt>
                <dd>
                  {pluralDays(days)}: {formatDay(o.termStartDay)} to {formatDay(o.termEndDay)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Days left</dt>
                <dd>{pluralDays(termDaysLeft(o, today))}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Sale</dt>
                <dd data-testid="sale-window">{saleText(o, nowSeconds)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Expected reward</dt>
                <dd>
                  {formatAmount(BigInt(o.expectedDailyRewardPerUnitWad) / WAD, reward.decimals, 8)} {reward.symbol} /
                  unit / day
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">APR estimate</dt>
                <dd data-testid="apr">
                  {formatPercent(apr.expected.apr)}{" "}
                  <span className="text-xs text-slate-600">
                    (expected rewards over the {days}-day term: {formatUsd(apr.expected.rewardsValue)} for{" "}
                    {formatUsd(apr.expected.cost)}; prices: {prices.source})
                  </span>
                  {apr.actual && (
                    <span className="block text-xs text-slate-700" data-testid="apr-actual">
                      At what it paid over {pluralDays(apr.coveredDays)} covered:{" "}
                      <span
                        className={
                          apr.actual.apr !== null && apr.actual.apr < 0 ? "font-semibold text-red-800" : "font-semibold"
                        }
                      >
                        {formatPercent(apr.actual.apr)}
                      </span>
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Units sold / left</dt>
                <dd>
                  {o.unitsSold} / {remaining.toString()} of {o.unitsTotal}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Miner</dt>
                <dd className="font-mono text-xs">{shortAddress(o.miner.id)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Rewards deposited</dt>
                <dd>{formatToken(BigInt(o.rewardsDeposited), reward.decimals, reward.symbol)}</dd>
              </div>
            </dl>
          </section>

          <EscrowProgress
            released={escrow.released}
            held={escrow.held}
            refunded={escrow.refunded}
            withdrawn={BigInt(o.withdrawn)}
            total={BigInt(o.totalNet)}
            token={pay}
            day={escrow.day}
            status={o.status}
            holdbackDays={o.holdbackDays}
          />

          {trade.data !== null && (
            <OfferingMarket
              data={trade.data}
              pricePerUnit={BigInt(o.pricePerUnit)}
              pay={pay}
              tokens={deployment.tokens}
              nowSeconds={nowSeconds}
              today={today}
              unitLabel={o.asset.unitLabel}
            />
          )}

          <section aria-labelledby="chart-h" className="card">
            <h2 id="chart-h" className="text-lg font-semibold">
              Daily reward per unit vs. market average
            </h2>
            <RewardChart
              days={result.data.offeringDays}
              decimals={reward.decimals}
              symbol={reward.symbol}
              minRatioBps={t.minRewardRatioBps}
              minCoverageBps={t.minCoverageBps}
            />
          </section>

          <BuyerProtection
            p={p}
            t={t}
            status={
              <>
                {o.status === "Flagged" && (
                  <>
                    Flagged on {formatDay(o.flaggedOnDay)} ({flagReasonText(o.flagReason)}); escrow release is frozen at{" "}
                    {formatDay(o.frozenDay)} until governance resumes or halts it.
                  </>
                )}
                {o.status === "Halted" && (
                  <>
                    Halted: release froze at {formatDay(o.frozenDay)}; holders can pull their unreleased escrow from the
                    portfolio.
                  </>
                )}
                {o.status === "Active" && d.canFlag && (
                  <>The default conditions hold now ({reasonText(d, t)}): anyone can flag this offering.</>
                )}
                {o.status === "Active" &&
                  !d.canFlag &&
                  (BigInt(o.unitsSold) === 0n ? (
                    <>No units are sold yet: there is nothing to protect.</>
                  ) : d.flagsAllowed ? (
                    <>No rule is broken now.</>
                  ) : (
                    <>
                      No flag can be raised any more: the flag window closed {pluralDays(t.postTermFlagDays)} after the
                      term.
                    </>
                  ))}
              </>
            }
          >
            <DefaultActionsIsland offeringId={o.id} status={o.status} />
          </BuyerProtection>

          <Disclosure doc={disclosure} uri={o.metadataURI} />
        </div>

        <div className="space-y-6">
          <BuyPanelIsland
            offering={{
              id: o.id,
              pricePerUnit: o.pricePerUnit,
              netPricePerUnit: o.netPricePerUnit,
              feeBps: o.feeBps,
              remaining: remaining.toString(),
              phase,
              status: o.status,
              termDays: days,
              termStart: termStartUtc,
              saleStart: utcText(o.saleStart),
            }}
            token={pay}
          />
          <NftPreviewIsland tokenId={o.positions[0]?.tokenId ?? null} />
        </div>
      </div>
    </div>
  );
}
