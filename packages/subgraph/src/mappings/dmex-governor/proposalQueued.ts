import { ProposalQueued } from "../../../generated/DmexGovernor/DmexGovernor";
import { loadProposal } from "../../utils/proposals";

export function handleProposalQueued(event: ProposalQueued): void {
  const p = loadProposal(event.params.proposalId);
  p.state = "Queued";
  p.eta = event.params.etaSeconds;
  p.queuedAt = event.block.timestamp;
  p.save();
}
