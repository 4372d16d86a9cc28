import { WeightSinkSet } from "../../../generated/PromotionNodes/PromotionNodes";
import { nodeProgram } from "../../utils/nodes";

/** The node-staking emission pool (zero: none): governance (the constructor sets the first values). */
export function handleWeightSinkSet(event: WeightSinkSet): void {
  const program = nodeProgram(event);
  program.weightSink = event.params.sink;
  program.save();
}
