import { MarketRateReported } from "../../../generated/MarketRateOracle/MarketRateOracle";
import { Asset, MarketRate } from "../../../generated/schema";
import { dateOf, marketRateId } from "../../utils/ids";

/** One final report per oracle, asset and completed day. */
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
  rate.reporter = params.reporter;
  rate.blockNumber = event.block.number;
  rate.timestamp = event.block.timestamp;
  rate.transactionHash = event.transaction.hash;
  rate.save();
}
