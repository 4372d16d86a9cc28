/**
 * Subgraph queries (packages/subgraph/schema.graphql). Result types are written by hand in
 * lib/graphql/types.ts; BigInt and Bytes arrive as strings and are parsed where used.
 */
import { gql } from "@apollo/client/core";

export const OFFERING_FIELDS = gql`
  fragment OfferingFields on Offering {
    id
    offeringId
    minerName
    metadataURI
    unitsTotal
    unitsSold
    pricePerUnit
    netPricePerUnit
    feeBps
    saleStart
    saleEnd
    termStartDay
    termEndDay
    expectedDailyRewardPerUnitWad
    status
    flagReason
    frozenDay
    flaggedOnDay
    holdbackDays
    lastCoveredDay
    recentShares
    releasedAtHalt
    unreleasedEscrow
    totalNet
    withdrawn
    refunded
    accRewardPerUnit
    rewardsDeposited
    rewardsClaimed
    volume
    positionCount
    miner { id name }
    asset { id symbol unitLabel }
    paymentToken { id }
    rewardToken { id }
  }
`;

export const META_FIELDS = gql`
  fragment MetaFields on _Meta_ {
    block { number timestamp }
    hasIndexingErrors
  }
`;

export const PROTOCOL_FIELDS = gql`
  fragment ProtocolFields on Protocol {
    id
    channelFeeBps
    missedDaysThreshold
    windowDays
    minRewardRatioBps
    minCoverageBps
    postTermFlagDays
    offeringCount
    positionCount
    accountCount
    minerCount
    offeringsFlagged
    offeringsHalted
    purchaseCount
    unitsSold
    volume
    fees
    feesCollected
    totalNet
    escrowWithdrawn
    refunded
    rewardsDeposited
    rewardsClaimed
  }
`;

export const MARKETPLACE_QUERY = gql`
  ${OFFERING_FIELDS}
  ${META_FIELDS}
  ${PROTOCOL_FIELDS}
  query Marketplace($where: Offering_filter, $orderBy: Offering_orderBy, $orderDirection: OrderDirection, $first: Int!, $skip: Int!) {
    _meta { ...MetaFields }
    protocols(first: 1) { ...ProtocolFields }
    offerings(where: $where, orderBy: $orderBy, orderDirection: $orderDirection, first: $first, skip: $skip) { ...OfferingFields }
    assets(first: 100, orderBy: assetId) { id symbol unitLabel }
    miners(first: 100, orderBy: name) { id name }
  }
`;

export const OFFERING_QUERY = gql`
  ${OFFERING_FIELDS}
  ${META_FIELDS}
  ${PROTOCOL_FIELDS}
  query Offering($id: ID!, $offering: String!) {
    _meta { ...MetaFields }
    protocols(first: 1) { ...ProtocolFields }
    offering(id: $id) {
      ...OfferingFields
      withdrawals(first: 20, orderBy: blockNumber, orderDirection: desc) { id amount releasedToDate releasedDay timestamp }
      flags(first: 10, orderBy: blockNumber, orderDirection: desc) { id action by day reason timestamp }
      positions(first: 1, orderBy: tokenId) { id tokenId }
    }
    offeringDays(where: { offering: $offering, covered: true }, orderBy: day, orderDirection: desc, first: 60) {
      id day rewardAmount rewardPerUnitWad marketAvgPerUnitWad sharePerMille exactRate
    }
  }
`;

export const PORTFOLIO_QUERY = gql`
  ${OFFERING_FIELDS}
  ${META_FIELDS}
  query Portfolio($owner: Bytes!) {
    _meta { ...MetaFields }
    positions(where: { owner: $owner }, orderBy: tokenId, orderDirection: desc, first: 200) {
      id tokenId units purchaseDay startDay endDay netPaid totalPrice fee rewardSnapshot claimed refunded refundedAmount status locked lockedBy rewardsToLocker refundToLocker
      offering { ...OfferingFields }
    }
  }
`;

export const POSITION_QUERY = gql`
  ${OFFERING_FIELDS}
  query Position($id: ID!) {
    position(id: $id) {
      id tokenId units purchaseDay startDay endDay netPaid totalPrice fee rewardSnapshot claimed refunded refundedAmount status locked lockedBy rewardsToLocker refundToLocker
      owner { id }
      buyer { id }
      offering { ...OfferingFields }
      purchase { id totalPrice fee units timestamp transactionHash }
      claims(first: 100, orderBy: blockNumber, orderDirection: desc) { id amount timestamp transactionHash }
      refunds(first: 10) { id amount timestamp transactionHash }
      transfers(first: 100, orderBy: blockNumber, orderDirection: desc) { id from to timestamp transactionHash }
    }
  }
`;

export const MINER_QUERY = gql`
  ${OFFERING_FIELDS}
  ${META_FIELDS}
  ${PROTOCOL_FIELDS}
  query MinerDesk($miner: Bytes!) {
    _meta { ...MetaFields }
    protocols(first: 1) { ...ProtocolFields }
    offerings(where: { miner: $miner }, orderBy: offeringId, first: 100) {
      ...OfferingFields
      approvedDepositors
      withdrawals(first: 5, orderBy: blockNumber, orderDirection: desc) { id amount releasedToDate releasedDay timestamp }
    }
    depositorOf: depositors(where: { account: $miner, approved: true }, first: 100) {
      id
      offering {
        ...OfferingFields
        withdrawals(first: 5, orderBy: blockNumber, orderDirection: desc) { id amount releasedToDate releasedDay timestamp }
      }
    }
    marketRates(first: 40, orderBy: day, orderDirection: desc) { id oracle assetId day avgRewardPerUnitWad finalAt }
  }
`;

export const PROTOCOL_QUERY = gql`
  ${PROTOCOL_FIELDS}
  ${META_FIELDS}
  query ProtocolPage {
    _meta { ...MetaFields }
    protocols(first: 1) { ...ProtocolFields }
    protocolDays(first: 60, orderBy: day, orderDirection: desc) {
      id day date purchases unitsSold volume fees rewardsDeposited rewardsClaimed escrowWithdrawn refunded
      tokenDays(first: 10) { id token { id } rewardsDeposited rewardsClaimed }
    }
    dmcAllocations(first: 20, orderBy: amount, orderDirection: desc) { id recipient amount label }
    parameters(first: 100, orderBy: name) { id contract name value updatedAt history(first: 1000) { id } }
    insurancePayouts(first: 20, orderBy: timestamp, orderDirection: desc) { id token to amount reason timestamp }
    marketRateFeeds(first: 20, orderBy: assetId) {
      id oracle assetId latestDay reportCount correctionCount
      asset { id symbol unitLabel rewardTokens(where: { listed: true }) { id token { id } } }
      latest { id day avgRewardPerUnitWad finalAt }
    }
    marketRateCorrections(first: 10, orderBy: timestamp, orderDirection: desc) {
      id assetId day oldAvgRewardPerUnitWad newAvgRewardPerUnitWad reporter timestamp
    }
  }
`;

export const META_QUERY = gql`
  query Meta { _meta { block { number timestamp } } }
`;
