/** Hand-written shapes of the nodes queries' results (lib/graphql/nodes.ts); BigInt and Bytes as strings. */
import type { Meta } from "./types";

export type NodeKindEntity = "Main" | "Light";
export type NodeStatusEntity = "Live" | "Exiting" | "Withdrawn";

export interface NodeProgramEntity {
  id: string;
  mainStake: string;
  lightStake: string;
  cooldown: string;
  commissionBps: number;
  mainShareBps: number;
  maxRecruits: number;
  liveMainNodes: number;
  liveLightNodes: number;
  referralCount: number;
  ledgers: { id: string; recorded: string; funded: string; paid: string }[];
}

export interface ReferralEntity {
  id: string;
  buyer: string;
  token: string;
  fee: string;
  commission: string;
  mainShare: string;
  timestamp: string;
  transactionHash: string;
  mainNode?: { id: string } | null;
  node?: { id: string };
}

export interface NodeEntity {
  id: string;
  kind: NodeKindEntity;
  status: NodeStatusEntity;
  stake: string;
  cooldown: string;
  exitReadyAt: string | null;
  recruits: number;
  referrals: number;
  registrations: number;
  registeredAtTimestamp: string;
  vault: string;
  delegatee: string;
  mainNode: { id: string; status: NodeStatusEntity } | null;
  lightNodes: {
    id: string;
    status: NodeStatusEntity;
    stake: string;
    referrals: number;
    registeredAtTimestamp: string;
    withdrawnAtTimestamp: string | null;
    commissions: { id: string; token: string; earned: string }[];
  }[];
  invites: { id: string; light: string; allowed: boolean; updatedAtTimestamp: string }[];
  commissions: {
    id: string;
    token: string;
    earned: string;
    claimed: string;
    earnedAsReferrer: string;
    earnedAsMain: string;
  }[];
  referralRecords: ReferralEntity[];
  mainShareRecords: ReferralEntity[];
  claims: { id: string; token: string; to: string; amount: string; timestamp: string; transactionHash: string }[];
}

export interface NodeDeskData {
  _meta: Meta | null;
  nodePrograms: NodeProgramEntity[];
  node: NodeEntity | null;
  invitesToMe: {
    id: string;
    updatedAtTimestamp: string;
    mainNode: { id: string; kind: NodeKindEntity; status: NodeStatusEntity; recruits: number };
  }[];
}
