// Handlers of the council Safe's events (SafeL2 1.4.1): owners, threshold, modules, executions.
export { handleAddedOwner } from "./addedOwner";
export { handleChangedThreshold } from "./changedThreshold";
export { handleDisabledModule } from "./disabledModule";
export { handleEnabledModule } from "./enabledModule";
export { handleExecutionFailure } from "./executionFailure";
export { handleExecutionSuccess } from "./executionSuccess";
export { handleRemovedOwner } from "./removedOwner";
export { handleSafeSetup } from "./safeSetup";
