/** Indexed proposal entities -> the pure governance model. */
import type { ApplicationEntity, ProposalEntity } from "../graphql/daoTypes";
import type { ApplicationSummary } from "./actions";
import { deriveProposalState, type ProposalStateName, type ProposalTally } from "./governance";

export function tallyOf(p: ProposalEntity): ProposalTally {
  return {
    voteStart: BigInt(p.voteStart),
    voteEnd: BigInt(p.voteEnd),
    extendedVoteEnd: p.extendedVoteEnd === null ? null : BigInt(p.extendedVoteEnd),
    quorum: BigInt(p.quorum),
    forVotes: BigInt(p.forVotes),
    againstVotes: BigInt(p.againstVotes),
    abstainVotes: BigInt(p.abstainVotes),
    indexedState: p.state,
    eta: p.eta === null ? null : BigInt(p.eta),
  };
}

export function stateAt(p: ProposalEntity, now: number): ProposalStateName {
  return deriveProposalState(tallyOf(p), BigInt(Math.floor(now)));
}

export function applicationSummary(a: ApplicationEntity): ApplicationSummary {
  return {
    id: a.id,
    minerName: a.minerName,
    assetSymbol: a.asset.symbol,
    unitLabel: a.asset.unitLabel,
    unitsTotal: BigInt(a.unitsTotal),
    pricePerUnit: BigInt(a.pricePerUnit),
    paymentToken: a.paymentToken,
    termStartDay: a.termStartDay,
    termEndDay: a.termEndDay,
  };
}
