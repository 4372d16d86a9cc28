import { ExecutionFailure } from "../../../generated/CouncilSafe/CouncilSafe";
import { recordExecution } from "../../utils/council";

/** A failed Safe transaction still consumed its nonce. */
export function handleExecutionFailure(event: ExecutionFailure): void {
  recordExecution(event, event.params.txHash, "ExecutionFailed");
}
