import { QuorumNumeratorUpdated } from "../../../generated/DmexGovernor/DmexGovernor";
import { getOrCreateDao } from "../../utils/dao";
import { GOVERNOR, setIntParameter } from "../../utils/governance";

/** Applies to proposals created from now on (the contract checkpoints it; Proposal.quorum is fixed). */
export function handleQuorumNumeratorUpdated(event: QuorumNumeratorUpdated): void {
  const dao = getOrCreateDao(event.address);
  dao.quorumNumerator = event.params.newQuorumNumerator;
  dao.save();
  setIntParameter(event, GOVERNOR, "quorumNumerator", event.params.newQuorumNumerator);
}
