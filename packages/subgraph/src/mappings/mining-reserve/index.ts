// Handlers of MiningReserve events: what is left in each bucket and who may draw from it.
export { handleBucketsFunded } from "./bucketsFunded";
export { handleDrawerSet } from "./drawerSet";
export { handleDrawn } from "./drawn";
export { handleOwnershipTransferred } from "./ownershipTransferred";
export { handleReplenished } from "./replenished";
