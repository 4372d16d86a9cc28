import Link from "next/link";

import { formatAmount, formatDay, formatPercent, formatUsd, pluralDays, shortAddress } from "~/lib/format";
import type { OfferingEntity, ProtocolEntity } from "~/lib/graphql/types";
import {
  offeringApr,
  offeringDelinquency,
  offeringPricePerDay,
  saleText,
  termDays,
  termDaysLeft,
  thresholdsOf,
} from "~/lib/offering";
import type { PriceTable } from "~/lib/prices";
import { WAD } from "~/lib/rewards";
import { tokenOf, type TokenMap } from "~/services/tokens";
import { OfferingCardView } from "~/components/OfferingCardView";
import { Empty, StatusBadge, Tip } from "~/components/ui";
import { hrefWith, type MarketParams, type SortKey } from "./marketplaceParams";

const neg = (apr: number | null) => apr !== null && apr < 0;

interface Row {
  o: OfferingEntity;
  price: string;
  pricePerDay: string;
  reward: string;
  apr: ReturnType<typeof offeringApr>;
  termDays: number;
  daysLeft: number;
  sale: string;
  remaining: bigint;
  flaggable: boolean;
  paySymbol: string;
  rewardSymbol: string;
}

export function OfferingList({
  offerings,
  params,
  nowSeconds,
  today,
  tokens,
  prices,
  protocol,
}: {
  offerings: OfferingEntity[];
  params: MarketParams;
  nowSeconds: number;
  today: number;
  tokens: TokenMap;
  prices: PriceTable;
  protocol: ProtocolEntity | undefined;
}) {
  if (offerings.length === 0) return <Empty>No offerings match these filters. Try widening them or reset.</Empty>;
  const t = thresholdsOf(protocol);
  const rows: Row[] = offerings.map((o) => {
    const pay = tokenOf(tokens, o.paymentToken.id);
    const reward = tokenOf(tokens, o.rewardToken.id);
    const perUnit = BigInt(o.expectedDailyRewardPerUnitWad);
    return {
      o,
      price: formatAmount(BigInt(o.pricePerUnit), pay.decimals, 2),
      pricePerDay: formatAmount(offeringPricePerDay(o), pay.decimals, 6),
      reward: formatAmount(perUnit / WAD, reward.decimals, 8),
      apr: offeringApr(o, pay, reward, prices),
      termDays: termDays(o),
      daysLeft: termDaysLeft(o, today),
      sale: saleText(o, nowSeconds),
      remaining: BigInt(o.unitsTotal) - BigInt(o.unitsSold),
      flaggable: offeringDelinquency(o, today, t).canFlag,
      paySymbol: pay.symbol,
      rewardSymbol: reward.symbol,
    };
  });
  const aprTip = (
    <>
      A buyer pays the unit price for the whole term (the sale closes when it starts) and earns every term day&apos;s
      reward. So: <em>(daily reward × term days × reward price − unit price) ÷ unit price × 365 ÷ term days</em>. The
      payment is not returned (it goes to the miner), so this is negative when the rewards do not cover the price. The
      daily reward is the miner&apos;s own expectation; the second line uses what the offering actually paid so far.
      Prices: {prices.source}
      {prices.asOf ? `, as of ${prices.asOf}` : ""}.
    </>
  );
  const sortLink = (key: SortKey, label: string) => {
    const active = params.sort === key;
    const dir = active && params.dir === "desc" ? "asc" : "desc";
    return (
      <Link
        href={hrefWith(params, { sort: key, dir, page: 1 })}
        className="underline-offset-2 hover:underline"
        aria-label={`Sort by ${label}${active ? `, currently ${params.dir === "desc" ? "descending" : "ascending"}` : ""}`}
      >
        {label}
        {active ? (params.dir === "desc" ? " ↓" : " ↑") : ""}
      </Link>
    );
  };

  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="card w-full p-0 text-sm">
          <caption className="sr-only">Offerings</caption>
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Offering
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {sortLink("price", "Unit price")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Per unit per day
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {sortLink("daysLeft", "Term")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {sortLink("reward", "Reward / unit / day")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                APR est.
                <Tip id="apr-tip" label="How the APR estimate is computed">
                  {aprTip}
                </Tip>
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {sortLink("sold", "Sold / left")}
              </th>
              <th scope="col" className="px-3 py-2">
                Sale
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.o.id} className="border-t border-slate-200 hover:bg-slate-50" data-testid="offering-row">
                <td className="px-3 py-2">
                  <Link
                    href={`/offerings/${r.o.id}`}
                    className="font-medium text-brand-dark underline-offset-2 hover:underline"
                  >
                    #{r.o.id} {r.o.minerName}
                  </Link>
                  <div className="text-xs text-slate-600">
                    {r.o.asset.symbol} · {r.o.asset.unitLabel} · miner {shortAddress(r.o.miner.id)}
                  </div>
                </td>
                <td className="num px-3 py-2 text-right">
                  {r.price} {r.paySymbol}
                  <div className="text-xs text-slate-600">for {pluralDays(r.termDays)}</div>
                </td>
                <td className="num px-3 py-2 text-right" data-testid="price-per-day">
                  {r.pricePerDay} {r.paySymbol}
                </td>
                <td className="num px-3 py-2 text-right">
                  {pluralDays(r.termDays)}
                  <div className="text-xs text-slate-600">
                    {r.o.termStartDay > today
                      ? `starts ${formatDay(r.o.termStartDay)}`
                      : r.daysLeft > 0
                        ? `${pluralDays(r.daysLeft)} left`
                        : `ended ${formatDay(r.o.termEndDay)}`}
                  </div>
                </td>
                <td className="num px-3 py-2 text-right">
                  {r.reward} {r.rewardSymbol}
                </td>
                <td className={`num px-3 py-2 text-right ${neg(r.apr.expected.apr) ? "text-red-800" : ""}`}>
                  {formatPercent(r.apr.expected.apr)}
                  <div className="text-xs text-slate-600">
                    {formatUsd(r.apr.expected.rewardsValue)} for {formatUsd(r.apr.expected.cost)}
                  </div>
                  {r.apr.actual && (
                    <div
                      className={`text-xs ${neg(r.apr.actual.apr) ? "font-semibold text-red-800" : "text-slate-700"}`}
                    >
                      paid so far: {formatPercent(r.apr.actual.apr)}
                    </div>
                  )}
                </td>
                <td className="num px-3 py-2 text-right">
                  {r.o.unitsSold} / {r.remaining.toString()}
                </td>
                <td className="px-3 py-2 text-xs" data-testid="sale-state">
                  {r.sale}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={r.o.status} flaggable={r.flaggable} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="grid gap-3 md:hidden" aria-label="Offerings">
        {rows.map((r) => (
          <li key={r.o.id}>
            <OfferingCardView
              title={`#${r.o.id} ${r.o.minerName}`}
              href={`/offerings/${r.o.id}`}
              badge={<StatusBadge status={r.o.status} flaggable={r.flaggable} />}
              rows={[
                ["Asset", `${r.o.asset.symbol} (${r.o.asset.unitLabel})`],
                ["Unit price", `${r.price} ${r.paySymbol} for ${pluralDays(r.termDays)}`],
                ["Per unit per day", `${r.pricePerDay} ${r.paySymbol}`],
                [
                  "Term",
                  r.o.termStartDay > today ? `starts ${formatDay(r.o.termStartDay)}` : `${pluralDays(r.daysLeft)} left`,
                ],
                ["Reward/unit/day", `${r.reward} ${r.rewardSymbol}`],
                [
                  "APR est.",
                  r.apr.actual
                    ? `${formatPercent(r.apr.expected.apr)} (paid so far: ${formatPercent(r.apr.actual.apr)})`
                    : formatPercent(r.apr.expected.apr),
                ],
                ["Sold / left", `${r.o.unitsSold} / ${r.remaining.toString()}`],
                ["Sale", r.sale],
              ]}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
