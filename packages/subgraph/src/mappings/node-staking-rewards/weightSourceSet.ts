import { WeightSourceSet } from "../../../generated/NodeStakingRewards/NodeStakingRewards";
import { pool } from "./pool";

/** The contract that sets this pool's weights (PromotionNodes), set once. */
export function handleWeightSourceSet(event: WeightSourceSet): void {
  const p = pool(event);
  p.weightSource = event.params.source;
  p.updatedAtBlock = event.block.number;
  p.save();
}
