import { Bytes } from "@graphprotocol/graph-ts";

import { OperationScheduledBy } from "../../../generated/DmexTimelock/DmexTimelock";
import { TimelockOperation } from "../../../generated/schema";
import { ZERO } from "../../utils/constants";
import { getOrCreateProposer } from "../../utils/timelock";

/**
 * Emitted first when an operation is scheduled (its CallScheduled events follow in the same
 * transaction): records the scheduler and its epoch. An id scheduled again (after a cancel or once
 * orphaned) starts over; its calls are the same, since they determine the id.
 */
export function handleOperationScheduledBy(event: OperationScheduledBy): void {
  const scheduler = getOrCreateProposer(event.address, event.params.scheduler);
  scheduler.operationCount += 1;
  scheduler.save();

  const id = event.params.id;
  let op = TimelockOperation.load(id);
  if (op == null) {
    op = new TimelockOperation(id);
    op.scheduleCount = 0;
  }
  op.timelock = event.address;
  op.scheduler = scheduler.id;
  op.schedulerEpoch = scheduler.epoch;
  op.status = "Pending";
  op.targets = [];
  op.callCount = 0;
  op.predecessor = Bytes.fromHexString("0x0000000000000000000000000000000000000000000000000000000000000000");
  op.delay = ZERO;
  op.readyAt = event.block.timestamp;
  op.scheduledAt = event.block.timestamp;
  op.scheduledAtBlock = event.block.number;
  op.scheduleCount += 1;
  op.executedAt = null;
  op.cancelledAt = null;
  op.transactionHash = event.transaction.hash;
  op.save();
}
