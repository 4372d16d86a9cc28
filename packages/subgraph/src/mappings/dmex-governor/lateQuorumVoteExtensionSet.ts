import { LateQuorumVoteExtensionSet } from "../../../generated/DmexGovernor/DmexGovernor";
import { getOrCreateDao } from "../../utils/dao";
import { GOVERNOR, setIntParameter } from "../../utils/governance";

export function handleLateQuorumVoteExtensionSet(event: LateQuorumVoteExtensionSet): void {
  const extension = event.params.newVoteExtension;
  const dao = getOrCreateDao(event.address);
  dao.lateQuorumExtension = extension;
  dao.save();
  setIntParameter(event, GOVERNOR, "lateQuorumExtension", extension);
}
