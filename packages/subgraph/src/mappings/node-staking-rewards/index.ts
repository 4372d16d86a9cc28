// Handlers of NodeStakingRewards events, node-staking DMC: weights set by PromotionNodes, DMC claims.
export { handleDmcClaimed } from "./dmcClaimed";
export { handleRateSet } from "./rateSet";
export { handleWeightChanged } from "./weightChanged";
export { handleWeightSourceSet } from "./weightSourceSet";
