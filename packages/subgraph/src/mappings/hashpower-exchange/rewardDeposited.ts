import { BigInt } from "@graphprotocol/graph-ts";

import { RewardDeposited } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Miner, RewardDeposit } from "../../../generated/schema";
import { MAX_UINT16 } from "../../utils/constants";
import { dayOf, eventId, offeringId } from "../../utils/ids";
import {
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  loadOffering,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";

/**
 * depositReward covers day `lastCoveredDay + 1` (a past day): the covered day's OfferingDay gets
 * the reward figures, the block's day gets the activity and the end-of-day snapshot.
 */
export function handleRewardDeposited(event: RewardDeposited): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  const coveredDay = params.day.toI32();

  o.accRewardPerUnit = params.accRewardPerUnit;
  o.lastCoveredDay = coveredDay;
  // Storage is uint16: min(streak, type(uint16).max); the event carries the uncapped streak.
  o.lowStreak = params.lowStreak.gt(BigInt.fromI32(MAX_UINT16)) ? MAX_UINT16 : params.lowStreak.toI32();
  o.rewardsDeposited = o.rewardsDeposited.plus(params.amount);

  const deposit = new RewardDeposit(eventId(event));
  const covered = getOrCreateOfferingDay(o.id, coveredDay);
  deposit.offering = o.id;
  deposit.offeringDay = covered.id;
  deposit.depositor = params.depositor;
  deposit.day = coveredDay;
  deposit.amount = params.amount;
  deposit.unitsOutstanding = params.unitsOutstanding;
  deposit.accRewardPerUnit = params.accRewardPerUnit;
  deposit.dayRewardPerUnitWad = params.dayRewardPerUnitWad;
  deposit.marketAvgPerUnitWad = params.marketAvgPerUnitWad;
  deposit.judged = params.judged;
  deposit.belowThreshold = params.belowThreshold;
  deposit.lowStreak = params.lowStreak;
  deposit.blockNumber = event.block.number;
  deposit.timestamp = event.block.timestamp;
  deposit.transactionHash = event.transaction.hash;
  deposit.logIndex = event.logIndex;
  deposit.save();

  covered.covered = true;
  covered.rewardAmount = params.amount;
  covered.rewardPerUnitWad = params.dayRewardPerUnitWad;
  covered.marketAvgPerUnitWad = params.judged ? params.marketAvgPerUnitWad : null;
  covered.judged = params.judged;
  covered.belowThreshold = params.belowThreshold;
  covered.rewardUnits = params.unitsOutstanding;
  covered.rewardDeposit = deposit.id;
  covered.save();

  // The covered day is always before the block's day, so this is another entity.
  const today = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  saveOfferingWithDay(o, today, event);

  const miner = Miner.load(o.miner)!;
  miner.rewardsDeposited = miner.rewardsDeposited.plus(params.amount);
  miner.save();

  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  recordFlow(protocol, protocolDay, o.rewardToken, "rewardsDeposited", params.amount);
  protocol.save();
  protocolDay.save();
}
