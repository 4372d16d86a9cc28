import { CallExecuted } from "../../../generated/DmexTimelock/DmexTimelock";
import { loadOperation } from "../../utils/timelock";

/** A call of the operation ran (every call runs in the same transaction, or none does). */
export function handleCallExecuted(event: CallExecuted): void {
  const op = loadOperation(event.params.id, "CallExecuted");
  if (op == null) return;
  op.status = "Executed";
  op.executedAt = event.block.timestamp;
  op.save();
}
