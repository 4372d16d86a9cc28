import Link from "next/link";

import { formatAmount, formatDay, formatPercent, formatUsd, pluralDays, shortAddress } from "~/lib/format";
import type { OfferingEntity, ProtocolEntity } from "~/lib/graphql/types";
import { offeringApr, offeringDelinquency, termDaysLeft, thresholdsOf } from "~/lib/offering";
import type { PriceTable } from "~/lib/prices";
import { WAD } from "~/lib/rewards";
import { tokenOf, type TokenMap } from "~/services/tokens";
import { OfferingCardView } from "~/components/OfferingCardView";
import { Empty, StatusBadge, Tip } from "~/components/ui";
import { hrefWith, type MarketParams, type SortKey } from "./marketplaceParams";

interface Row {
  o: OfferingEntity;
  price: string;
  reward: string;
  apr: ReturnType<typeof offeringApr>;
  daysLeft: number;
  remaining: bigint;
  flaggable: boolean;
  paySymbol: string;
  rewardSymbol: string;
}

export function OfferingList({ offerings, params, today, tokens, prices, protocol }: { offerings: OfferingEntity[]; params: MarketParams; today: number; tokens: TokenMap; prices: PriceTable; protocol: ProtocolEntity | undefined }) {
  if (offerings.length === 0) return <Empty>No offerings match these filters. Try widening them or reset.</Empty>;
  const t = thresholdsOf(protocol);
  const rows: Row[] = offerings.map((o) => {
    const pay = tokenOf(tokens, o.paymentToken.id);
    const reward = tokenOf(tokens, o.rewardToken.id);
    const perUnit = BigInt(o.expectedDailyRewardPerUnitWad);
    return {
      o,
      price: formatAmount(BigInt(o.pricePerUnit), pay.decimals, 2),
      reward: formatAmount(perUnit / WAD, reward.decimals, 8),
      apr: offeringApr(o, today, pay, reward, prices),
      daysLeft: termDaysLeft(o, today),
      remaining: BigInt(o.unitsTotal) - BigInt(o.unitsSold),
      flaggable: offeringDelinquency(o, today, t).canFlag,
      paySymbol: pay.symbol,
      rewardSymbol: reward.symbol,
    };
  });
  const aprTip = (
    <>
      Expected rewards for the days a purchase today still gets, valued at the reward token&apos;s price, against the price paid:{" "}
      <em>(daily reward × days left × reward price − unit price) ÷ unit price × 365 ÷ days left</em>. The payment is not returned (it goes to
      the miner), so this can be negative. The daily reward is the miner&apos;s own expectation. Prices: {prices.source}
      {prices.asOf ? `, as of ${prices.asOf}` : ""}.
    </>
  );
  const sortLink = (key: SortKey, label: string) => {
    const active = params.sort === key;
    const dir = active && params.dir === "desc" ? "asc" : "desc";
    return (
      <Link href={hrefWith(params, { sort: key, dir, page: 1 })} className="underline-offset-2 hover:underline" aria-label={`Sort by ${label}${active ? `, currently ${params.dir === "desc" ? "descending" : "ascending"}` : ""}`}>
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
              <th scope="col" className="px-3 py-2">Offering</th>
              <th scope="col" className="px-3 py-2 text-right">{sortLink("price", "Unit price")}</th>
              <th scope="col" className="px-3 py-2 text-right">{sortLink("daysLeft", "Term")}</th>
              <th scope="col" className="px-3 py-2 text-right">{sortLink("reward", "Reward / unit / day")}</th>
              <th scope="col" className="px-3 py-2 text-right">
                APR est.<Tip id="apr-tip" label="How the APR estimate is computed">{aprTip}</Tip>
              </th>
              <th scope="col" className="px-3 py-2 text-right">{sortLink("sold", "Sold / left")}</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.o.id} className="border-t border-slate-200 hover:bg-slate-50" data-testid="offering-row">
                <td className="px-3 py-2">
                  <Link href={`/offerings/${r.o.id}`} className="font-medium text-brand-dark underline-offset-2 hover:underline">
                    #{r.o.id} {r.o.minerName}
                  </Link>
                  <div className="text-xs text-slate-600">
                    {r.o.asset.symbol} · {r.o.asset.unitLabel} · miner {shortAddress(r.o.miner.id)}
                  </div>
                </td>
                <td className="num px-3 py-2 text-right">{r.price} {r.paySymbol}</td>
                <td className="num px-3 py-2 text-right">
                  {pluralDays(r.daysLeft)} left
                  <div className="text-xs text-slate-600">ends {formatDay(r.o.termEndDay)}</div>
                </td>
                <td className="num px-3 py-2 text-right">{r.reward} {r.rewardSymbol}</td>
                <td className={`num px-3 py-2 text-right ${r.apr.apr !== null && r.apr.apr < 0 ? "text-red-800" : ""}`}>
                  {formatPercent(r.apr.apr)}
                  <div className="text-xs text-slate-600">{formatUsd(r.apr.rewardsValue)} for {formatUsd(r.apr.cost)}</div>
                </td>
                <td className="num px-3 py-2 text-right">
                  {r.o.unitsSold} / {r.remaining.toString()}
                </td>
                <td className="px-3 py-2"><StatusBadge status={r.o.status} flaggable={r.flaggable} /></td>
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
                ["Unit price", `${r.price} ${r.paySymbol}`],
                ["Term", `${pluralDays(r.daysLeft)} left`],
                ["Reward/unit/day", `${r.reward} ${r.rewardSymbol}`],
                ["APR est.", formatPercent(r.apr.apr)],
                ["Sold / left", `${r.o.unitsSold} / ${r.remaining.toString()}`],
              ]}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
