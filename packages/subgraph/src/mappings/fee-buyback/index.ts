// Handlers of FeeBuyback events: conversions of fee tokens into DMC, markets, TWAP checkpoints and bounds.
export { handleConverted } from "./converted";
export { handleMarketSet } from "./marketSet";
export { handleObserved } from "./observed";
export { handleParametersSet } from "./parametersSet";
