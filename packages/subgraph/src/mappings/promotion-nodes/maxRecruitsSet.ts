import { MaxRecruitsSet } from "../../../generated/PromotionNodes/PromotionNodes";
import { nodeProgram } from "../../utils/nodes";

/** The most light nodes a main node may have: governance (the constructor sets the first values). */
export function handleMaxRecruitsSet(event: MaxRecruitsSet): void {
  const program = nodeProgram(event);
  program.maxRecruits = event.params.maxRecruits.toI32();
  program.save();
}
