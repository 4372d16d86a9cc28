import Link from "next/link";

import { formatToken, shortAddress } from "~/lib/format";
import type { OfferingTradeData } from "~/lib/graphql/tradingTypes";
import {
  fromAuction,
  fromListing,
  isListingLive,
  primaryPerUnitDayByOffering,
  sortMarketItems,
} from "~/lib/trading/market";
import type { TokenInfo, TokenMap } from "~/services/tokens";
import { TradeList } from "~/app/_components/TradeList";

/** The offering's resale side: floor and last sale per unit next to the primary price, and its listings and auctions. */
export function OfferingMarket({
  data,
  pricePerUnit,
  pay,
  tokens,
  nowSeconds,
  today,
  unitLabel,
}: {
  data: OfferingTradeData;
  pricePerUnit: bigint;
  pay: TokenInfo;
  tokens: TokenMap;
  nowSeconds: number;
  today: number;
  unitLabel: string;
}) {
  const listings = data.listings.filter((l) => isListingLive(l, nowSeconds));
  const items = sortMarketItems(
    [...listings.map((l) => fromListing(l, today)), ...data.auctions.map((a) => fromAuction(a, today))],
    "unitDay",
    "asc",
  );
  const o = data.offering;
  const money = (v: string | null | undefined) => (v ? formatToken(BigInt(v), pay.decimals, pay.symbol) : "–");
  return (
    <section aria-labelledby="resale-h" className="card space-y-3 text-sm" data-testid="offering-market">
      <h2 id="resale-h" className="text-lg font-semibold">
        Listings &amp; auctions
      </h2>
      <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Primary price / unit</dt>
          <dd>{formatToken(pricePerUnit, pay.decimals, pay.symbol)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Floor / unit</dt>
          <dd data-testid="offering-floor">{money(o?.floorPricePerUnit)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Last sale / unit</dt>
          <dd>{money(o?.lastSalePricePerUnit)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Reserved for auctions</dt>
          <dd data-testid="offering-reserved">
            {o?.reservedUnits ?? "0"} {unitLabel}
          </dd>
        </div>
      </dl>
      {data.sales.length > 0 && (
        <div>
          <h3 className="font-semibold">Recent sales</h3>
          <ul data-testid="offering-sales">
            {data.sales.map((sale) => (
              <li key={sale.id} className="num">
                <Link className="underline" href={`/portfolio/${sale.position.tokenId}`}>
                  Position #{sale.position.tokenId}
                </Link>{" "}
                for {money(sale.price)} ({money(sale.pricePerUnit)} / unit, fee {money(sale.fee)}),{" "}
                {shortAddress(sale.seller.id)} to {shortAddress(sale.buyer.id)},{" "}
                {new Date(Number(sale.timestamp) * 1000).toISOString().slice(0, 10)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {items.length > 0 ? (
        <TradeList
          items={items}
          nowSeconds={nowSeconds}
          tokens={tokens}
          primaryPerUnitDay={primaryPerUnitDayByOffering([
            ...listings.map((l) => l.offering),
            ...data.auctions.map((a) => a.offering),
          ])}
          caption="Listings and auctions of this offering"
        />
      ) : (
        <p className="text-slate-700">
          No position of this offering is for sale now.{" "}
          <Link className="underline" href="/listings">
            See every listing
          </Link>
          .
        </p>
      )}
    </section>
  );
}
