import { Address } from "@graphprotocol/graph-ts";

import { RewardDeposited } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Asset, Depositor, MarketRate, MarketRateFeed, Miner, RewardDeposit } from "../../../generated/schema";
import { dayOf, depositorId, eventId, marketRateFeedId, marketRateId, offeringId } from "../../utils/ids";
import {
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  loadOffering,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";
import { setWindow } from "../../utils/window";

/**
 * depositReward covers day `lastCoveredDay + 1` (a past day) and judges it against the market:
 * the covered day's OfferingDay gets the reward figures and its share, the block's day gets the
 * activity and the end-of-day snapshot; the offering takes the new window as emitted.
 */
export function handleRewardDeposited(event: RewardDeposited): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  const o = loadOffering(offeringId(params.offeringId));
  const coveredDay = params.day.toI32();
  const share = params.sharePerMille.toI32();

  o.accRewardPerUnit = params.accRewardPerUnit;
  o.lastCoveredDay = coveredDay;
  setWindow(o, params.recentShares, protocol);
  o.rewardsDeposited = o.rewardsDeposited.plus(params.amount);

  const deposit = new RewardDeposit(eventId(event));
  const covered = getOrCreateOfferingDay(o.id, coveredDay);
  deposit.offering = o.id;
  deposit.offeringDay = covered.id;
  deposit.depositor = params.depositor;
  deposit.byMiner = params.depositor.equals(o.miner);
  // depositReward accepts the miner first: the miner's deposits are its own even if it approved itself.
  let approved: Depositor | null = null;
  if (!deposit.byMiner) approved = Depositor.load(depositorId(o.id, params.depositor));
  if (approved != null) {
    deposit.approvedDepositor = approved.id;
    approved.depositCount += 1;
    approved.rewardsDeposited = approved.rewardsDeposited.plus(params.amount);
    approved.updatedAtBlock = event.block.number;
    approved.save();
  }
  deposit.day = coveredDay;
  deposit.amount = params.amount;
  deposit.unitsOutstanding = params.unitsOutstanding;
  deposit.accRewardPerUnit = params.accRewardPerUnit;
  deposit.dayRewardPerUnitWad = params.dayRewardPerUnitWad;
  deposit.marketAvgPerUnitWad = params.marketAvgPerUnitWad;
  deposit.exactRate = params.exactRate;
  // The report it was judged against: the day's (exact), else the exchange oracle's latest
  // reported day (MarketRateOracle.latestRate), which depositReward required to be final.
  const oracle = Address.fromBytes(protocol.oracle);
  const asset = Asset.load(o.asset)!;
  let rateDay = -1;
  if (params.exactRate) {
    rateDay = coveredDay;
  } else {
    const feed = MarketRateFeed.load(marketRateFeedId(oracle, asset.assetId));
    if (feed != null) rateDay = feed.latestDay;
  }
  if (rateDay >= 0) {
    deposit.rateDay = rateDay;
    const rate = MarketRate.load(marketRateId(oracle, asset.assetId, rateDay));
    if (rate != null) deposit.marketRate = rate.id;
  }
  deposit.sharePerMille = share;
  deposit.recentShares = params.recentShares;
  deposit.blockNumber = event.block.number;
  deposit.timestamp = event.block.timestamp;
  deposit.transactionHash = event.transaction.hash;
  deposit.logIndex = event.logIndex;
  deposit.save();

  covered.covered = true;
  covered.rewardAmount = params.amount;
  covered.rewardPerUnitWad = params.dayRewardPerUnitWad;
  covered.marketAvgPerUnitWad = params.marketAvgPerUnitWad;
  covered.exactRate = params.exactRate;
  covered.sharePerMille = share;
  covered.rewardUnits = params.unitsOutstanding;
  covered.rewardDeposit = deposit.id;
  covered.save();

  // The covered day is always before the block's day, so this is another entity.
  const today = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  saveOfferingWithDay(o, today, event);

  const miner = Miner.load(o.miner)!;
  miner.rewardsDeposited = miner.rewardsDeposited.plus(params.amount);
  miner.save();

  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  recordFlow(protocol, protocolDay, o.rewardToken, "rewardsDeposited", params.amount);
  protocol.save();
  protocolDay.save();
}
