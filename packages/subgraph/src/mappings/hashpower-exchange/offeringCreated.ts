import { OfferingCreated } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Offering } from "../../../generated/schema";
import { loadAsset } from "../../utils/assets";
import { STATUS_ACTIVE, ZERO } from "../../utils/constants";
import { dayOf, offeringId } from "../../utils/ids";
import { setWindow } from "../../utils/window";
import {
  getOrCreateMiner,
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateToken,
  saveOfferingWithDay,
} from "../../utils/loaders";

/** OfferingFactory.create: every term is in the event, so the offering needs no call. */
export function handleOfferingCreated(event: OfferingCreated): void {
  const terms = event.params.terms;
  const protocol = getOrCreateProtocol(event.address);
  const miner = getOrCreateMiner(protocol, event.params.miner);
  miner.name = terms.minerName;
  miner.offeringCount += 1;
  miner.save();

  const asset = loadAsset(event.params.assetId.toI32());
  asset.offeringCount += 1;
  asset.save();

  getOrCreateToken(terms.paymentToken);
  getOrCreateToken(terms.rewardToken);

  const o = new Offering(offeringId(event.params.offeringId));
  o.offeringId = event.params.offeringId;
  o.miner = miner.id;
  o.asset = asset.id;
  o.paymentToken = terms.paymentToken;
  o.rewardToken = terms.rewardToken;
  o.minerName = terms.minerName;
  o.metadataURI = terms.metadataURI;
  o.unitsTotal = terms.unitsTotal;
  o.unitsSold = ZERO;
  o.pricePerUnit = terms.pricePerUnit;
  o.netPricePerUnit = event.params.netPricePerUnit;
  o.feeBps = event.params.feeBps.toI32();
  o.saleStart = terms.saleStart;
  o.saleEnd = terms.saleEnd;
  o.termStartDay = terms.termStartDay.toI32();
  o.termEndDay = terms.termEndDay.toI32();
  o.expectedDailyRewardPerUnitWad = terms.expectedDailyRewardPerUnitWad;

  // HoldbackSet follows in the same transaction.
  o.holdbackDays = 0;

  o.status = STATUS_ACTIVE;
  o.flagReason = "None";
  o.frozenDay = 0;
  o.flaggedOnDay = 0;
  o.lastCoveredDay = o.termStartDay - 1;
  setWindow(o, ZERO, protocol);
  o.approvedDepositors = [];

  o.totalNet = ZERO;
  o.withdrawn = ZERO;
  o.refunded = ZERO;
  o.feesAccrued = ZERO;
  o.feesCollected = ZERO;
  o.lastReportedReleased = ZERO;
  o.lastReportedReleasedDay = 0;

  o.accRewardPerUnit = ZERO;
  o.rewardsDeposited = ZERO;
  o.rewardsClaimed = ZERO;
  o.volume = ZERO;
  o.positionCount = 0;
  o.reservedUnits = ZERO;
  o.listingCount = 0;
  o.liveListings = [];

  o.createdAtBlock = event.block.number;
  o.createdAtTimestamp = event.block.timestamp;
  o.createdAtTransaction = event.transaction.hash;
  // Also opens the creation day's OfferingDay (status Active, nothing sold or released yet).
  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);

  protocol.offeringCount += 1;
  protocol.save();
}
