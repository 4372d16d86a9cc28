import { ProposalExecuted } from "../../../generated/DmexGovernor/DmexGovernor";
import { loadProposal } from "../../utils/proposals";

/** An application's approval is recorded by ApplicationApproved, earlier in the same transaction. */
export function handleProposalExecuted(event: ProposalExecuted): void {
  const p = loadProposal(event.params.proposalId);
  p.state = "Executed";
  p.executedAt = event.block.timestamp;
  p.save();
}
