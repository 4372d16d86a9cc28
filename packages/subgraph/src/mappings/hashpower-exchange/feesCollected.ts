import { FeesCollected } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { FeeCollection } from "../../../generated/schema";
import { ZERO } from "../../utils/constants";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import {
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  loadOffering,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";

/** collectFees empties the offering's accrued fees. */
export function handleFeesCollected(event: FeesCollected): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  o.feesAccrued = ZERO;
  o.feesCollected = o.feesCollected.plus(params.amount);

  const record = new FeeCollection(eventId(event));
  record.offering = o.id;
  record.recipient = params.recipient;
  record.amount = params.amount;
  record.blockNumber = event.block.number;
  record.timestamp = event.block.timestamp;
  record.transactionHash = event.transaction.hash;
  record.logIndex = event.logIndex;
  record.save();

  const day = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  day.feesCollected = day.feesCollected.plus(params.amount);
  saveOfferingWithDay(o, day, event);

  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  recordFlow(protocol, protocolDay, o.paymentToken, "feesCollected", params.amount);
  protocol.save();
  protocolDay.save();
}
