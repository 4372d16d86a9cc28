import { AssetRegistered } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Asset } from "../../../generated/schema";
import { assetId } from "../../utils/ids";
import { getOrCreateProtocol } from "../../utils/loaders";

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

  const protocol = getOrCreateProtocol(event.address);
  protocol.assetCount += 1;
  protocol.save();
}
