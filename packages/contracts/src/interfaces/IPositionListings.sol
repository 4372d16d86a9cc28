// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFeeVault} from "./IFeeVault.sol";
import {IPositionListingsErrors} from "../errors/TradingErrors.sol";

/// @title IPositionListings
/// @notice Fixed-price listings of hashpower positions by their holders. No custody: the position stays
/// with the seller until it sells. A listing fills only while all of these hold, and is void otherwise:
/// the seller still owns the position; the position carries this contract's per-token approval
/// (ERC-721 clears it on every transfer, and the exchange clears it on every lock, so a listing never
/// revives after the position left the seller or was locked); no lock holds it; its offering is not
/// halted and its term not over; the listing has not expired.
/// @dev The trading fee (ProtocolParameters.tradingFeeBps, capped there) is snapshotted per listing and
/// taken from the price: the seller receives `price - fee`. The buyer states the highest price it
/// accepts and the least unclaimed reward the position must still carry (a seller cannot empty it
/// between the buyer's look and the fill). Fees stay here until swept to the fee recipient.
/// The buyer is credited with the fee in `TradingRewards`. See docs/decisions/0017-trading.md.
interface IPositionListings is IPositionListingsErrors, IFeeVault {
    /// @notice One listing (one per position at a time).
    struct Listing {
        address seller;
        uint96 price; // payment-token base units, fee included
        address paymentToken;
        uint40 expiry; // seconds; the listing is void from this second on
        uint16 feeBps; // trading fee snapshotted when listed
        uint40 listingId; // unique, increasing
    }

    /// @notice `seller` listed position `tokenId`.
    event Listed(
        uint256 indexed listingId,
        uint256 indexed tokenId,
        address indexed seller,
        address paymentToken,
        uint256 price,
        uint256 expiry,
        uint256 feeBps
    );
    /// @notice The seller changed a listing's price or expiry.
    event ListingUpdated(uint256 indexed listingId, uint256 indexed tokenId, uint256 price, uint256 expiry);
    /// @notice A listing was cancelled by its seller or replaced by a new listing of the position.
    event ListingCancelled(uint256 indexed listingId, uint256 indexed tokenId, address indexed by);
    /// @notice A listing filled: `buyer` paid `price`, the seller received `price - fee`.
    event ListingSold(
        uint256 indexed listingId,
        uint256 indexed tokenId,
        address indexed buyer,
        address seller,
        address paymentToken,
        uint256 price,
        uint256 fee,
        address referrer
    );

    /// @notice Lists a position the caller owns, replacing any earlier listing of it. The caller must first
    /// approve this contract for the token (`approve(listings, tokenId)`). Emits {Listed}.
    /// @param paymentToken A payment token the exchange lists (a stablecoin).
    /// @param price Total price, fee included (at most 2^96 - 1).
    /// @param expiry The second from which the listing is void (in the future).
    function list(uint256 tokenId, address paymentToken, uint256 price, uint256 expiry)
        external
        returns (uint256 listingId);

    /// @notice Changes the price or expiry of the caller's listing; the fee snapshot stays. Emits {ListingUpdated}.
    function updateListing(uint256 tokenId, uint256 price, uint256 expiry) external;

    /// @notice Cancels the listing of `tokenId`: its seller, or the position's current owner. Emits {ListingCancelled}.
    function cancelListing(uint256 tokenId) external;

    /// @notice Buys a listed position: pays the price (from the caller's allowance) and receives the
    /// position with every unclaimed reward in it. Emits {ListingSold}.
    /// @param maxPrice The most the caller pays (guards against a price raised in front of it).
    /// @param minClaimable The least unclaimed reward the position must still carry.
    /// @param referrer Recorded for referral programs; may be zero.
    function buy(uint256 tokenId, uint256 maxPrice, uint256 minClaimable, address referrer) external;

    /// @notice The stored listing of `tokenId` (zero seller if none); it may be void, see {isLive}.
    function listingOf(uint256 tokenId) external view returns (Listing memory);

    /// @notice Whether `buy` would find the listing of `tokenId` fillable now (ignoring the buyer's side).
    function isLive(uint256 tokenId) external view returns (bool);
}
