// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPositionListingsErrors
/// @notice Errors of the fixed-price listings (`PositionListings`).
interface IPositionListingsErrors {
    /// @notice The price is zero or does not fit the listing.
    error Listings_InvalidPrice(uint256 price);
    /// @notice The expiry is not in the future.
    error Listings_InvalidExpiry(uint256 expiry, uint256 nowTime);
    /// @notice The token is not a payment token the exchange lists.
    error Listings_PaymentTokenNotListed(address token);
    /// @notice The listings contract is not approved to move the position (approve it, or set it as operator).
    error Listings_NotApproved(uint256 tokenId);
    /// @notice The position is held by a lock (auction, loan, stake): a locked position cannot be listed or sold.
    error Listings_PositionLocked(uint256 tokenId, address locker);
    /// @notice There is no live listing for the position.
    error Listings_NotListed(uint256 tokenId);
    /// @notice Only the seller of the listing may do this.
    error Listings_NotSeller(uint256 tokenId, address caller, address seller);
    /// @notice The listing expired at `expiry`.
    error Listings_Expired(uint256 tokenId, uint256 expiry);
    /// @notice The position left the seller since it was listed: the listing is void.
    error Listings_SellerNoLongerOwns(uint256 tokenId, address seller, address owner);
    /// @notice The price is above the buyer's maximum.
    error Listings_PriceAboveMax(uint256 price, uint256 maxPrice);
    /// @notice The buyer is the seller.
    error Listings_BuyerIsSeller(uint256 tokenId);
    /// @notice A zero address was passed.
    error Listings_ZeroAddress();
}

/// @title IPositionAuctionsErrors
/// @notice Errors of the English auctions (`PositionAuctions`).
interface IPositionAuctionsErrors {
    /// @notice No auction has this id.
    error Auctions_UnknownAuction(uint256 auctionId);
    /// @notice The reserve price is zero or too large.
    error Auctions_InvalidReserve(uint256 reservePrice);
    /// @notice The duration is outside the allowed bounds.
    error Auctions_InvalidDuration(uint256 duration, uint256 minDuration, uint256 maxDuration);
    /// @notice The minimum increment is outside the governable bounds.
    error Auctions_InvalidIncrement(uint256 incrementBps, uint256 minBps, uint256 maxBps);
    /// @notice The caller is not the offering's miner.
    error Auctions_NotMiner(uint256 offeringId, address caller);
    /// @notice A primary auction must be able to run its full duration before the offering's sale closes.
    error Auctions_EndsAfterSaleClose(uint256 earliestEnd, uint256 saleEnd);
    /// @notice The auction is closed to bids (ended, settled or cancelled).
    error Auctions_NotOpen(uint256 auctionId);
    /// @notice The offering is flagged or halted: bidding stopped.
    error Auctions_OfferingNotActive(uint256 auctionId, uint8 status);
    /// @notice The bid is under the minimum (the reserve, or the leading bid plus the minimum increment).
    error Auctions_BidTooLow(uint256 auctionId, uint256 amount, uint256 minimum);
    /// @notice The auction has bids: it can no longer be cancelled.
    error Auctions_HasBids(uint256 auctionId);
    /// @notice Only the seller (the holder, or the miner of a primary auction) may do this.
    error Auctions_NotSeller(uint256 auctionId, address caller);
    /// @notice The auction has not ended yet.
    error Auctions_NotEnded(uint256 auctionId, uint256 endTime);
    /// @notice The auction was already settled or cancelled.
    error Auctions_AlreadyClosed(uint256 auctionId);
    /// @notice Only the leading bidder may withdraw its bid, and only while the offering is flagged or halted or
    /// governance revoked this contract (as a locker, or its primary-auction role).
    error Auctions_CannotWithdrawBid(uint256 auctionId, address caller);
    /// @notice Nothing to withdraw for this account in this token.
    error Auctions_NothingToWithdraw(address account, address token);
    /// @notice A zero address was passed.
    error Auctions_ZeroAddress();
    /// @notice The token is not a payment token the exchange lists.
    error Auctions_PaymentTokenNotListed(address token);
    /// @notice The position already has an open auction.
    error Auctions_AlreadyAuctioned(uint256 tokenId, uint256 auctionId);
    /// @notice The bid is above what an auction can take (it must fit the exchange's escrow, 96 bits).
    error Auctions_BidTooHigh(uint256 auctionId, uint256 amount, uint256 maximum);
}

/// @title ITradingRewardsErrors
/// @notice Errors of the DMC trading rewards (`TradingRewards`).
interface ITradingRewardsErrors {
    /// @notice The cap multiple or epoch budget is outside its bounds.
    error Rewards_InvalidSchedule(uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit);
    /// @notice The token's decimals are above 18 (fees are normalised to 18 decimals).
    error Rewards_UnsupportedDecimals(address token, uint8 decimals);
    /// @notice The account has no finished-epoch rewards to claim.
    error Rewards_NothingToClaim(address account);
    /// @notice The epoch duration is zero or too short, or the genesis is in the future.
    error Rewards_InvalidEpochs(uint256 genesis, uint256 epochDuration);
    /// @notice A zero address was passed.
    error Rewards_ZeroAddress();
    /// @notice The reserve does not pay in the DMC token passed to the constructor.
    error Rewards_ReserveTokenMismatch(address dmc);
    /// @notice The behaviour bucket is empty: `accrued` DMC stays claimable but nothing can be paid.
    error Rewards_BucketEmpty(address account, uint256 accrued);
}
