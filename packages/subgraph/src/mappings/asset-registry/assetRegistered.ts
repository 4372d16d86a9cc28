import { AssetRegistered } from "../../../generated/AssetRegistry/AssetRegistry";
import { Asset } from "../../../generated/schema";
import { assetId } from "../../utils/ids";

/** registerAsset on the AssetRegistry (ids 1..n in order; the count is the number of Assets). */
export function handleAssetRegistered(event: AssetRegistered): void {
  const id = event.params.assetId.toI32();
  const asset = new Asset(assetId(id));
  asset.assetId = id;
  asset.symbol = event.params.symbol;
  asset.unitLabel = event.params.unitLabel;
  asset.offeringCount = 0;
  asset.createdAtBlock = event.block.number;
  asset.createdAtTimestamp = event.block.timestamp;
  asset.save();
}
