import { Address } from "@graphprotocol/graph-ts";

import { PositionPurchased } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Position, Purchase } from "../../../generated/schema";
import { POSITION_ACTIVE, ZERO } from "../../utils/constants";
import { dayOf, eventId, offeringId, positionId } from "../../utils/ids";
import {
  getOrCreateAccount,
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  getOrCreateToken,
  loadOffering,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";

/**
 * HashpowerExchange._buy. Emitted after the mint's Transfer, so the owner's position count was
 * already updated by handleTransfer; this creates the Position and replays the escrow effects.
 */
export function handlePositionPurchased(event: PositionPurchased): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  const o = loadOffering(offeringId(params.offeringId));
  const today = dayOf(event.block.timestamp);
  const purchaseDay = params.purchaseDay.toI32();
  const startDay = params.startDay.toI32();

  // Effects of _buy: the sale closes when the term starts, so every position starts on
  // termStartDay (the event's startDay) and joins the offering's single escrow cohort.
  o.totalNet = o.totalNet.plus(params.netAmount);
  o.feesAccrued = o.feesAccrued.plus(params.fee);
  // A zero price is only ever a primary auction's reserved units minted to the miner
  // (releaseReservedUnits after deposits began): they counted as sold since UnitsReserved. A paid sale
  // of reserved units is recognised by the auction's AuctionSettled, which corrects both counters.
  if (params.totalPrice.isZero()) {
    o.reservedUnits = o.reservedUnits.ge(params.units) ? o.reservedUnits.minus(params.units) : ZERO;
  } else {
    o.unitsSold = o.unitsSold.plus(params.units);
  }
  o.volume = o.volume.plus(params.totalPrice);
  o.positionCount += 1;

  const buyer = getOrCreateAccount(protocol, params.buyer, event.block);
  buyer.purchaseCount += 1;
  buyer.save();

  const purchase = new Purchase(eventId(event));
  purchase.position = positionId(params.tokenId);
  purchase.offering = o.id;
  purchase.buyer = buyer.id;
  purchase.referrer = params.referrer;
  purchase.units = params.units;
  purchase.totalPrice = params.totalPrice;
  purchase.fee = params.fee;
  purchase.netAmount = params.netAmount;
  purchase.purchaseDay = purchaseDay;
  purchase.startDay = startDay;
  purchase.rewardSnapshot = params.rewardSnapshot;
  purchase.blockNumber = event.block.number;
  purchase.timestamp = event.block.timestamp;
  purchase.transactionHash = event.transaction.hash;
  purchase.logIndex = event.logIndex;
  purchase.save();

  const position = new Position(positionId(params.tokenId));
  position.tokenId = params.tokenId;
  position.offering = o.id;
  position.owner = buyer.id;
  position.buyer = buyer.id;
  position.referrer = params.referrer;
  position.units = params.units;
  position.purchaseDay = purchaseDay;
  position.startDay = startDay;
  position.endDay = o.termEndDay;
  position.netPaid = params.netAmount;
  position.totalPrice = params.totalPrice;
  position.fee = params.fee;
  position.rewardSnapshot = params.rewardSnapshot;
  position.claimed = ZERO;
  position.refunded = false;
  position.refundedAmount = ZERO;
  position.locked = false;
  position.listingsApproved = false;
  position.rewardsToLocker = false;
  position.refundToLocker = false;
  position.status = POSITION_ACTIVE;
  position.transferCount = 0;
  position.metadataUpdatedAtBlock = event.block.number;
  position.purchase = purchase.id;
  position.createdAtBlock = event.block.number;
  position.createdAtTimestamp = event.block.timestamp;
  position.updatedAtBlock = event.block.number;
  position.save();

  const day = getOrCreateOfferingDay(o.id, today);
  day.purchases += 1;
  day.unitsSold = day.unitsSold.plus(params.units);
  day.volume = day.volume.plus(params.totalPrice);
  day.fees = day.fees.plus(params.fee);
  saveOfferingWithDay(o, day, event);

  protocol.positionCount += 1;
  protocol.purchaseCount += 1;
  protocol.unitsSold = protocol.unitsSold.plus(params.units);
  protocol.totalNet = protocol.totalNet.plus(params.netAmount);
  protocolDay.purchases += 1;
  protocolDay.newPositions += 1;
  protocolDay.unitsSold = protocolDay.unitsSold.plus(params.units);
  recordFlow(protocol, protocolDay, o.paymentToken, "volume", params.totalPrice);
  recordFlow(protocol, protocolDay, o.paymentToken, "fees", params.fee);
  const token = getOrCreateToken(Address.fromBytes(o.paymentToken));
  token.totalNet = token.totalNet.plus(params.netAmount);
  token.save();
  protocol.save();
  protocolDay.save();
}
