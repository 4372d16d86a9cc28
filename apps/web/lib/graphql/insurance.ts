/**
 * Subgraph queries of the mutual insurance pool (issue 13): the pool's pots and parameters, underwriters,
 * premium tokens and deposits, payout claims and executed payouts, and the positions of paid-out offerings an
 * account holds or lent against. Entity names of packages/subgraph/schema.graphql (InsurancePool, Underwriter,
 * UnderwriterPremium, PremiumToken, PremiumDeposit, InsuranceClaim, InsurancePoolPayout, PayoutClaim,
 * SlashedStake). Result types in insuranceTypes.ts.
 */
import { gql } from "@apollo/client/core";

import { META_FIELDS } from "./queries";

export const PAYOUT_FIELDS = gql`
  fragment PayoutFields on InsurancePoolPayout {
    id payoutId requested total perUnit units fromSlashed fromPot fromFund claimed claimCount claimDeadline expired
    returnedToFund executedAt
    offering { id offeringId minerName status asset { id symbol unitLabel } }
  }
`;

export const INSURANCE_QUERY = gql`
  ${META_FIELDS}
  ${PAYOUT_FIELDS}
  query InsurancePool {
    _meta { ...MetaFields }
    insurancePools(first: 1) {
      id fund pot slashed unclaimed totalShares underwriterCount cooldown window claimDuration maxPotShareBps
      nextCooldown nextWindow nextClaimDuration nextMaxPotShareBps paramsEffectiveAt openClaims freezeEnd claimCount
      payoutCount payoutsClaimed
      premiumTokens(first: 8) { id listed deposited paid carry }
    }
    underwriters(where: { shares_gt: "0" }, orderBy: shares, orderDirection: desc, first: 50) {
      id shares deposited withdrawn requestShares requestReadyAt requestExpiresAt updatedAtTimestamp
    }
    insuranceClaims(orderBy: claimId, orderDirection: desc, first: 50) {
      id claimId openedBy openedAt expiresAt status endedAt
      offering { id offeringId minerName status }
      payout { id }
    }
    insurancePoolPayouts(orderBy: payoutId, orderDirection: desc, first: 50) { ...PayoutFields }
    premiumDeposits(orderBy: timestamp, orderDirection: desc, first: 20) {
      id from amount distributed carried timestamp transactionHash
      token { id }
    }
    slashedStakes(where: { amount_gt: "0" }, first: 50) { id amount deposited paidOut offering { id minerName } }
  }
`;

export const UNDERWRITER_QUERY = gql`
  query Underwriter($id: ID!) {
    underwriter(id: $id) {
      id shares deposited withdrawn requestShares requestReadyAt requestExpiresAt
      premiums(first: 8) { id owed claimed token { id } }
    }
  }
`;

/**
 * The positions of the offerings with a payout that `owner` holds, and the loans it gave against such
 * positions (a pledged position's payout waits in the NFT; a foreclosure brings it to the lender).
 */
export const PAYOUT_POSITIONS_QUERY = gql`
  query PayoutPositions($owner: Bytes!, $lender: Bytes!, $offerings: [String!]!) {
    positions(where: { owner: $owner, offering_in: $offerings }, orderBy: tokenId, first: 200) {
      id tokenId units locked lockedBy refundToLocker
      offering { id }
      payoutClaims(first: 10) { id amount to timestamp payout { id } }
    }
    loans(where: { lender: $lender, status: Active, offering_in: $offerings }, first: 100) {
      id loanId
      borrower { id }
      position { id tokenId units refundToLocker offering { id } }
    }
  }
`;

/** Executed payouts of one offering (the position page shows the claim beside the position). */
export const OFFERING_PAYOUTS_QUERY = gql`
  ${PAYOUT_FIELDS}
  query OfferingPayouts($offering: String!) {
    insurancePoolPayouts(where: { offering: $offering }, orderBy: payoutId, orderDirection: desc, first: 10) {
      ...PayoutFields
    }
  }
`;

/** Executed payouts still open to claims (the portfolio checks the account's positions against them). */
export const OPEN_PAYOUTS_QUERY = gql`
  ${PAYOUT_FIELDS}
  query OpenPayouts {
    insurancePoolPayouts(where: { expired: false }, orderBy: payoutId, orderDirection: desc, first: 50) { ...PayoutFields }
  }
`;
