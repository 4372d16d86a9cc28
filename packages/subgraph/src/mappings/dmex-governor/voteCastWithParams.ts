import { VoteCastWithParams } from "../../../generated/DmexGovernor/DmexGovernor";
import { recordVote } from "../../utils/proposals";

/** GovernorCountingSimple ignores the params: counted as a plain vote. */
export function handleVoteCastWithParams(event: VoteCastWithParams): void {
  const params = event.params;
  recordVote(event, params.voter, params.proposalId, params.support, params.weight, params.reason);
}
