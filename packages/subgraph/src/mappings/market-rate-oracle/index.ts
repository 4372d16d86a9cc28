// Handlers of MarketRateOracle events, one per file.
export { handleMarketRateCorrected } from "./marketRateCorrected";
export { handleMarketRateReported } from "./marketRateReported";
export { handleRoleGranted } from "./roleGranted";
export { handleRoleRevoked } from "./roleRevoked";
