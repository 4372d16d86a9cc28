/** Hand-written shapes of the insurance queries' results (lib/graphql/insurance.ts); BigInt and Bytes as strings. */
import type { OfferingStatusName } from "@dmex/money-math";

import type { Meta } from "./types";

export type InsuranceClaimStatusName = "Open" | "Executed" | "Rejected" | "Closed";

export interface PayoutEntity {
  id: string;
  payoutId: string;
  requested: string;
  total: string;
  perUnit: string;
  units: string;
  fromSlashed: string;
  fromPot: string;
  fromFund: string;
  claimed: string;
  claimCount: number;
  claimDeadline: string;
  expired: boolean;
  returnedToFund: string;
  executedAt: string;
  offering: {
    id: string;
    offeringId: string;
    minerName: string;
    status: OfferingStatusName;
    asset: { id: string; symbol: string; unitLabel: string };
  };
}

export interface InsurancePoolEntity {
  id: string;
  fund: string;
  pot: string;
  slashed: string;
  unclaimed: string;
  totalShares: string;
  underwriterCount: number;
  cooldown: string;
  window: string;
  claimDuration: string;
  maxPotShareBps: number;
  nextCooldown: string;
  nextWindow: string;
  nextClaimDuration: string;
  nextMaxPotShareBps: number;
  paramsEffectiveAt: string;
  openClaims: number;
  freezeEnd: string;
  claimCount: number;
  payoutCount: number;
  payoutsClaimed: string;
  premiumTokens: { id: string; listed: boolean; deposited: string; paid: string; carry: string }[];
}

export interface UnderwriterEntity {
  id: string;
  shares: string;
  deposited: string;
  withdrawn: string;
  requestShares: string;
  requestReadyAt: string | null;
  requestExpiresAt: string | null;
  updatedAtTimestamp?: string;
}

export interface InsuranceClaimEntity {
  id: string;
  claimId: string;
  openedBy: string;
  openedAt: string;
  expiresAt: string;
  status: InsuranceClaimStatusName;
  endedAt: string | null;
  offering: { id: string; offeringId: string; minerName: string; status: OfferingStatusName };
  payout: { id: string } | null;
}

export interface InsuranceData {
  _meta: Meta | null;
  insurancePools: InsurancePoolEntity[];
  underwriters: UnderwriterEntity[];
  insuranceClaims: InsuranceClaimEntity[];
  insurancePoolPayouts: PayoutEntity[];
  premiumDeposits: {
    id: string;
    from: string;
    amount: string;
    distributed: string;
    carried: string;
    timestamp: string;
    transactionHash: string;
    token: { id: string };
  }[];
  slashedStakes: {
    id: string;
    amount: string;
    deposited: string;
    paidOut: string;
    offering: { id: string; minerName: string };
  }[];
}

export interface UnderwriterData {
  underwriter:
    | (UnderwriterEntity & { premiums: { id: string; owed: string; claimed: string; token: { id: string } }[] })
    | null;
}

export interface PayoutPositionEntity {
  id: string;
  tokenId: string;
  units: string;
  locked: boolean;
  lockedBy: string | null;
  refundToLocker: boolean;
  offering: { id: string };
  payoutClaims: { id: string; amount: string; to: string; timestamp: string; payout: { id: string } }[];
}

export interface PayoutPositionsData {
  positions: PayoutPositionEntity[];
  loans: {
    id: string;
    loanId: string;
    borrower: { id: string };
    position: { id: string; tokenId: string; units: string; refundToLocker: boolean; offering: { id: string } } | null;
  }[];
}

export interface OfferingPayoutsData {
  insurancePoolPayouts: PayoutEntity[];
}

export interface OpenPayoutsData {
  insurancePoolPayouts: PayoutEntity[];
}
