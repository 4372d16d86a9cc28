import { CommissionSet } from "../../../generated/PromotionNodes/PromotionNodes";
import { nodeProgram } from "../../utils/nodes";

/** The commission rate and a main node's share of its light nodes' commission: governance (the constructor sets the first values). */
export function handleCommissionSet(event: CommissionSet): void {
  const program = nodeProgram(event);
  program.commissionBps = event.params.commissionBps.toI32();
  program.mainShareBps = event.params.mainShareBps.toI32();
  program.save();
}
