import { ProposalThresholdSet } from "../../../generated/DmexGovernor/DmexGovernor";
import { getOrCreateDao } from "../../utils/dao";
import { GOVERNOR, setIntParameter } from "../../utils/governance";

export function handleProposalThresholdSet(event: ProposalThresholdSet): void {
  const dao = getOrCreateDao(event.address);
  dao.proposalThreshold = event.params.newProposalThreshold;
  dao.save();
  setIntParameter(event, GOVERNOR, "proposalThreshold", event.params.newProposalThreshold);
}
