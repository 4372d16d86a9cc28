import { RewardTokenSet } from "../../../generated/AssetRegistry/AssetRegistry";
import { RewardTokenListing } from "../../../generated/schema";
import { assetId, rewardTokenListingId } from "../../utils/ids";
import { getOrCreateToken } from "../../utils/loaders";
import { ASSETS, setParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

/** setRewardToken on the AssetRegistry: offerings of the asset may only pay rewards in a token listed for it. */
export function handleRewardTokenSet(event: RewardTokenSet): void {
  const asset = event.params.assetId.toI32();
  const token = getOrCreateToken(event.params.token);
  const id = rewardTokenListingId(asset, token.id);
  let listing = RewardTokenListing.load(id);
  if (listing == null) {
    listing = new RewardTokenListing(id);
    // setRewardToken reverts for an unknown asset, so the Asset exists.
    listing.asset = assetId(asset);
    listing.token = token.id;
  }
  listing.listed = event.params.listed;
  listing.updatedAtBlock = event.block.number;
  listing.updatedAtTimestamp = event.block.timestamp;
  listing.save();

  const change = newParameterChange(event, "RewardToken");
  change.address = event.params.token;
  change.assetId = asset;
  change.listed = event.params.listed;
  change.save();
  setParameter(
    event,
    ASSETS,
    "rewardToken." + asset.toString() + "." + event.params.token.toHexString(),
    event.params.listed ? "true" : "false",
  );
}
