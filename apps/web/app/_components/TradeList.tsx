import Link from "next/link";

import { formatAmount, pluralDays } from "~/lib/format";
import type { MarketItem } from "~/lib/trading/market";
import { formatCountdown } from "~/lib/trading/clock";
import { tokenOf, type TokenMap } from "~/services/tokens";
import { Empty } from "~/components/ui";

const KIND_LABEL = { primary: "Primary sale", listing: "Listing", auction: "Auction" } as const;
const KIND_STYLE = {
  primary: "bg-sky-100 text-sky-900",
  listing: "bg-emerald-100 text-emerald-900",
  auction: "bg-violet-100 text-violet-900",
} as const;

/**
 * Listings and auctions (and, when asked, primary offerings) in one table: price per unit, price per
 * remaining unit-day (what compares a resale with the primary price), days left and when it ends.
 */
export function TradeList({
  items,
  nowSeconds,
  tokens,
  primaryPerUnitDay,
  caption,
}: {
  items: readonly MarketItem[];
  nowSeconds: number;
  tokens: TokenMap;
  /** Offering id -> its primary price per unit-day (base units), to compare with. */
  primaryPerUnitDay: ReadonlyMap<string, bigint>;
  caption: string;
}) {
  if (items.length === 0) return <Empty>No listings or auctions match these filters.</Empty>;
  return (
    <div className="card overflow-x-auto p-0">
      <table className="w-full text-left text-sm" data-testid="trade-list">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Offer
            </th>
            <th scope="col" className="px-3 py-2">
              Hashpower
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Price
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Per unit
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Per unit-day (primary)
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Days left
            </th>
            <th scope="col" className="px-3 py-2">
              Ends
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((i) => {
            const pay = tokenOf(tokens, i.paymentToken);
            const primary = primaryPerUnitDay.get(i.offeringId);
            const left = i.endsAt === null ? null : i.endsAt - nowSeconds;
            return (
              <tr key={i.key} data-testid={`trade-row-${i.key}`}>
                <td className="px-3 py-2">
                  <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${KIND_STYLE[i.kind]}`}>
                    {KIND_LABEL[i.kind]}
                  </span>
                  <Link className="font-medium underline-offset-2 hover:underline" href={i.href}>
                    {i.title}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {i.units.toString()} {i.unitLabel} {i.assetSymbol} · {i.minerName} (#{i.offeringId})
                </td>
                <td className="num px-3 py-2 text-right">
                  {formatAmount(i.price, pay.decimals, 2)} {pay.symbol}
                  {i.kind === "auction" && <span className="block text-xs text-slate-600">min. next bid</span>}
                </td>
                <td className="num px-3 py-2 text-right">{formatAmount(i.pricePerUnit, pay.decimals, 2)}</td>
                <td className="num px-3 py-2 text-right">
                  {i.pricePerUnitDay === null ? "–" : formatAmount(i.pricePerUnitDay, pay.decimals, 4)}
                  {primary !== undefined && i.kind !== "primary" && (
                    <span className="block text-xs text-slate-600">({formatAmount(primary, pay.decimals, 4)})</span>
                  )}
                </td>
                <td className="num px-3 py-2 text-right">{pluralDays(i.daysLeft)}</td>
                <td className="num px-3 py-2">
                  {i.kind === "auction" && i.endsAt === null
                    ? "clock starts at the first bid"
                    : left !== null && left > 0
                      ? `in ${formatCountdown(left)}`
                      : "ended"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
