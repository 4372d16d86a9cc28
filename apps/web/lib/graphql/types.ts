/** Hand-written shapes of the subgraph query results (BigInt/Bytes as strings). */
import type { OfferingStatusName } from "../escrow";
import type { FlagReasonName } from "../delinquency";

export interface Meta {
  block: { number: number; timestamp: number | null };
  hasIndexingErrors?: boolean;
}

export interface ProtocolEntity {
  id: string;
  channelFeeBps: number;
  missedDaysThreshold: number;
  lowStreakThreshold: number;
  minRewardRatioBps: number;
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
  flaggedDay: number;
  lastCoveredDay: number;
  lowStreak: number;
  releasedAtHalt: string | null;
  refundable: string | null;
  totalNet: string;
  pendingNet: string;
  pendingDay: number;
  rateSum: string;
  rateDayProduct: string;
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

export interface WithdrawalEntity { id: string; amount: string; releasedToDate: string; releasedDay: number; timestamp: string }
export interface FlagEntity { id: string; action: "Flagged" | "Resumed" | "Halted"; by: string; day: number; reason: FlagReasonName; timestamp: string }
export interface OfferingDayEntity { id: string; day: number; rewardPerUnitWad: string | null; marketAvgPerUnitWad: string | null; belowThreshold: boolean | null; judged: boolean | null; rewardAmount: string }

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
  offering: (OfferingEntity & { withdrawals: WithdrawalEntity[]; flags: FlagEntity[]; positions: { id: string; tokenId: string }[] }) | null;
  offeringDays: OfferingDayEntity[];
}

export interface PortfolioData { _meta: Meta; positions: PositionEntity[] }

export interface PositionData {
  position:
    | (PositionEntity & {
        owner: { id: string };
        buyer: { id: string };
        purchase: { id: string; totalPrice: string; fee: string; units: string; timestamp: string; transactionHash: string };
        claims: { id: string; amount: string; timestamp: string; transactionHash: string }[];
        refunds: { id: string; amount: string; timestamp: string; transactionHash: string }[];
        transfers: { id: string; from: string; to: string; timestamp: string; transactionHash: string }[];
      })
    | null;
}

export interface MinerData { _meta: Meta; protocols: ProtocolEntity[]; offerings: (OfferingEntity & { withdrawals: WithdrawalEntity[] })[] }

export interface ProtocolDayEntity {
  id: string; day: number; date: number; purchases: number; unitsSold: string; volume: string; fees: string;
  rewardsDeposited: string; rewardsClaimed: string; escrowWithdrawn: string; refunded: string;
  tokenDays: { id: string; token: { id: string }; rewardsDeposited: string; rewardsClaimed: string }[];
}
export interface DmcAllocationEntity { id: string; recipient: string; amount: string; label: string }
export interface ParameterEntity { id: string; contract: string; name: string; value: string; updatedAt: string; history: { id: string }[] }
export interface InsurancePayoutEntity { id: string; token: string; to: string; amount: string; reason: string; timestamp: string }
export interface ProtocolPageData {
  _meta: Meta;
  protocols: ProtocolEntity[];
  protocolDays: ProtocolDayEntity[];
  dmcAllocations: DmcAllocationEntity[];
  parameters: ParameterEntity[];
  insurancePayouts: InsurancePayoutEntity[];
}
