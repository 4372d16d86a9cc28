/** Hand-written shapes of the DAO query results (BigInt/Bytes as strings). */
import type { ProposalStateName } from "../dao/governance";
import type { Meta } from "./types";

export interface ProposalEntity {
  id: string;
  proposalId: string;
  proposer: string;
  title: string;
  voteStart: string;
  voteEnd: string;
  extendedVoteEnd: string | null;
  quorum: string;
  forVotes: string;
  againstVotes: string;
  abstainVotes: string;
  voteCount: number;
  state: ProposalStateName;
  eta: string | null;
  createdAt: string;
  queuedAt: string | null;
  executedAt: string | null;
  canceledAt: string | null;
}

export type ApplicationStatusName = "Voting" | "Approved" | "Rejected" | "Cancelled";
export type StakeStateEntityName = "Locked" | "Withdrawable" | "Withdrawn" | "Slashed";

export interface ApplicationEntity {
  id: string;
  applicationId: string;
  miner: string;
  minerName: string;
  disclosureURI: string;
  asset: { id: string; symbol: string; unitLabel: string };
  paymentToken: string;
  rewardToken: string;
  unitsTotal: string;
  pricePerUnit: string;
  saleStart: string;
  saleEnd: string;
  termStartDay: number;
  termEndDay: number;
  expectedDailyRewardPerUnitWad: string;
  totalHashpower: string;
  effectiveHashpower: string;
  status: ApplicationStatusName;
  offering: { id: string } | null;
  stake: { id: string; amount: string; state: StakeStateEntityName; unlockAt: string | null };
  createdAt: string;
}

export interface DaoEntity {
  id: string;
  token: string;
  governor: string;
  timelock: string;
  applications: string;
  council: string;
  votingDelay: string;
  votingPeriod: string;
  proposalThreshold: string;
  quorumNumerator: string;
  quorumDenominator: string;
  lateQuorumExtension: string;
  timelockDelay: string;
  proposalGuardian: string | null;
  handedOver: boolean;
  proposalCount: number;
  totalSupply: string;
  delegatedVotes: string;
  delegateCount: number;
}

export interface GovernanceData {
  proposals: (ProposalEntity & {
    targets: string[];
    values: string[];
    calldatas: string[];
    application: ApplicationEntity | null;
  })[];
  offerings: { id: string; minerName: string }[];
  assets: { id: string; symbol: string }[];
  daos: DaoEntity[];
  _meta: Meta;
}

export interface VoteEntity {
  id: string;
  voter: { id: string };
  support: "Against" | "For" | "Abstain";
  weight: string;
  reason: string;
  timestamp: string;
}

export interface ProposalDetail extends ProposalEntity {
  description: string;
  descriptionHash: string;
  targets: string[];
  values: string[];
  calldatas: string[];
  transactionHash: string;
  application: ApplicationEntity | null;
  votes: VoteEntity[];
}

export interface ProposalData {
  proposal: ProposalDetail | null;
  offerings: { id: string; minerName: string }[];
  assets: { id: string; symbol: string }[];
  daos: DaoEntity[];
  _meta: Meta;
}

export interface DelegateEntity {
  id: string;
  balance: string;
  votingPower: string;
  delegatorCount: number;
  voteCount: number;
  proposalsCreated: number;
  delegatee: { id: string } | null;
}

export interface DelegatesData {
  delegates: DelegateEntity[];
  daos: DaoEntity[];
  _meta: Meta;
}

export interface MinerApplicationsData {
  applications: (ApplicationEntity & { proposal: ProposalEntity })[];
  _meta: Meta;
}

export interface ApplyData {
  assets: {
    id: string;
    assetId: number;
    symbol: string;
    unitLabel: string;
    offerings: { rewardToken: { id: string }; paymentToken: { id: string } }[];
    /** A position of the asset's latest sold offering: its on-chain card shows what buyers will hold. */
    cards: { positions: { tokenId: string }[] }[];
  }[];
  daos: (DaoEntity & { minStake: string; stakePerValueWad: string; lockGraceDays: number })[];
  _meta: Meta;
}

export interface CouncilChangeEntity {
  id: string;
  kind: string;
  account: string | null;
  threshold: number | null;
  detail: string | null;
  timestamp: string;
  transactionHash: string;
}

export interface TimelockOperationEntity {
  id: string;
  schedulerEpoch: number;
  readyAt: string;
  scheduledAt: string;
  transactionHash: string;
  calls: { index: number; target: string; value: string; calldata: string }[];
}

export interface TimelockProposerEntity {
  id: string;
  epoch: number;
  isProposer: boolean;
  lostRoleAt: string | null;
  /** Pending ones only (neither executed nor cancelled). */
  operations: TimelockOperationEntity[];
}

export interface CouncilData {
  councils: {
    id: string;
    owners: string[];
    threshold: number;
    modules: string[];
    powers: string[];
    handedOver: boolean;
    nonce: string;
    changes: CouncilChangeEntity[];
  }[];
  daos: DaoEntity[];
  roleMembers: { id: string; contract: string; role: string; roleName: string | null; account: string }[];
  timelockProposers: TimelockProposerEntity[];
  _meta: Meta;
}
