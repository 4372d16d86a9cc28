// Handlers of PositionStaking events, NFT staking: positions staked in place, their weights and DMC claims.
export { handleDmcClaimed } from "./dmcClaimed";
export { handlePositionStaked } from "./positionStaked";
export { handlePositionUnstaked } from "./positionUnstaked";
export { handleRateSet } from "./rateSet";
export { handleStakeReweighted } from "./stakeReweighted";
export { handleWeightChanged } from "./weightChanged";
