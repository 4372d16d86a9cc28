// Handlers of MinerApplications events: applications, their stakes and the stake policy.
export { handleApplicationApproved } from "./applicationApproved";
export { handleApplicationCancelled } from "./applicationCancelled";
export { handleApplicationSubmitted } from "./applicationSubmitted";
export { handleGovernorSet } from "./governorSet";
export { handleOwnershipTransferred } from "./ownershipTransferred";
export { handleStakePolicySet } from "./stakePolicySet";
export { handleStakeSlashed } from "./stakeSlashed";
export { handleStakeWithdrawn } from "./stakeWithdrawn";
