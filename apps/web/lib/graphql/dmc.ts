/**
 * The DMC page's indexed data (packages/subgraph/schema.graphql, issue 13): the Uniswap V2 pairs with DMC, their
 * hourly price candles for the chart, recent swaps, and the fee buyback's program, tokens and conversions. Result
 * types in lib/graphql/dmcTypes.ts.
 */
import { gql } from "@apollo/client/core";

import { META_FIELDS } from "./queries";

export const DMC_MARKET_QUERY = gql`
  ${META_FIELDS}
  query DmcMarket {
    _meta { ...MetaFields }
    pairs(first: 10, orderBy: name) {
      id name quoteSymbol quoteDecimals reserveDmc reserveQuote priceWad totalSupply swapCount volumeDmc volumeQuote
    }
    pricePoints(where: { interval: Hour }, orderBy: start, orderDirection: desc, first: 1000) {
      id start open high low close swapCount pair { id }
    }
    pairSwaps(first: 10, orderBy: timestamp, orderDirection: desc) {
      id buysDmc dmcIn dmcOut quoteIn quoteOut priceWadAfter timestamp transactionHash pair { id quoteSymbol quoteDecimals }
    }
  }
`;

export const BUYBACK_HISTORY_QUERY = gql`
  query BuybackHistory {
    buybackPrograms(first: 1) { id maxSlippageBps maxInputBps minWindow maxAge totalDmcBought conversions }
    buybackTokens(first: 10) { id pair listed amountIn dmcOut dmcAtTwap conversions prevObservedAt lastObservedAt }
    buybacks(first: 50, orderBy: timestamp, orderDirection: desc) {
      id caller amountIn dmcOut dmcAtTwap minOut window pricePaidWad twapPriceWad timestamp transactionHash
      token { id }
    }
  }
`;
