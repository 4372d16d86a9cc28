// Handlers of ProtocolFeeSplitter events: distributions of collected fees, fee tokens, sinks and the premium share.
export { handleDistributed } from "./distributed";
export { handleFeeTokenSet } from "./feeTokenSet";
export { handlePremiumBpsSet } from "./premiumBpsSet";
export { handleSinksSet } from "./sinksSet";
