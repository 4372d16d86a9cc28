import { Address } from "@graphprotocol/graph-ts";

import { Asset, MarketRateFeed } from "../../generated/schema";
import { marketRateFeedId } from "./ids";

/** The feed of `oracle` for `asset` (caller saves it). */
export function getOrCreateFeed(oracle: Address, asset: i32): MarketRateFeed {
  const id = marketRateFeedId(oracle, asset);
  let feed = MarketRateFeed.load(id);
  if (feed != null) return feed;
  feed = new MarketRateFeed(id);
  feed.oracle = oracle;
  feed.assetId = asset;
  if (Asset.load(asset.toString()) != null) feed.asset = asset.toString();
  feed.latestDay = 0;
  feed.reportCount = 0;
  feed.correctionCount = 0;
  return feed;
}
