import { log } from "@graphprotocol/graph-ts";

import { MarketRateCorrected } from "../../../generated/MarketRateOracle/MarketRateOracle";
import { MarketRate, MarketRateCorrection } from "../../../generated/schema";
import { eventId, marketRateId } from "../../utils/ids";
import { getOrCreateFeed } from "../../utils/rates";

/** correct: a reporter changed a report within its correction window; the rate takes the new value. */
export function handleMarketRateCorrected(event: MarketRateCorrected): void {
  const params = event.params;
  const asset = params.assetId.toI32();
  const day = params.day.toI32();
  const rate = MarketRate.load(marketRateId(event.address, asset, day));
  if (rate == null) {
    log.critical("MarketRate {}-{}-{} corrected but never reported", [
      event.address.toHexString(),
      asset.toString(),
      day.toString(),
    ]);
    return;
  }
  rate.avgRewardPerUnitWad = params.newAvgRewardPerUnitWad;
  rate.correctionCount += 1;
  rate.lastCorrectedAt = event.block.timestamp;
  rate.save();

  const correction = new MarketRateCorrection(eventId(event));
  correction.marketRate = rate.id;
  correction.assetId = asset;
  correction.day = day;
  correction.oldAvgRewardPerUnitWad = params.oldAvgRewardPerUnitWad;
  correction.newAvgRewardPerUnitWad = params.newAvgRewardPerUnitWad;
  correction.reporter = params.reporter;
  correction.blockNumber = event.block.number;
  correction.timestamp = event.block.timestamp;
  correction.transactionHash = event.transaction.hash;
  correction.logIndex = event.logIndex;
  correction.save();

  const feed = getOrCreateFeed(event.address, asset);
  feed.correctionCount += 1;
  feed.save();
}
