import { CommissionFunded } from "../../../generated/PromotionNodes/PromotionNodes";
import { loadLedger, nodeProgram } from "../../utils/nodes";

/** Owed commission in a token was funded (by the fee splitter); the event states the token's funding to date. */
export function handleCommissionFunded(event: CommissionFunded): void {
  const program = nodeProgram(event);
  program.save();
  const ledger = loadLedger(program, event.params.token);
  ledger.funded = event.params.funded;
  ledger.save();
}
