// Handlers of DmexTimelock events: its delay and its roles (the council's proposer/canceller powers).
export { handleMinDelayChange } from "./minDelayChange";
export { handleRoleGranted } from "./roleGranted";
export { handleRoleRevoked } from "./roleRevoked";
