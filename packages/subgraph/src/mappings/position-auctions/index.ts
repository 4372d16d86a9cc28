// Handlers of PositionAuctions events: English auctions (secondary and primary), bids and pull refunds.
export { handleAuctionCancelled } from "./auctionCancelled";
export { handleAuctionCreated } from "./auctionCreated";
export { handleAuctionSettled } from "./auctionSettled";
export { handleBidPlaced } from "./bidPlaced";
export { handleBidRefundCredited } from "./bidRefundCredited";
export { handleFeeRecipientSet } from "./feeRecipientSet";
export { handleLeadingBidWithdrawn } from "./leadingBidWithdrawn";
export { handleMinIncrementSet } from "./minIncrementSet";
export { handleProceedsCredited } from "./proceedsCredited";
export { handleWithdrawn } from "./withdrawn";
