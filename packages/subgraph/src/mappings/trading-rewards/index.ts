// Handlers of TradingRewards events: per-epoch fee credits, settled rewards and claims.
export { handleEpochOpened } from "./epochOpened";
export { handleFeeCredited } from "./feeCredited";
export { handleFeeTokenSet } from "./feeTokenSet";
export { handleReferralFailed } from "./referralFailed";
export { handleReferralsSet } from "./referralsSet";
export { handleRewardsClaimed } from "./rewardsClaimed";
export { handleRewardsSettled } from "./rewardsSettled";
export { handleScheduleSet } from "./scheduleSet";
export { handleSourceSet } from "./sourceSet";
