// Handlers of DmexTimelock events: its delay, its roles (the council's proposer/canceller powers)
// and its operations (who scheduled them, their calls, executed / cancelled / orphaned).
export { handleCallExecuted } from "./callExecuted";
export { handleCallScheduled } from "./callScheduled";
export { handleCancelled } from "./cancelled";
export { handleMinDelayChange } from "./minDelayChange";
export { handleOperationScheduledBy } from "./operationScheduledBy";
export { handleRoleGranted } from "./roleGranted";
export { handleRoleRevoked } from "./roleRevoked";
