/**
 * Subgraph queries of lending (issue 12), with exactly the entity names of packages/subgraph/schema.graphql
 * (section "lending": LoanOffer, LoanRequest, Loan, Repayment, Refinancing, Foreclosure, LoanCredit).
 * Result types in lib/graphql/lendingTypes.ts.
 */
import { gql } from "@apollo/client/core";

import { META_FIELDS } from "./queries";

/** The offering as a loan's collateral carries it: its term, asset, tokens and status. */
const LOAN_OFFERING =
  "id offeringId minerName termStartDay termEndDay status expectedDailyRewardPerUnitWad asset { id symbol unitLabel } paymentToken { id } rewardToken { id }";
const LOAN_POSITION = "id tokenId units startDay endDay netPaid refunded locked owner { id }";

export const LOAN_OFFER_FIELDS = gql`
  fragment LoanOfferFields on LoanOffer {
    id
    offerId
    principal
    aprBps
    duration
    minInterest
    rewardPriceWad
    collateralKind
    target
    collateralAmount
    minUnits
    minDaysLeft
    maxFills
    fills
    nonce
    expiry
    status
    createdAtTimestamp
    lender { id }
    currency { id }
    position { ${LOAN_POSITION} }
    offering { ${LOAN_OFFERING} }
    asset { id symbol unitLabel }
    collateralToken { id }
  }
`;

export const LOAN_REQUEST_FIELDS = gql`
  fragment LoanRequestFields on LoanRequest {
    id
    requestId
    principal
    aprBps
    duration
    minInterest
    rewardPriceWad
    collateralKind
    target
    collateralAmount
    expiry
    status
    createdAtTimestamp
    borrower { id }
    currency { id }
    position { ${LOAN_POSITION} }
    offering { ${LOAN_OFFERING} }
    collateralToken { id }
  }
`;

export const LOAN_FIELDS = gql`
  fragment LoanFields on Loan {
    id
    loanId
    status
    principalOriginal
    principal
    aprBps
    minInterest
    rewardPriceWad
    feeBps
    startTime
    lastAccrualTime
    dueTime
    graceEnd
    gracePeriod
    interestOwed
    minInterestLeft
    repaid
    interestPaid
    principalPaid
    selfRepaying
    rewardsApplied
    collateralAmount
    createdAtTimestamp
    closedAtTimestamp
    borrower { id }
    lender { id }
    originalLender { id }
    currency { id }
    collateralToken { id }
    position { ${LOAN_POSITION} }
    offering { ${LOAN_OFFERING} }
  }
`;

const REPAYMENT =
  "id amount interestPaid principalPaid fee principalLeft selfRepayment refinancing timestamp transactionHash token { id } payer { id }";
const MARKET_RATES =
  "marketRates(first: 60, orderBy: day, orderDirection: desc) { id assetId day avgRewardPerUnitWad }";

/** The order book: open offers and requests (clients drop the expired), and the oracle's latest rates (LTV). */
export const LENDING_BOOK_QUERY = gql`
  ${LOAN_OFFER_FIELDS}
  ${LOAN_REQUEST_FIELDS}
  ${META_FIELDS}
  query LendingBook($now: BigInt!) {
    _meta { ...MetaFields }
    loanOffers(where: { status: Open, expiry_gt: $now }, orderBy: aprBps, orderDirection: asc, first: 300) {
      ...LoanOfferFields
    }
    loanRequests(where: { status: Open, expiry_gt: $now }, orderBy: aprBps, orderDirection: desc, first: 300) {
      ...LoanRequestFields
    }
    ${MARKET_RATES}
  }
`;

/** Offers a position could take: for it alone, for its offering, or for its asset. */
export const POSITION_OFFERS_QUERY = gql`
  ${LOAN_OFFER_FIELDS}
  ${LOAN_FIELDS}
  query PositionOffers($now: BigInt!, $tokenId: BigInt!, $offeringId: BigInt!, $assetId: BigInt!, $position: ID!) {
    single: loanOffers(where: { status: Open, expiry_gt: $now, collateralKind: Position, target: $tokenId }, first: 50) {
      ...LoanOfferFields
    }
    byOffering: loanOffers(where: { status: Open, expiry_gt: $now, collateralKind: Offering, target: $offeringId }, first: 100) {
      ...LoanOfferFields
    }
    byAsset: loanOffers(where: { status: Open, expiry_gt: $now, collateralKind: Asset, target: $assetId }, first: 100) {
      ...LoanOfferFields
    }
    position(id: $position) { id loan { ...LoanFields } }
    ${MARKET_RATES}
  }
`;

/** The connected account's loans, as borrower and as lender, with their payments; its credits. */
export const MY_LOANS_QUERY = gql`
  ${LOAN_FIELDS}
  ${LOAN_OFFER_FIELDS}
  ${LOAN_REQUEST_FIELDS}
  query MyLoans($account: Bytes!) {
    borrowed: loans(where: { borrower: $account }, orderBy: dueTime, orderDirection: asc, first: 100) {
      ...LoanFields
      repayments(first: 200, orderBy: timestamp, orderDirection: asc) { ${REPAYMENT} }
      refinancings(first: 20, orderBy: timestamp, orderDirection: asc) { id aprBps oldAprBps principal dueTime oldDueTime timestamp newLender { id } oldLender { id } }
    }
    lent: loans(where: { lender: $account }, orderBy: dueTime, orderDirection: asc, first: 100) {
      ...LoanFields
      repayments(first: 200, orderBy: timestamp, orderDirection: asc) { ${REPAYMENT} }
      refinancings(first: 20, orderBy: timestamp, orderDirection: asc) { id aprBps oldAprBps principal dueTime oldDueTime timestamp newLender { id } oldLender { id } }
    }
    loanCredits(where: { account: $account }, first: 20) { id amount totalCredited totalClaimed token { id } }
    loanOffers(where: { lender: $account, status: Open }, orderBy: createdAtTimestamp, orderDirection: desc, first: 50) {
      ...LoanOfferFields
    }
    loanRequests(where: { borrower: $account, status: Open }, orderBy: createdAtTimestamp, orderDirection: desc, first: 50) {
      ...LoanRequestFields
    }
    ${MARKET_RATES}
  }
`;

/** Active loans anyone may take over (refinance) or foreclose: the latest by due date. */
export const ACTIVE_LOANS_QUERY = gql`
  ${LOAN_FIELDS}
  query ActiveLoans {
    loans(where: { status: Active }, orderBy: dueTime, orderDirection: asc, first: 100) {
      ...LoanFields
    }
  }
`;

/** The due-soon banner: the account's active loans (borrowed and lent) and their clocks. */
export const LOANS_DUE_QUERY = gql`
  query LoansDue($account: Bytes!) {
    borrowed: loans(where: { borrower: $account, status: Active }, orderBy: dueTime, first: 50) { id loanId dueTime graceEnd }
    lent: loans(where: { lender: $account, status: Active }, orderBy: dueTime, first: 50) { id loanId dueTime graceEnd }
  }
`;
