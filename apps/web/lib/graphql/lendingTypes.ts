/** Hand-written shapes of the lending queries' results (lib/graphql/lending.ts); BigInt and Bytes as strings. */
import type { OfferingStatusName } from "@dmex/money-math";

import type { Meta } from "./types";

export type LoanCollateralKindName = "Position" | "Offering" | "Asset" | "Token";
export type LoanOfferStatusName = "Open" | "Filled" | "Cancelled" | "NonceCancelled";
export type LoanRequestStatusName = "Open" | "Filled" | "Cancelled";
export type LoanStatusName = "Active" | "Repaid" | "Foreclosed";

/** The offering as a loan, an offer or a request carries it. */
export interface LoanOffering {
  id: string;
  offeringId: string;
  minerName: string;
  termStartDay: number;
  termEndDay: number;
  status: OfferingStatusName;
  expectedDailyRewardPerUnitWad: string;
  asset: { id: string; symbol: string; unitLabel: string };
  paymentToken: { id: string };
  rewardToken: { id: string };
}

export interface LoanPosition {
  id: string;
  tokenId: string;
  units: string;
  startDay: number;
  endDay: number;
  netPaid: string;
  refunded: boolean;
  locked: boolean;
  owner: { id: string };
}

/** The money terms every offer, request and loan has. */
export interface LoanTermsFields {
  principal: string;
  aprBps: number;
  /** Seconds from the start to the due date. */
  duration: string;
  minInterest: string;
  rewardPriceWad: string;
  currency: { id: string };
}

export interface LoanOfferEntity extends LoanTermsFields {
  id: string;
  offerId: string;
  collateralKind: LoanCollateralKindName;
  target: string;
  collateralAmount: string;
  minUnits: string;
  minDaysLeft: number;
  maxFills: number;
  fills: number;
  nonce: string;
  expiry: string;
  status: LoanOfferStatusName;
  createdAtTimestamp: string;
  lender: { id: string };
  position: LoanPosition | null;
  offering: LoanOffering | null;
  asset: { id: string; symbol: string; unitLabel: string } | null;
  collateralToken: { id: string } | null;
}

export interface LoanRequestEntity extends LoanTermsFields {
  id: string;
  requestId: string;
  collateralKind: LoanCollateralKindName;
  target: string;
  collateralAmount: string;
  expiry: string;
  status: LoanRequestStatusName;
  createdAtTimestamp: string;
  borrower: { id: string };
  position: LoanPosition | null;
  offering: LoanOffering | null;
  collateralToken: { id: string } | null;
}

export interface RepaymentEntity {
  id: string;
  amount: string;
  interestPaid: string;
  principalPaid: string;
  fee: string;
  principalLeft: string;
  selfRepayment: boolean;
  refinancing: boolean;
  timestamp: string;
  transactionHash: string;
  token: { id: string };
  payer: { id: string };
}

export interface RefinancingEntity {
  id: string;
  aprBps: number;
  oldAprBps: number;
  principal: string;
  dueTime: string;
  oldDueTime: string;
  timestamp: string;
  newLender: { id: string };
  oldLender: { id: string };
}

export interface LoanEntity {
  id: string;
  loanId: string;
  status: LoanStatusName;
  principalOriginal: string;
  principal: string;
  aprBps: number;
  minInterest: string;
  rewardPriceWad: string;
  feeBps: number;
  startTime: string;
  lastAccrualTime: string;
  dueTime: string;
  graceEnd: string;
  gracePeriod: string;
  interestOwed: string;
  minInterestLeft: string;
  repaid: string;
  interestPaid: string;
  principalPaid: string;
  selfRepaying: boolean;
  rewardsApplied: string;
  collateralAmount: string;
  createdAtTimestamp: string;
  closedAtTimestamp: string | null;
  borrower: { id: string };
  lender: { id: string };
  originalLender: { id: string };
  currency: { id: string };
  collateralToken: { id: string } | null;
  position: LoanPosition | null;
  offering: LoanOffering | null;
  repayments?: RepaymentEntity[];
  refinancings?: RefinancingEntity[];
}

export interface MarketRateRow {
  id: string;
  assetId: number;
  day: number;
  avgRewardPerUnitWad: string;
}

export interface LoanCreditEntity {
  id: string;
  amount: string;
  totalCredited: string;
  totalClaimed: string;
  token: { id: string };
}

export interface LendingBookData {
  _meta: Meta;
  loanOffers: LoanOfferEntity[];
  loanRequests: LoanRequestEntity[];
  marketRates: MarketRateRow[];
}

export interface PositionOffersData {
  single: LoanOfferEntity[];
  byOffering: LoanOfferEntity[];
  byAsset: LoanOfferEntity[];
  position: { id: string; loan: LoanEntity | null } | null;
  marketRates: MarketRateRow[];
}

export interface MyLoansData {
  borrowed: LoanEntity[];
  lent: LoanEntity[];
  loanCredits: LoanCreditEntity[];
  loanOffers: LoanOfferEntity[];
  loanRequests: LoanRequestEntity[];
  marketRates: MarketRateRow[];
}

export interface ActiveLoansData {
  loans: LoanEntity[];
}

export interface LoanClock {
  id: string;
  loanId: string;
  dueTime: string;
  graceEnd: string;
}

export interface LoansDueData {
  borrowed: LoanClock[];
  lent: LoanClock[];
}
