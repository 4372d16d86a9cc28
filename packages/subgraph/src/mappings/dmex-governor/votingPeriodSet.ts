import { VotingPeriodSet } from "../../../generated/DmexGovernor/DmexGovernor";
import { getOrCreateDao } from "../../utils/dao";
import { GOVERNOR, setIntParameter } from "../../utils/governance";

export function handleVotingPeriodSet(event: VotingPeriodSet): void {
  const dao = getOrCreateDao(event.address);
  dao.votingPeriod = event.params.newVotingPeriod;
  dao.save();
  setIntParameter(event, GOVERNOR, "votingPeriod", event.params.newVotingPeriod);
}
