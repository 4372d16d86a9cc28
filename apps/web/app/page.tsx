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

export default async function MarketplacePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = parseParams(await searchParams);
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
  const result = await querySubgraph<MarketplaceData>(MARKETPLACE_QUERY, {
    where,
    orderBy: SORTS[params.sort].field,
    orderDirection: params.dir,
    first: PAGE_SIZE + 1,
    skip: (params.page - 1) * PAGE_SIZE,
  });
  if (result.error !== null) return <ErrorBox title="The marketplace cannot load">{result.error}</ErrorBox>;
  const { offerings, assets, miners, protocols } = result.data;
  const hasNext = offerings.length > PAGE_SIZE;
  const page = offerings.slice(0, PAGE_SIZE);

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
      {errors.length > 0 && <ErrorBox title="Some filters were ignored">{errors.join(" ")}</ErrorBox>}
      <OfferingList
        offerings={page}
        params={params}
        nowSeconds={nowSeconds}
        today={today}
        tokens={deployment.tokens}
        prices={prices}
        protocol={protocols[0]}
      />
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
