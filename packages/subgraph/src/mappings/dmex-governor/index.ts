// Handlers of DmexGovernor events: proposals, votes, state changes and governance settings.
export { handleApplicationsSet } from "./applicationsSet";
export { handleLateQuorumVoteExtensionSet } from "./lateQuorumVoteExtensionSet";
export { handleProposalCanceled } from "./proposalCanceled";
export { handleProposalCreated } from "./proposalCreated";
export { handleProposalExecuted } from "./proposalExecuted";
export { handleProposalExtended } from "./proposalExtended";
export { handleProposalGuardianSet } from "./proposalGuardianSet";
export { handleProposalQueued } from "./proposalQueued";
export { handleProposalThresholdSet } from "./proposalThresholdSet";
export { handleQuorumNumeratorUpdated } from "./quorumNumeratorUpdated";
export { handleTimelockChange } from "./timelockChange";
export { handleVoteCast } from "./voteCast";
export { handleVoteCastWithParams } from "./voteCastWithParams";
export { handleVotingDelaySet } from "./votingDelaySet";
export { handleVotingPeriodSet } from "./votingPeriodSet";
