// Handlers of ProtocolParameters events: the trading and DeFi fees.
export { handleOwnershipTransferred } from "./ownershipTransferred";
export { handleParameterSet } from "./parameterSet";
