// Handlers of PositionListings events: fixed-price listings and their sales.
export { handleFeeRecipientSet } from "./feeRecipientSet";
export { handleListed } from "./listed";
export { handleListingCancelled } from "./listingCancelled";
export { handleListingSold } from "./listingSold";
export { handleListingUpdated } from "./listingUpdated";
