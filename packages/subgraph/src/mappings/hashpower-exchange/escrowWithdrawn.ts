import { EscrowWithdrawn } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { EscrowWithdrawal, Miner } from "../../../generated/schema";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import {
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  loadOffering,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";

/** withdrawEscrow sets `withdrawn = releasedToDate`. */
export function handleEscrowWithdrawn(event: EscrowWithdrawn): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  o.withdrawn = params.releasedToDate;
  o.lastReportedReleased = params.releasedToDate;
  o.lastReportedReleasedDay = params.releasedDay.toI32();

  const withdrawal = new EscrowWithdrawal(eventId(event));
  withdrawal.offering = o.id;
  withdrawal.miner = params.miner;
  withdrawal.to = params.to;
  withdrawal.amount = params.amount;
  withdrawal.releasedToDate = params.releasedToDate;
  withdrawal.releasedDay = params.releasedDay.toI32();
  withdrawal.blockNumber = event.block.number;
  withdrawal.timestamp = event.block.timestamp;
  withdrawal.transactionHash = event.transaction.hash;
  withdrawal.logIndex = event.logIndex;
  withdrawal.save();

  const miner = Miner.load(o.miner)!;
  miner.escrowWithdrawn = miner.escrowWithdrawn.plus(params.amount);
  miner.save();

  const day = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  day.escrowWithdrawn = day.escrowWithdrawn.plus(params.amount);
  saveOfferingWithDay(o, day, event);

  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  recordFlow(protocol, protocolDay, o.paymentToken, "escrowWithdrawn", params.amount);
  protocol.save();
  protocolDay.save();
}
