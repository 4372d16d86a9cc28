/** Hand-written shapes of the trading queries' results (lib/graphql/trading.ts); BigInt and Bytes as strings. */
import type { OfferingStatusName } from "@dmex/money-math";

import type { Meta } from "./types";

export type ListingStatusName = "Live" | "Sold" | "Cancelled" | "Void";
export type AuctionKindName = "Secondary" | "Primary";
export type AuctionStatusName = "Open" | "Settled" | "Cancelled" | "Withdrawn";
export type BidStatusName = "Leading" | "Refundable" | "Refunded" | "Won";

/** The offering as a listing or an auction carries it. */
export interface TradedOffering {
  id: string;
  offeringId: string;
  minerName: string;
  pricePerUnit: string;
  termStartDay: number;
  termEndDay: number;
  status: OfferingStatusName;
  saleEnd?: string;
  asset: { id: string; symbol: string; unitLabel: string };
  miner: { id: string; name: string };
}

export interface ListingEntity {
  id: string;
  listingId: string;
  units: string;
  /** Fee included, payment-token base units. */
  price: string;
  pricePerUnit: string;
  feeBps: number;
  expiry: string;
  status: ListingStatusName;
  voidReason: string | null;
  createdAtTimestamp: string;
  updatedAtTimestamp: string;
  seller: { id: string };
  paymentToken: { id: string };
  position: {
    id: string;
    tokenId: string;
    units: string;
    startDay: number;
    endDay: number;
    netPaid: string;
    claimed: string;
    rewardSnapshot: string;
    refunded: boolean;
  };
  offering: TradedOffering;
}

export interface AuctionEntity {
  id: string;
  auctionId: string;
  kind: AuctionKindName;
  units: string;
  reservePrice: string;
  duration: string;
  minIncrementBps: number;
  feeBps: number;
  hardEnd: string;
  /** Null until the first bid. */
  endTime: string | null;
  status: AuctionStatusName;
  leadingBid: string | null;
  minNextBid: string;
  bidCount: number;
  extensions: number;
  settledAmount: string | null;
  fee: string | null;
  createdAtTimestamp: string;
  settledAtTimestamp: string | null;
  seller: { id: string };
  leader: { id: string } | null;
  winner: { id: string } | null;
  paymentToken: { id: string };
  position: { id: string; tokenId: string; units: string; startDay: number; endDay: number } | null;
  offering: TradedOffering;
}

export interface BidEntity {
  id: string;
  amount: string;
  endTimeAfter: string;
  extended: boolean;
  status: BidStatusName;
  timestamp: string;
  transactionHash: string;
  bidder: { id: string };
}

export interface TradingMarketData {
  listings: ListingEntity[];
  auctions: AuctionEntity[];
}

export interface SaleEntity {
  id: string;
  price: string;
  fee: string;
  pricePerUnit: string;
  timestamp: string;
  transactionHash: string;
  position: { tokenId: string };
  buyer: { id: string };
  seller: { id: string };
}

/** One outbid (or withdrawn leading) bid credited for pull. */
export interface BidRefundEntity {
  id: string;
  amount: string;
  timestamp: string;
  token: { id: string };
  auction: { id: string; auctionId: string };
}

export interface AuctionsData {
  _meta: Meta;
  open: AuctionEntity[];
  closed: AuctionEntity[];
}

export interface AuctionData {
  _meta: Meta;
  auction: (AuctionEntity & { bids: BidEntity[] }) | null;
}

export interface PositionTradeData {
  position: { id: string; listing: ListingEntity | null; auction: AuctionEntity | null } | null;
}

export interface AuctionBalanceEntity {
  id: string;
  refundable: string;
  proceeds: string;
  withdrawn: string;
  token: { id: string };
}

export interface AccountTradingData {
  listings: ListingEntity[];
  auctions: AuctionEntity[];
  bids: {
    id: string;
    amount: string;
    status: BidStatusName;
    timestamp: string;
    auction: {
      id: string;
      auctionId: string;
      status: AuctionStatusName;
      endTime: string | null;
      leadingBid: string | null;
      leader: { id: string } | null;
      paymentToken: { id: string };
    };
  }[];
  auctionBalances: AuctionBalanceEntity[];
  bidRefunds: BidRefundEntity[];
}

export interface MinerAuctionsData {
  auctions: AuctionEntity[];
  offerings: { id: string; reservedUnits: string; totalNet: string; volume: string }[];
}

export interface TradingEpochEntity {
  id: string;
  epoch: number;
  startTime: string;
  endTime: string;
  dmcPerEpoch: string;
  capDmcPerFeeUnit: string;
  totalCredit: string;
  accounts: number;
}

export interface TradingRewardEntity {
  id: string;
  credit: string;
  fees: number;
  /** Set once the epoch is settled for the account (RewardsSettled). */
  reward: string | null;
  settled: boolean;
  epoch: Omit<TradingEpochEntity, "accounts">;
}

export interface TradingRewardsData {
  tradingEpoches: TradingEpochEntity[];
  tradingRewards: TradingRewardEntity[];
  account: { id: string; tradingRewardsClaimed: string } | null;
}

export interface OfferingTradeData {
  offering: {
    id: string;
    /** Cheapest live listing per unit, in the offering's payment-token units (null without one). */
    floorPricePerUnit: string | null;
    lastSalePricePerUnit: string | null;
    listingCount: number;
    reservedUnits: string;
  } | null;
  listings: ListingEntity[];
  auctions: AuctionEntity[];
  /** The offering's last listing sales, newest first. */
  sales: SaleEntity[];
}
