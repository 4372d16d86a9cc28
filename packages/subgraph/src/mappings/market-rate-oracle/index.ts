// Handlers of MarketRateOracle events, one per file.
export { handleMarketRateReported } from "./marketRateReported";
