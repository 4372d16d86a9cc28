/** Hand-written shapes of the subgraph query results (BigInt/Bytes as strings). */
import type { FlagReasonName, OfferingStatusName } from "@dmex/money-math";

export interface Meta {
  block: { number: number; timestamp: number | null };
  hasIndexingErrors?: boolean;
}

export interface ProtocolEntity {
  id: string;
  channelFeeBps: number;
  /** DefaultThresholds, as the last DefaultThresholdsSet emitted them. */
  missedDaysThreshold: number;
  windowDays: number;
  minRewardRatioBps: number;
  minCoverageBps: number;
  postTermFlagDays: number;
  offeringCount: number;
  positionCount: number;
  accountCount: number;
  minerCount: number;
  offeringsFlagged: number;
  offeringsHalted: number;
  purchaseCount: number;
  unitsSold: string;
  volume: string;
  fees: string;
  feesCollected: string;
  totalNet: string;
  escrowWithdrawn: string;
  refunded: string;
  rewardsDeposited: string;
  rewardsClaimed: string;
}

export interface OfferingEntity {
  id: string;
  offeringId: string;
  minerName: string;
  metadataURI: string;
  unitsTotal: string;
  unitsSold: string;
  pricePerUnit: string;
  netPricePerUnit: string;
  feeBps: number;
  saleStart: string;
  saleEnd: string;
  termStartDay: number;
  termEndDay: number;
  expectedDailyRewardPerUnitWad: string;
  status: OfferingStatusName;
  flagReason: FlagReasonName;
  /** Release never passes this day while flagged or halted (0 if never flagged). */
  frozenDay: number;
  /** The day the current (or last) flag was raised (0 if never flagged). */
  flaggedOnDay: number;
  /** The end-of-term holdback (HoldbackSet): the release of the last `holdbackDays` term days waits for their deposits. */
  holdbackDays: number;
  lastCoveredDay: number;
  /** The judged window as the contract packs it (decode with @dmex/money-math decodeRecentShares): share i covers lastCoveredDay - i. */
  recentShares: string;
  /** Escrow released when halted and what release left in escrow (null unless halted). */
  releasedAtHalt: string | null;
  unreleasedEscrow: string | null;
  totalNet: string;
  withdrawn: string;
  refunded: string;
  accRewardPerUnit: string;
  rewardsDeposited: string;
  rewardsClaimed: string;
  volume: string;
  positionCount: number;
  miner: { id: string; name: string };
  asset: { id: string; symbol: string; unitLabel: string };
  paymentToken: { id: string };
  rewardToken: { id: string };
}

export interface WithdrawalEntity {
  id: string;
  amount: string;
  releasedToDate: string;
  releasedDay: number;
  timestamp: string;
}
export interface FlagEntity {
  id: string;
  action: "Flagged" | "Resumed" | "Halted";
  by: string;
  day: number;
  reason: FlagReasonName;
  timestamp: string;
}
/** A covered day: what it paid per unit, the market average it was judged against and its capped share. */
export interface OfferingDayEntity {
  id: string;
  day: number;
  rewardAmount: string;
  rewardPerUnitWad: string | null;
  marketAvgPerUnitWad: string | null;
  /** Per-mille share of the market, rounded down, capped at 1000 (null until covered). */
  sharePerMille: number | null;
  /** False when the oracle was over a day late and the day was judged against its latest final report. */
  exactRate: boolean | null;
}
/** An oracle report as indexed: correctable until `finalAt` (report time + CORRECTION_WINDOW), final from then on. */
export interface MarketRateEntity {
  id: string;
  oracle: string;
  assetId: number;
  day: number;
  avgRewardPerUnitWad: string;
  finalAt: string;
}

export interface PositionEntity {
  id: string;
  tokenId: string;
  units: string;
  purchaseDay: number;
  startDay: number;
  endDay: number;
  netPaid: string;
  totalPrice: string;
  fee: string;
  rewardSnapshot: string;
  claimed: string;
  refunded: boolean;
  refundedAmount: string;
  status: "Active" | "Locked" | "Refunded";
  locked: boolean;
  /** The locker holding the position (a loan, an auction, a stake), null when free. */
  lockedBy: string | null;
  /** While locked: its rewards are paid to the lock holder, and only it may claim them. */
  rewardsToLocker: boolean;
  /** While locked: a halted offering's refund is paid to the lock holder (a loan: never the unpaid borrower). */
  refundToLocker: boolean;
  offering: OfferingEntity;
}

