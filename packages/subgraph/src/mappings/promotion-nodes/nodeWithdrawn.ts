import { Node } from "../../../generated/schema";
import { NodeWithdrawn } from "../../../generated/PromotionNodes/PromotionNodes";
import { ZERO } from "../../utils/constants";
import { loadNode, NODE_WITHDRAWN } from "../../utils/nodes";

/** A node withdrew its stake and is no longer a node (a light node leaves its main node's recruits). */
export function handleNodeWithdrawn(event: NodeWithdrawn): void {
  const n = loadNode(event.params.node);
  n.status = NODE_WITHDRAWN;
  n.stake = ZERO;
  n.exitReadyAt = null;
  n.withdrawnAtTimestamp = event.block.timestamp;
  const mainId = n.mainNode;
  if (mainId) {
    const main = Node.load(mainId);
    if (main != null) {
      main.recruits -= 1;
      main.save();
    }
  }
  n.save();
}
