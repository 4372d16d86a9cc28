import { ExitRequested } from "../../../generated/PromotionNodes/PromotionNodes";
import { countLive, loadNode, NODE_EXITING, nodeProgram } from "../../utils/nodes";

/** A node started its cooldown: it earns nothing from now on, its stake is withdrawable from readyAt. */
export function handleExitRequested(event: ExitRequested): void {
  const n = loadNode(event.params.node);
  n.status = NODE_EXITING;
  n.exitReadyAt = event.params.readyAt;
  n.save();
  const program = nodeProgram(event);
  countLive(program, n.kind, -1);
  program.save();
}
