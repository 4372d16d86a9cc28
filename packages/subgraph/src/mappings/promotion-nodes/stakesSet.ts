import { StakesSet } from "../../../generated/PromotionNodes/PromotionNodes";
import { nodeProgram } from "../../utils/nodes";

/** The stakes of new main and light nodes (DMC wei): governance (the constructor sets the first values). */
export function handleStakesSet(event: StakesSet): void {
  const program = nodeProgram(event);
  program.mainStake = event.params.mainStake;
  program.lightStake = event.params.lightStake;
  program.save();
}
