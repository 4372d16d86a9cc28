import { Node, NodeInvite } from "../../../generated/schema";
import { NodeRegistered } from "../../../generated/PromotionNodes/PromotionNodes";
import { ZERO_ADDRESS } from "../../utils/constants";
import { countLive, NODE_LIVE, nodeKindName, nodeProgram } from "../../utils/nodes";

/** A main or light node registered (again, after a withdrawal, keeping its referral count and vault). */
export function handleNodeRegistered(event: NodeRegistered): void {
  const p = event.params;
  let n = Node.load(p.node);
  if (n == null) {
    n = new Node(p.node);
    n.delegatee = p.node;
    n.recruits = 0;
    n.referrals = 0;
    n.registrations = 0;
  }
  n.kind = nodeKindName(p.kind);
  n.status = NODE_LIVE;
  n.vault = p.vault;
  n.stake = p.stake;
  n.cooldown = p.cooldown;
  n.exitReadyAt = null;
  n.withdrawnAtTimestamp = null;
  n.registrations += 1;
  n.registeredAtBlock = event.block.number;
  n.registeredAtTimestamp = event.block.timestamp;
  if (p.mainNode.equals(ZERO_ADDRESS)) {
    n.mainNode = null;
  } else {
    n.mainNode = p.mainNode;
    const main = Node.load(p.mainNode);
    if (main != null) {
      main.recruits += 1;
      main.save();
    }
    // An invitation is used up by the registration.
    const invite = NodeInvite.load(p.mainNode.toHexString() + "-" + p.node.toHexString());
    if (invite != null) {
      invite.allowed = false;
      invite.updatedAtTimestamp = event.block.timestamp;
      invite.save();
    }
  }
  n.save();
  const program = nodeProgram(event);
  countLive(program, n.kind, 1);
  program.save();
}
