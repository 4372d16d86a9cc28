import { ExecutionSuccess } from "../../../generated/CouncilSafe/CouncilSafe";
import { recordExecution } from "../../utils/council";

export function handleExecutionSuccess(event: ExecutionSuccess): void {
  recordExecution(event, event.params.txHash, "Executed");
}
