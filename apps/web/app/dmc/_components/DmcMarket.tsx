"use client";
/**
 * The DMC page's island: DMC's price chart from the DMC/USDT pair's hourly candles, both pairs' reserves (live from
 * the chain) and recent swaps, the buyback panel (run it) and its history (indexed).
 */
import { useQuery } from "@apollo/client/react/hooks";

import { useDeployment } from "~/components/DeploymentContext";
import { ErrorBox, SkeletonRows } from "~/components/ui";
import { quoteTokenOf, useDefi } from "~/hooks/useDefi";
import { usePairs } from "~/hooks/usePairs";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { formatAmount, formatToken } from "~/lib/format";
import { BUYBACK_HISTORY_QUERY, DMC_MARKET_QUERY } from "~/lib/graphql/dmc";
import type { BuybackHistoryData, DmcMarketData } from "~/lib/graphql/dmcTypes";
import { dmcPriceInQuoteWad } from "~/lib/stake/pair";
import type { TokenInfo } from "~/services/tokens";
import { BuybackHistory } from "./BuybackHistory";
import { BuybackPanel } from "./BuybackPanel";
import { PriceChart } from "./PriceChart";

export function DmcMarket() {
  const deployment = useDeployment();
  const defi = useDefi();
  const market = useQuery<DmcMarketData>(DMC_MARKET_QUERY, { pollInterval: 15_000 });
  const history = useQuery<BuybackHistoryData>(BUYBACK_HISTORY_QUERY, { pollInterval: 15_000 });
  useRefetchOnIndexed(market.refetch);
  useRefetchOnIndexed(history.refetch);
  const pools = defi.lpPools.flatMap((ref) => {
    const quote = quoteTokenOf(defi.tokens, ref.quoteSymbol);
    return quote ? [{ ref, quote }] : [];
  });
  const { states } = usePairs(
    pools.map((p) => ({ pair: p.ref.pair, quoteDecimals: p.quote.decimals })),
    defi.tokens.dmc?.address,
  );
  const usdtPair = defi.dmcUsdtPair?.toLowerCase();
  const points = (market.data?.pricePoints ?? [])
    .filter((p) => p.pair.id.toLowerCase() === usdtPair)
    .map((p) => ({ time: p.start, price: Number(BigInt(p.close)) / 1e18 }));
  const feeTokens = [defi.tokens.usdt, defi.tokens.ifil].filter((t): t is TokenInfo => t !== null);

  return (
    <div className="space-y-4">
      <section className="card space-y-3 text-sm" aria-labelledby="price-h">
        <h2 id="price-h" className="text-lg font-semibold">
          DMC price (DMC/USDT pair)
        </h2>
        {market.error ? (
          <ErrorBox title="The price history cannot load">{market.error.message}</ErrorBox>
        ) : market.loading && !market.data ? (
          <SkeletonRows rows={3} />
        ) : (
          <PriceChart points={points} quoteSymbol="USDT" />
        )}
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Pairs">
          {pools.map((p, i) => {
            const s = states[i];
            const price = s ? dmcPriceInQuoteWad(s) : null;
            return (
              <li key={p.ref.key} className="rounded border border-slate-200 p-3" data-testid={`pair-${p.ref.key}`}>
                <p className="font-semibold">{p.ref.label}</p>
                {s ? (
                  <dl className="num grid grid-cols-2 gap-1">
                    <dt className="text-slate-600">Reserves</dt>
                    <dd data-testid={`reserves-${p.ref.key}`}>
                      {formatToken(s.reserveDmc, 18, "DMC", 0)} +{" "}
                      {formatToken(s.reserveQuote, p.quote.decimals, p.quote.symbol, 2)}
                    </dd>
                    <dt className="text-slate-600">Price</dt>
                    <dd data-testid={`price-${p.ref.key}`}>
                      {price === null ? "no liquidity" : `${formatAmount(price, 18, 6)} ${p.quote.symbol} per DMC`}
                    </dd>
                    <dt className="text-slate-600">LP tokens</dt>
                    <dd>{formatAmount(s.totalSupply, 18, 2)}</dd>
                  </dl>
                ) : (
                  <div className="skeleton h-16 w-full" aria-hidden="true" />
                )}
              </li>
            );
          })}
        </ul>
        {(market.data?.pairSwaps.length ?? 0) > 0 && (
          <details>
            <summary className="cursor-pointer">Recent swaps</summary>
            <ul className="mt-1 space-y-1">
              {market.data?.pairSwaps.map((s) => (
                <li key={s.id} className="num">
                  {new Date(Number(s.timestamp) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC:{" "}
                  {s.buysDmc
                    ? `bought ${formatToken(BigInt(s.dmcOut), 18, "DMC", 2)} for ${formatToken(BigInt(s.quoteIn), s.pair.quoteDecimals, s.pair.quoteSymbol, 2)}`
                    : `sold ${formatToken(BigInt(s.dmcIn), 18, "DMC", 2)} for ${formatToken(BigInt(s.quoteOut), s.pair.quoteDecimals, s.pair.quoteSymbol, 2)}`}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {defi.buyback ? (
        <BuybackPanel buyback={defi.buyback} splitter={defi.splitter} tokens={feeTokens} />
      ) : (
        <ErrorBox title="The buyback is not deployed">This deployment has no FeeBuyback contract.</ErrorBox>
      )}
      <section className="card text-sm" aria-labelledby="history-h">
        <h2 id="history-h" className="text-lg font-semibold">
          Buyback history
        </h2>
        {history.error ? (
          <ErrorBox title="The buyback history cannot load">{history.error.message}</ErrorBox>
        ) : history.loading && !history.data ? (
          <SkeletonRows rows={3} />
        ) : (
          <BuybackHistory buybacks={history.data?.buybacks ?? []} tokens={deployment.tokens} />
        )}
      </section>
    </div>
  );
}
