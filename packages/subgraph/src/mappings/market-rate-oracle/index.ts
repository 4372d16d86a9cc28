// Handlers of MarketRateOracle events, one per file.
export { handleMarketRateReported } from "./marketRateReported";
export { handleRoleGranted } from "./roleGranted";
export { handleRoleRevoked } from "./roleRevoked";
