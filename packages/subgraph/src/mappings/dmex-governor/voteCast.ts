import { VoteCast } from "../../../generated/DmexGovernor/DmexGovernor";
import { recordVote } from "../../utils/proposals";

export function handleVoteCast(event: VoteCast): void {
  const params = event.params;
  recordVote(event, params.voter, params.proposalId, params.support, params.weight, params.reason);
}
