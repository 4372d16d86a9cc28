/** Result types of lib/graphql/dmc.ts (BigInt fields arrive as decimal strings). */
import type { Meta } from "./types";

export interface PairEntity {
  id: string;
  name: string;
  quoteSymbol: string;
  quoteDecimals: number;
  reserveDmc: string;
  reserveQuote: string;
  /** Quote token per DMC x 1e18. */
  priceWad: string;
  totalSupply: string;
  swapCount: number;
  volumeDmc: string;
  volumeQuote: string;
}

export interface PricePointEntity {
  id: string;
  start: number;
  open: string;
  high: string;
  low: string;
  close: string;
  swapCount: number;
  pair: { id: string };
}

export interface PairSwapEntity {
  id: string;
  buysDmc: boolean;
  dmcIn: string;
  dmcOut: string;
  quoteIn: string;
  quoteOut: string;
  priceWadAfter: string;
  timestamp: string;
  transactionHash: string;
  pair: { id: string; quoteSymbol: string; quoteDecimals: number };
}

export interface DmcMarketData {
  _meta: Meta;
  pairs: PairEntity[];
  pricePoints: PricePointEntity[];
  pairSwaps: PairSwapEntity[];
}

export interface BuybackEntity {
  id: string;
  caller: string;
  amountIn: string;
  dmcOut: string;
  dmcAtTwap: string;
  minOut: string;
  window: string;
  /** Fee-token base units per DMC x 1e18. */
  pricePaidWad: string;
  twapPriceWad: string;
  timestamp: string;
  transactionHash: string;
  token: { id: string };
}

export interface BuybackHistoryData {
  buybackPrograms: {
    id: string;
    maxSlippageBps: number;
    maxInputBps: number;
    minWindow: string;
    maxAge: string;
    totalDmcBought: string;
    conversions: number;
  }[];
  buybackTokens: {
    id: string;
    pair: string | null;
    listed: boolean;
    amountIn: string;
    dmcOut: string;
    dmcAtTwap: string;
    conversions: number;
    prevObservedAt: string;
    lastObservedAt: string;
  }[];
  buybacks: BuybackEntity[];
}
