import Link from "next/link";

import { META_QUERY, MARKETPLACE_QUERY } from "~/lib/graphql/queries";
import type { MarketplaceData, Meta } from "~/lib/graphql/types";
import { dayOf } from "~/lib/days";
import { loadPrices } from "~/lib/prices";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { ErrorBox } from "~/components/ui";
import { Filters } from "./_components/Filters";
import { OfferingList } from "./_components/OfferingList";
import { buildWhere, hrefWith, PAGE_SIZE, parseParams, SORTS } from "./_components/marketplaceParams";
import { TradeList } from "./_components/TradeList";
import { TRADING_MARKET_QUERY } from "~/lib/graphql/trading";
import type { TradingMarketData } from "~/lib/graphql/tradingTypes";
import {
  filterMarketItems,
  fromAuction,
  fromListing,
  isListingLive,
  parseTradeFilters,
  primaryPerUnitDayByOffering,
  sortMarketItems,
} from "~/lib/trading/market";

export default async function MarketplacePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const params = parseParams(raw);
  const trade = parseTradeFilters(raw);
  const [deployment, prices, meta] = await Promise.all([
    getAppDeployment(),
    loadPrices(),
    querySubgraph<{ _meta: Meta }>(META_QUERY),
  ]);
  if (meta.error !== null) {
    return <ErrorBox title="The marketplace cannot load">{meta.error}</ErrorBox>;
  }
  const nowSeconds = meta.data._meta.block.timestamp ?? Math.floor(Date.now() / 1000);
  const today = dayOf(nowSeconds);
  const usdt = Object.values(deployment.tokens).find((t) => t.symbol === "USDT");
  const priceDecimals = usdt?.decimals ?? 6;
  const { where, errors } = buildWhere(params, today, priceDecimals);
  const [result, tradingResult] = await Promise.all([
    querySubgraph<MarketplaceData>(MARKETPLACE_QUERY, {
      where,
      orderBy: SORTS[params.sort].field,
      orderDirection: params.dir,
      first: PAGE_SIZE + 1,
      skip: (params.page - 1) * PAGE_SIZE,
    }),
    trade.filters.kind === "primary"
      ? Promise.resolve(null)
      : querySubgraph<TradingMarketData>(TRADING_MARKET_QUERY, { now: String(nowSeconds) }),
  ]);
  if (result.error !== null) return <ErrorBox title="The marketplace cannot load">{result.error}</ErrorBox>;
  const { offerings, assets, miners, protocols } = result.data;
  const hasNext = offerings.length > PAGE_SIZE;
  const page = offerings.slice(0, PAGE_SIZE);
  const traded =
    tradingResult?.data === null || tradingResult === null
      ? []
      : [
          ...tradingResult.data.listings.filter((l) => isListingLive(l, nowSeconds)).map((l) => fromListing(l, today)),
          ...tradingResult.data.auctions.map((a) => fromAuction(a, today)),
        ];
  const filteredTrades = filterMarketItems(traded, trade.filters, nowSeconds, priceDecimals);
  const tradeRows = sortMarketItems(filteredTrades.items, trade.sort, trade.dir);
  const primaryPerUnitDay = primaryPerUnitDayByOffering(
    tradingResult?.data ? [...tradingResult.data.listings, ...tradingResult.data.auctions].map((x) => x.offering) : [],
  );
  const showPrimary = (trade.filters.kind === "" || trade.filters.kind === "primary") && !trade.filters.endingSoon;
  const showTrades = trade.filters.kind !== "primary";

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Hashpower marketplace</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Each offering sells units of a miner&apos;s hashpower for a fixed term; the sale closes when the term starts,
          so every buyer pays once for the whole term. Your payment sits in escrow and is released to the miner day by
          day, and the miner deposits each day&apos;s mining reward for the holders. A miner who stops paying, or pays
          too little against the market, can be flagged by anyone.
        </p>
      </div>
      <Filters params={params} assets={assets} miners={miners} priceSymbol={usdt?.symbol ?? "USDT"} />
      {[...errors, ...filteredTrades.errors].length > 0 && (
        <ErrorBox title="Some filters were ignored">
          {[...new Set([...errors, ...filteredTrades.errors])].join(" ")}
        </ErrorBox>
      )}
      {showTrades && (
        <section aria-labelledby="trades-h" className="space-y-2">
          <h2 id="trades-h" className="text-lg font-semibold">
            Listings &amp; auctions
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">
            Positions resold by their holders (fixed price or English auction) and units a miner auctions from its
            offering. A resold position carries its unclaimed rewards and its refund right to the buyer; compare its
            price per remaining unit-day with the primary price per unit-day in brackets.
          </p>
          {tradingResult?.error ? (
            <ErrorBox title="Listings and auctions cannot load">{tradingResult.error}</ErrorBox>
          ) : (
            <TradeList
              items={tradeRows}
              nowSeconds={nowSeconds}
              tokens={deployment.tokens}
              primaryPerUnitDay={primaryPerUnitDay}
              caption="Listings and auctions"
            />
          )}
        </section>
      )}
      {showPrimary && (
        <section aria-labelledby="primary-h" className="space-y-2">
          <h2 id="primary-h" className="text-lg font-semibold">
            Primary offerings
          </h2>
          <OfferingList
            offerings={page}
            params={params}
            nowSeconds={nowSeconds}
            today={today}
            tokens={deployment.tokens}
            prices={prices}
            protocol={protocols[0]}
          />
        </section>
      )}
      <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
        {params.page > 1 ? (
          <Link className="btn-secondary" href={hrefWith(params, { page: params.page - 1 })} rel="prev">
            Previous
          </Link>
        ) : (
          <span />
        )}
        <span className="text-slate-700">Page {params.page}</span>
        {hasNext ? (
          <Link className="btn-secondary" href={hrefWith(params, { page: params.page + 1 })} rel="next">
            Next
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
