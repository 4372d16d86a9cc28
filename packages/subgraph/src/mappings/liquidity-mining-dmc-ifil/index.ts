// Handlers of LiquidityMiningDmcIfil events, liquidity mining of DmcIfil LP: stakes, weights and DMC claims.
export { handleDmcClaimed } from "./dmcClaimed";
export { handleLpStaked } from "./lpStaked";
export { handleLpWithdrawn } from "./lpWithdrawn";
export { handleRateSet } from "./rateSet";
export { handleWeightChanged } from "./weightChanged";
