import { MarketRateReported } from "../../../generated/MarketRateOracle/MarketRateOracle";
import { Asset, MarketRate } from "../../../generated/schema";
import { CORRECTION_WINDOW } from "../../utils/constants";
import { dateOf, marketRateId } from "../../utils/ids";
import { getOrCreateFeed } from "../../utils/rates";

/**
 * One report per oracle, asset and completed day; correctable for CORRECTION_WINDOW, final from
 * finalAt. The feed's latest day follows the oracle's _latestDay (the highest day reported).
 */
export function handleMarketRateReported(event: MarketRateReported): void {
  const params = event.params;
  const asset = params.assetId.toI32();
  const day = params.day.toI32();
  const rate = new MarketRate(marketRateId(event.address, asset, day));
  // The oracle does not check asset ids; leave the reference null for an unregistered one.
  if (Asset.load(asset.toString()) != null) rate.asset = asset.toString();
  rate.assetId = asset;
  rate.oracle = event.address;
  rate.day = day;
  rate.date = dateOf(day);
  rate.avgRewardPerUnitWad = params.avgRewardPerUnitWad;
  rate.reportedAvgRewardPerUnitWad = params.avgRewardPerUnitWad;
  rate.reporter = params.reporter;
  rate.reportedAt = event.block.timestamp;
  rate.finalAt = event.block.timestamp.plus(CORRECTION_WINDOW);
  rate.correctionCount = 0;
  rate.blockNumber = event.block.number;
  rate.timestamp = event.block.timestamp;
  rate.transactionHash = event.transaction.hash;
  rate.save();

  const feed = getOrCreateFeed(event.address, asset);
  if (day > feed.latestDay) {
    feed.latestDay = day;
    feed.latest = rate.id;
  }
  feed.reportCount += 1;
  feed.save();
}