export interface MarketplaceData {
  _meta: Meta;
  protocols: ProtocolEntity[];
  offerings: OfferingEntity[];
  assets: { id: string; symbol: string; unitLabel: string }[];
  miners: { id: string; name: string }[];
}

export interface OfferingData {
  _meta: Meta;
  protocols: ProtocolEntity[];
  offering:
    | (OfferingEntity & {
        withdrawals: WithdrawalEntity[];
        flags: FlagEntity[];
        positions: { id: string; tokenId: string }[];
      })
    | null;
  offeringDays: OfferingDayEntity[];
}

export interface PortfolioData {
  _meta: Meta;
  positions: PositionEntity[];
}

export interface PositionData {
  position:
    | (PositionEntity & {
        owner: { id: string };
        buyer: { id: string };
        purchase: {
          id: string;
          totalPrice: string;
          fee: string;
          units: string;
          timestamp: string;
          transactionHash: string;
        };
        claims: { id: string; amount: string; timestamp: string; transactionHash: string }[];
        refunds: { id: string; amount: string; timestamp: string; transactionHash: string }[];
        transfers: { id: string; from: string; to: string; timestamp: string; transactionHash: string }[];
      })
    | null;
}

export type MinerOfferingEntity = OfferingEntity & { withdrawals: WithdrawalEntity[]; approvedDepositors?: string[] };
export interface MinerData {
  _meta: Meta;
  protocols: ProtocolEntity[];
  /** Offerings the account is the miner of. */
  offerings: (MinerOfferingEntity & { approvedDepositors: string[] })[];
  /** Offerings the account may deposit for as an approved depositor. */
  depositorOf: { id: string; offering: MinerOfferingEntity }[];
  marketRates: MarketRateEntity[];
}

export interface ProtocolDayEntity {
  id: string;
  day: number;
  date: number;
  purchases: number;
  unitsSold: string;
  volume: string;
  fees: string;
  rewardsDeposited: string;
  rewardsClaimed: string;
  escrowWithdrawn: string;
  refunded: string;
  tokenDays: { id: string; token: { id: string }; rewardsDeposited: string; rewardsClaimed: string }[];
}
export interface DmcAllocationEntity {
  id: string;
  recipient: string;
  amount: string;
  label: string;
}
export interface ParameterEntity {
  id: string;
  contract: string;
  name: string;
  value: string;
  updatedAt: string;
  history: { id: string }[];
}
export interface InsurancePayoutEntity {
  id: string;
  token: string;
  to: string;
  amount: string;
  reason: string;
  timestamp: string;
}
/** One oracle's reports for one asset (what a late-oracle deposit is judged against: its latest final report). */
export interface MarketRateFeedEntity {
  id: string;
  oracle: string;
  assetId: number;
  latestDay: number;
  reportCount: number;
  correctionCount: number;
  asset: {
    id: string;
    symbol: string;
    unitLabel: string;
    rewardTokens: { id: string; token: { id: string } }[];
  } | null;
  latest: { id: string; day: number; avgRewardPerUnitWad: string; finalAt: string } | null;
}

export interface MarketRateCorrectionEntity {
  id: string;
  assetId: number;
  day: number;
  oldAvgRewardPerUnitWad: string;
  newAvgRewardPerUnitWad: string;
  reporter: string;
  timestamp: string;
}

export interface ProtocolPageData {
  _meta: Meta;
  protocols: ProtocolEntity[];
  protocolDays: ProtocolDayEntity[];
  dmcAllocations: DmcAllocationEntity[];
  parameters: ParameterEntity[];
  insurancePayouts: InsurancePayoutEntity[];
  marketRateFeeds: MarketRateFeedEntity[];
  marketRateCorrections: MarketRateCorrectionEntity[];
}
