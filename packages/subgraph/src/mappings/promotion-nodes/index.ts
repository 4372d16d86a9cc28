// Handlers of PromotionNodes events: nodes, invitations, referrals' commission, its funding and claims, parameters.
export { handleCommissionClaimed } from "./commissionClaimed";
export { handleCommissionFunded } from "./commissionFunded";
export { handleCommissionRecorded } from "./commissionRecorded";
export { handleCommissionSet } from "./commissionSet";
export { handleCooldownSet } from "./cooldownSet";
export { handleExitRequested } from "./exitRequested";
export { handleFeeHookSet } from "./feeHookSet";
export { handleMaxRecruitsSet } from "./maxRecruitsSet";
export { handleNodeRegistered } from "./nodeRegistered";
export { handleNodeWithdrawn } from "./nodeWithdrawn";
export { handleRecruitSet } from "./recruitSet";
export { handleStakesSet } from "./stakesSet";
export { handleVaultDelegated } from "./vaultDelegated";
export { handleWeightSinkSet } from "./weightSinkSet";
