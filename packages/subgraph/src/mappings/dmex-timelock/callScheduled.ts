import { CallScheduled } from "../../../generated/DmexTimelock/DmexTimelock";
import { TimelockCall } from "../../../generated/schema";
import { setDecodedCall } from "../../utils/actions";
import { daoContracts } from "../../utils/dao";
import { loadOperation } from "../../utils/timelock";

/** One call of the operation OperationScheduledBy just recorded: its target, and the delay. */
export function handleCallScheduled(event: CallScheduled): void {
  const params = event.params;
  const op = loadOperation(params.id, "CallScheduled");
  if (op == null) return;
  const targets = op.targets;
  targets.push(params.target);
  op.targets = targets;
  op.callCount += 1;
  op.predecessor = params.predecessor;
  op.delay = params.delay;
  op.readyAt = event.block.timestamp.plus(params.delay);
  op.save();

  const id = params.id.toHexString() + "-" + params.index.toString();
  if (TimelockCall.load(id) != null) return; // scheduled again: the same calls
  const call = new TimelockCall(id);
  call.operation = op.id;
  call.index = params.index.toI32();
  call.target = params.target;
  call.value = params.value;
  call.calldata = params.data;
  setDecodedCall(call, params.target, params.data, daoContracts());
  call.save();
}
