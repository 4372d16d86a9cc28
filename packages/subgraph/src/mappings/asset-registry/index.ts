// Handlers of AssetRegistry events, one per file (the manifest names one mapping file).
export { handleAssetRegistered } from "./assetRegistered";
export { handleRewardTokenSet } from "./rewardTokenSet";
export { handleRoleGranted } from "./roleGranted";
export { handleRoleRevoked } from "./roleRevoked";
