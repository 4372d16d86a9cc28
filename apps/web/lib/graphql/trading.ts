/**
 * Subgraph queries of trading (issue 11): listings, auctions and their bids, auction balances and
 * DMC trading rewards, with exactly the entity names of packages/subgraph/schema.graphql
 * (the trading spec's Listing, Sale, Auction, Bid, AuctionBalance, TradingEpoch, TradingReward). Result types in lib/graphql/tradingTypes.ts.
 */
import { gql } from "@apollo/client/core";

import { META_FIELDS } from "./queries";

export const LISTING_FIELDS = gql`
  fragment ListingFields on Listing {
    id
    listingId
    units
    price
    pricePerUnit
    feeBps
    expiry
    status
    voidReason
    createdAtTimestamp
    updatedAtTimestamp
    seller { id }
    paymentToken { id }
    position { id tokenId units startDay endDay netPaid claimed rewardSnapshot refunded }
    offering { id offeringId minerName pricePerUnit termStartDay termEndDay status asset { id symbol unitLabel } miner { id name } }
  }
`;

export const AUCTION_FIELDS = gql`
  fragment AuctionFields on Auction {
    id
    auctionId
    kind
    units
    reservePrice
    duration
    minIncrementBps
    feeBps
    hardEnd
    endTime
    status
    leadingBid
    minNextBid
    bidCount
    extensions
    settledAmount
    fee
    createdAtTimestamp
    settledAtTimestamp
    seller { id }
    leader { id }
    winner { id }
    paymentToken { id }
    position { id tokenId units startDay endDay }
    offering { id offeringId minerName pricePerUnit termStartDay termEndDay status saleEnd asset { id symbol unitLabel } miner { id name } }
  }
`;

/** The marketplace's secondary side: live listings (clients drop the expired) and open auctions. */
export const TRADING_MARKET_QUERY = gql`
  ${LISTING_FIELDS}
  ${AUCTION_FIELDS}
  query TradingMarket($now: BigInt!) {
    listings(where: { status: Live, expiry_gt: $now }, orderBy: pricePerUnit, orderDirection: asc, first: 200) {
      ...ListingFields
    }
    auctions(where: { status: Open }, orderBy: createdAtTimestamp, orderDirection: desc, first: 200) {
      ...AuctionFields
    }
  }
`;

/** The auctions page: open ones and the latest closed. */
export const AUCTIONS_QUERY = gql`
  ${AUCTION_FIELDS}
  ${META_FIELDS}
  query Auctions {
    _meta { ...MetaFields }
    open: auctions(where: { status: Open }, orderBy: createdAtTimestamp, orderDirection: desc, first: 100) {
      ...AuctionFields
    }
    closed: auctions(where: { status_not: Open }, orderBy: createdAtTimestamp, orderDirection: desc, first: 20) {
      ...AuctionFields
    }
  }
`;

/** The auction room: the auction and every bid, oldest first (the chart and the extensions). */
export const AUCTION_QUERY = gql`
  ${AUCTION_FIELDS}
  ${META_FIELDS}
  query Auction($id: ID!) {
    _meta { ...MetaFields }
    auction(id: $id) {
      ...AuctionFields
      bids(first: 500, orderBy: timestamp, orderDirection: asc) {
        id
        amount
        endTimeAfter
        extended
        status
        timestamp
        transactionHash
        bidder { id }
      }
    }
  }
`;

/** A position's live listing or open auction (what travels with it is read from the chain). */
export const POSITION_TRADE_QUERY = gql`
  ${LISTING_FIELDS}
  ${AUCTION_FIELDS}
  query PositionTrade($id: ID!) {
    position(id: $id) {
      id
      listing { ...ListingFields }
      auction { ...AuctionFields }
    }
  }
`;

/** Everything an account trades: its listings, auctions, bids and what it can withdraw from the auctions. */
export const ACCOUNT_TRADING_QUERY = gql`
  ${LISTING_FIELDS}
  ${AUCTION_FIELDS}
  query AccountTrading($account: Bytes!) {
    listings(where: { seller: $account, status: Live }, orderBy: createdAtTimestamp, orderDirection: desc, first: 100) {
      ...ListingFields
    }
    auctions(where: { seller: $account }, orderBy: createdAtTimestamp, orderDirection: desc, first: 100) {
      ...AuctionFields
    }
    bids(where: { bidder: $account }, orderBy: timestamp, orderDirection: desc, first: 100) {
      id
      amount
      status
      timestamp
      auction { id auctionId status endTime leadingBid leader { id } paymentToken { id } }
    }
    auctionBalances(where: { account: $account }, first: 20) {
      id
      refundable
      proceeds
      withdrawn
      token { id }
    }
    bidRefunds(where: { bidder: $account }, orderBy: timestamp, orderDirection: desc, first: 20) {
      id
      amount
      timestamp
      token { id }
      auction { id auctionId }
    }
  }
`;

/** The miner desk: the miner's primary auctions and its offerings' reserved units. */
export const MINER_AUCTIONS_QUERY = gql`
  ${AUCTION_FIELDS}
  query MinerAuctions($miner: Bytes!) {
    auctions(where: { seller: $miner, kind: Primary }, orderBy: createdAtTimestamp, orderDirection: desc, first: 100) {
      ...AuctionFields
    }
    offerings(where: { miner: $miner }, orderBy: offeringId, first: 100) {
      id
      reservedUnits
      totalNet
      volume
    }
  }
`;

/** DMC trading rewards: the latest epochs and the account's credit and reward in each. */
export const TRADING_REWARDS_QUERY = gql`
  query TradingRewards($account: Bytes!, $accountId: ID!) {
    tradingEpoches(orderBy: epoch, orderDirection: desc, first: 12) {
      id
      epoch
      startTime
      endTime
      dmcPerEpoch
      capDmcPerFeeUnit
      totalCredit
      accounts
    }
    tradingRewards(where: { account: $account }, first: 100) {
      id
      credit
      fees
      reward
      settled
      epoch { id epoch startTime endTime totalCredit dmcPerEpoch capDmcPerFeeUnit }
    }
    account(id: $accountId) { id tradingRewardsClaimed }
  }
`;

/**
 * An offering's resale market: floor and last sale per unit, reserved units, its live listings (the client
 * drops the expired: this runs beside the offering query, before the chain's time is known) and open auctions.
 */
export const OFFERING_TRADE_QUERY = gql`
  ${LISTING_FIELDS}
  ${AUCTION_FIELDS}
  query OfferingTrade($id: ID!, $offering: String!) {
    offering(id: $id) {
      id
      floorPricePerUnit
      lastSalePricePerUnit
      listingCount
      reservedUnits
    }
    listings(where: { offering: $offering, status: Live }, orderBy: pricePerUnit, orderDirection: asc, first: 20) {
      ...ListingFields
    }
    auctions(where: { offering: $offering, status: Open }, orderBy: createdAtTimestamp, orderDirection: desc, first: 10) {
      ...AuctionFields
    }
    sales(where: { offering: $offering }, orderBy: timestamp, orderDirection: desc, first: 10) {
      id
      price
      fee
      pricePerUnit
      timestamp
      transactionHash
      position { tokenId }
      buyer { id }
      seller { id }
    }
  }
`;
