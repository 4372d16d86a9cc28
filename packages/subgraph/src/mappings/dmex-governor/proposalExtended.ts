import { ProposalExtended } from "../../../generated/DmexGovernor/DmexGovernor";
import { loadProposal } from "../../utils/proposals";

/** Late-quorum protection moved the deadline. */
export function handleProposalExtended(event: ProposalExtended): void {
  const p = loadProposal(event.params.proposalId);
  p.extendedVoteEnd = event.params.extendedDeadline;
  p.save();
}
