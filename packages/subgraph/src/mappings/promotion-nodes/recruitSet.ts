import { NodeInvite } from "../../../generated/schema";
import { RecruitSet } from "../../../generated/PromotionNodes/PromotionNodes";

/** A live main node invited (or uninvited) an account to register as a light node under it. */
export function handleRecruitSet(event: RecruitSet): void {
  const p = event.params;
  const id = p.mainNode.toHexString() + "-" + p.light.toHexString();
  let invite = NodeInvite.load(id);
  if (invite == null) {
    invite = new NodeInvite(id);
    invite.mainNode = p.mainNode;
    invite.light = p.light;
  }
  invite.allowed = p.allowed;
  invite.updatedAtTimestamp = event.block.timestamp;
  invite.save();
}
