import { ProposalCanceled } from "../../../generated/DmexGovernor/DmexGovernor";
import { loadProposal, rejectApplication } from "../../utils/proposals";

/**
 * Cancelled by the proposer, the guardian or an application's miner. A miner's cancel emitted
 * ApplicationCancelled first (status Cancelled); otherwise the application is Rejected.
 */
export function handleProposalCanceled(event: ProposalCanceled): void {
  const p = loadProposal(event.params.proposalId);
  p.state = "Canceled";
  p.canceledAt = event.block.timestamp;
  p.save();
  const application = p.application;
  if (application) rejectApplication(application);
}
