/**
 * Subgraph queries of the DAO (packages/subgraph/schema.graphql, section "DAO (issue D)"). Result
 * types in lib/graphql/daoTypes.ts; BigInt and Bytes arrive as strings.
 */
import { gql } from "@apollo/client/core";

import { META_FIELDS } from "./queries";

export const PROPOSAL_FIELDS = gql`
  fragment ProposalFields on Proposal {
    id
    proposalId
    proposer
    title
    voteStart
    voteEnd
    extendedVoteEnd
    quorum
    forVotes
    againstVotes
    abstainVotes
    voteCount
    state
    eta
    createdAt
    queuedAt
    executedAt
    canceledAt
  }
`;

export const APPLICATION_FIELDS = gql`
  fragment ApplicationFields on Application {
    id
    applicationId
    miner
    minerName
    disclosureURI
    asset { id symbol unitLabel }
    paymentToken
    rewardToken
    unitsTotal
    pricePerUnit
    saleStart
    saleEnd
    termStartDay
    termEndDay
    expectedDailyRewardPerUnitWad
    totalHashpower
    effectiveHashpower
    status
    offering { id }
    stake { id amount state unlockAt }
    createdAt
  }
`;

export const DAO_FIELDS = gql`
  fragment DaoFields on Dao {
    id
    token
    governor
    timelock
    applications
    council
    votingDelay
    votingPeriod
    proposalThreshold
    quorumNumerator
    quorumDenominator
    lateQuorumExtension
    timelockDelay
    proposalGuardian
    handedOver
    proposalCount
    totalSupply
    delegatedVotes
    delegateCount
  }
`;

export const GOVERNANCE_QUERY = gql`
  query Governance {
    proposals(first: 200, orderBy: createdAt, orderDirection: desc) {
      ...ProposalFields
      targets
      values
      calldatas
      application { ...ApplicationFields }
    }
    offerings(first: 1000) { id minerName }
    assets(first: 100) { id symbol }
    daos(first: 1) { ...DaoFields }
    _meta { ...MetaFields }
  }
  ${PROPOSAL_FIELDS}
  ${APPLICATION_FIELDS}
  ${DAO_FIELDS}
  ${META_FIELDS}
`;

export const PROPOSAL_QUERY = gql`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ...ProposalFields
      description
      descriptionHash
      targets
      values
      calldatas
      transactionHash
      application { ...ApplicationFields }
      votes(first: 100, orderBy: weight, orderDirection: desc) { id voter { id } support weight reason timestamp }
    }
    offerings(first: 1000) { id minerName }
    assets(first: 100) { id symbol }
    daos(first: 1) { ...DaoFields }
    _meta { ...MetaFields }
  }
  ${PROPOSAL_FIELDS}
  ${APPLICATION_FIELDS}
  ${DAO_FIELDS}
  ${META_FIELDS}
`;

export const DELEGATES_QUERY = gql`
  query Delegates($first: Int!) {
    delegates(first: $first, orderBy: votingPower, orderDirection: desc, where: { votingPower_gt: "0" }) {
      id
      balance
      votingPower
      delegatorCount
      voteCount
      proposalsCreated
      delegatee { id }
    }
    daos(first: 1) { ...DaoFields }
    _meta { ...MetaFields }
  }
  ${DAO_FIELDS}
  ${META_FIELDS}
`;

export const MINER_APPLICATIONS_QUERY = gql`
  query MinerApplications($miner: Bytes!) {
    applications(first: 50, where: { miner: $miner }, orderBy: createdAt, orderDirection: desc) {
      ...ApplicationFields
      proposal { ...ProposalFields }
    }
    _meta { ...MetaFields }
  }
  ${APPLICATION_FIELDS}
  ${PROPOSAL_FIELDS}
  ${META_FIELDS}
`;

export const APPLY_QUERY = gql`
  query ApplyContext {
    assets(first: 20, orderBy: assetId) {
      id
      assetId
      symbol
      unitLabel
      offerings(first: 1) { rewardToken { id } paymentToken { id } }
      cards: offerings(first: 1, where: { positionCount_gt: 0 }, orderBy: offeringId, orderDirection: desc) { positions(first: 1) { tokenId } }
    }
    daos(first: 1) { ...DaoFields minStake stakePerValueWad lockGraceDays }
    _meta { ...MetaFields }
  }
  ${DAO_FIELDS}
  ${META_FIELDS}
`;

export const COUNCIL_QUERY = gql`
  query Council {
    councils(first: 1) {
      id
      owners
      threshold
      modules
      powers
      handedOver
      nonce
      changes(first: 30, orderBy: timestamp, orderDirection: desc) { id kind account threshold detail timestamp transactionHash }
    }
    daos(first: 1) { ...DaoFields }
    roleMembers(first: 100, where: { active: true }) { id contract role roleName account }
    # Operations scheduled on the timelock and not yet executed or cancelled, per scheduler: orphaned
    # once the scheduler lost PROPOSER_ROLE after scheduling (schedulerEpoch < epoch).
    timelockProposers(first: 10) {
      id
      epoch
      isProposer
      lostRoleAt
      operations(first: 50, where: { status: Pending }, orderBy: scheduledAt, orderDirection: desc) {
        id
        schedulerEpoch
        readyAt
        scheduledAt
        transactionHash
        calls(first: 20, orderBy: index) { index target value calldata }
      }
    }
    _meta { ...MetaFields }
  }
  ${DAO_FIELDS}
  ${META_FIELDS}
`;
