import type { Metadata } from "next";
import Link from "next/link";

import { ErrorBox } from "~/components/ui";
import { dayOf } from "~/lib/days";
import { META_QUERY } from "~/lib/graphql/queries";
import type { Meta } from "~/lib/graphql/types";
import { TRADING_MARKET_QUERY } from "~/lib/graphql/trading";
import type { TradingMarketData } from "~/lib/graphql/tradingTypes";
import { fromListing, isListingLive, primaryPerUnitDayByOffering, sortMarketItems } from "~/lib/trading/market";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { TradeList } from "../_components/TradeList";

export const metadata: Metadata = { title: "Listings" };

export default async function ListingsPage() {
  const [deployment, meta] = await Promise.all([getAppDeployment(), querySubgraph<{ _meta: Meta }>(META_QUERY)]);
  if (meta.error !== null) return <ErrorBox title="The listings cannot load">{meta.error}</ErrorBox>;
  const nowSeconds = meta.data._meta.block.timestamp ?? Math.floor(Date.now() / 1000);
  const result = await querySubgraph<TradingMarketData>(TRADING_MARKET_QUERY, { now: String(nowSeconds) });
  if (result.error !== null) return <ErrorBox title="The listings cannot load">{result.error}</ErrorBox>;
  const today = dayOf(nowSeconds);
  const live = result.data.listings.filter((l) => isListingLive(l, nowSeconds));
  const items = sortMarketItems(
    live.map((l) => fromListing(l, today)),
    "unitDay",
    "asc",
  );
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Listings</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Positions their holders sell at a fixed price (a 2% trading fee is included in the price). A position keeps
          its unclaimed rewards and its refund right when it changes hands, and the buyer is protected: the purchase
          fails if the price went up or the rewards were claimed after you looked. Cheapest per remaining unit-day
          first; the primary price per unit-day is in brackets.{" "}
          <Link className="underline" href="/?kind=listing">
            Filter them on the marketplace
          </Link>
          .
        </p>
      </div>
      <TradeList
        items={items}
        nowSeconds={nowSeconds}
        tokens={deployment.tokens}
        primaryPerUnitDay={primaryPerUnitDayByOffering(live.map((l) => l.offering))}
        caption="Live listings"
      />
    </div>
  );
}
