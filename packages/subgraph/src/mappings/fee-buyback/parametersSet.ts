import { ParametersSet } from "../../../generated/FeeBuyback/FeeBuyback";
import { buybackProgram } from "../../utils/fees";

/** The conversion bounds (the constructor sets the first). */
export function handleParametersSet(event: ParametersSet): void {
  const p = event.params;
  const program = buybackProgram(event);
  program.maxSlippageBps = p.maxSlippageBps.toI32();
  program.maxInputBps = p.maxInputBps.toI32();
  program.minWindow = p.minWindow;
  program.maxAge = p.maxAge;
  program.save();
}
