/**
 * Subgraph queries of the promotion nodes (issue 13): a node with its light nodes, invitations, commission
 * per token and the on-chain commission history (Referral = CommissionRecorded, CommissionClaim), and the
 * invitations an account received. Entity names of packages/subgraph/schema.graphql (Node, NodeInvite,
 * NodeCommission, Referral, CommissionClaim, NodeProgram, NodeCommissionLedger). Result types in nodesTypes.ts.
 */
import { gql } from "@apollo/client/core";

import { META_FIELDS } from "./queries";

export const NODE_QUERY = gql`
  ${META_FIELDS}
  query NodeDesk($id: ID!, $account: Bytes!) {
    _meta { ...MetaFields }
    nodePrograms(first: 1) {
      id mainStake lightStake cooldown commissionBps mainShareBps maxRecruits liveMainNodes liveLightNodes referralCount
      ledgers(first: 20) { id recorded funded paid }
    }
    node(id: $id) {
      id kind status stake cooldown exitReadyAt recruits referrals registrations registeredAtTimestamp vault delegatee
      mainNode { id status }
      lightNodes(first: 100, orderBy: registeredAtTimestamp, orderDirection: desc) {
        id status stake referrals registeredAtTimestamp withdrawnAtTimestamp
        commissions(first: 10) { id token earned }
      }
      invites(first: 100, orderBy: updatedAtTimestamp, orderDirection: desc) { id light allowed updatedAtTimestamp }
      commissions(first: 20) { id token earned claimed earnedAsReferrer earnedAsMain }
      referralRecords(first: 50, orderBy: timestamp, orderDirection: desc) {
        id buyer token fee commission mainShare timestamp transactionHash mainNode { id }
      }
      mainShareRecords(first: 50, orderBy: timestamp, orderDirection: desc) {
        id buyer token fee commission mainShare timestamp transactionHash node { id }
      }
      claims(first: 50, orderBy: timestamp, orderDirection: desc) { id token to amount timestamp transactionHash }
    }
    invitesToMe: nodeInvites(where: { light: $account, allowed: true }, first: 20, orderBy: updatedAtTimestamp, orderDirection: desc) {
      id updatedAtTimestamp
      mainNode { id kind status recruits }
    }
  }
`;
