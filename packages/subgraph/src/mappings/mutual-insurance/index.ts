// Handlers of MutualInsurance events: the pots, underwriters and premiums, payout claims and payouts.
export { handleClaimEnded } from "./claimEnded";
export { handleClaimOpened } from "./claimOpened";
export { handleFundAdded } from "./fundAdded";
export { handleParamsSet } from "./paramsSet";
export { handlePayoutClaimed } from "./payoutClaimed";
export { handlePayoutExecuted } from "./payoutExecuted";
export { handlePayoutExpired } from "./payoutExpired";
export { handlePremiumClaimed } from "./premiumClaimed";
export { handlePremiumDeposited } from "./premiumDeposited";
export { handlePremiumTokenSet } from "./premiumTokenSet";
export { handleSlashedDeposited } from "./slashedDeposited";
export { handleSlashedMovedToFund } from "./slashedMovedToFund";
export { handleUnderwritten } from "./underwritten";
export { handleUnstakeCancelled } from "./unstakeCancelled";
export { handleUnstakeRequested } from "./unstakeRequested";
export { handleWithdrawn } from "./withdrawn";
