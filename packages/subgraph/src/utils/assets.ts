import { log } from "@graphprotocol/graph-ts";

import { Asset } from "../../generated/schema";
import { assetId } from "./ids";

/** An asset the exchange registered (createOffering reverts for unknown assets). */
export function loadAsset(id: i32): Asset {
  const asset = Asset.load(assetId(id));
  if (asset == null)
    log.critical("Asset {} not indexed: is startBlock at or before the exchange deployment?", [id.toString()]);
  return asset!;
}
