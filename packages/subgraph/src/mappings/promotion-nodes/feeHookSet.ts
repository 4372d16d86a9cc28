import { FeeHookSet } from "../../../generated/PromotionNodes/PromotionNodes";
import { nodeProgram } from "../../utils/nodes";

/** The contract allowed to record referrals (TradingRewards): governance (the constructor sets the first values). */
export function handleFeeHookSet(event: FeeHookSet): void {
  const program = nodeProgram(event);
  program.feeHook = event.params.feeHook;
  program.save();
}
