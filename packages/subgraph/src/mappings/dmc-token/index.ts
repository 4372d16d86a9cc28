// Handlers of DMCToken events: balances, delegation and voting power, the genesis allocations.
export { handleAllocated } from "./allocated";
export { handleDelegateChanged } from "./delegateChanged";
export { handleDelegateVotesChanged } from "./delegateVotesChanged";
export { handleTransfer } from "./transfer";
