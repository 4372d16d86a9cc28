import { CooldownSet } from "../../../generated/PromotionNodes/PromotionNodes";
import { nodeProgram } from "../../utils/nodes";

/** The cooldown of new registrations (seconds): governance (the constructor sets the first values). */
export function handleCooldownSet(event: CooldownSet): void {
  const program = nodeProgram(event);
  program.cooldown = event.params.cooldown;
  program.save();
}
