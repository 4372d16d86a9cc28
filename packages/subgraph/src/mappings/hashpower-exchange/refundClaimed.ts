import { RefundClaimed } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Refund } from "../../../generated/schema";
import { positionStatus } from "../../utils/positions";
import { dayOf, eventId, offeringId, positionId } from "../../utils/ids";
import {
  getOrCreateAccount,
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  loadOffering,
  loadPosition,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";

/** claimRefunds pays a position of a halted offering its unreleased escrow, once. */
export function handleRefundClaimed(event: RefundClaimed): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  const position = loadPosition(positionId(params.tokenId));
  const o = loadOffering(offeringId(params.offeringId));
  const owner = getOrCreateAccount(protocol, params.owner, event.block);

  position.refunded = true;
  position.refundedAmount = params.amount;
  position.status = positionStatus(position);
  position.updatedAtBlock = event.block.number;
  position.save();

  owner.refunded = owner.refunded.plus(params.amount);
  owner.save();

  const refund = new Refund(eventId(event));
  refund.position = position.id;
  refund.offering = o.id;
  refund.owner = owner.id;
  refund.amount = params.amount;
  refund.blockNumber = event.block.number;
  refund.timestamp = event.block.timestamp;
  refund.transactionHash = event.transaction.hash;
  refund.logIndex = event.logIndex;
  refund.save();

  o.refunded = o.refunded.plus(params.amount);
  const day = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  day.refunded = day.refunded.plus(params.amount);
  saveOfferingWithDay(o, day, event);

  recordFlow(protocol, protocolDay, o.paymentToken, "refunded", params.amount);
  protocol.save();
  protocolDay.save();
}
