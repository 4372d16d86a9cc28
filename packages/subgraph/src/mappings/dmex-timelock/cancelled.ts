import { Cancelled } from "../../../generated/DmexTimelock/DmexTimelock";
import { loadOperation } from "../../utils/timelock";

/** Its scheduler cancelled it (the timelock lets a canceller cancel only what it scheduled). */
export function handleCancelled(event: Cancelled): void {
  const op = loadOperation(event.params.id, "Cancelled");
  if (op == null) return;
  op.status = "Cancelled";
  op.cancelledAt = event.block.timestamp;
  op.save();
}
