import { VotingDelaySet } from "../../../generated/DmexGovernor/DmexGovernor";
import { getOrCreateDao } from "../../utils/dao";
import { GOVERNOR, setIntParameter } from "../../utils/governance";

export function handleVotingDelaySet(event: VotingDelaySet): void {
  const dao = getOrCreateDao(event.address);
  dao.votingDelay = event.params.newVotingDelay;
  dao.save();
  setIntParameter(event, GOVERNOR, "votingDelay", event.params.newVotingDelay);
}
