// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

import {ProtocolParameters} from "../governance/ProtocolParameters.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {IPositionListings} from "../interfaces/IPositionListings.sol";
import {ITradingRewards} from "../interfaces/ITradingRewards.sol";
import {PositionLocker} from "../lockers/PositionLocker.sol";
import {FeeVault} from "../treasury/FeeVault.sol";
import {OfferingStatus, PositionState} from "../types/HashpowerTypes.sol";

/// @title PositionListings
/// @notice Fixed-price listings of hashpower positions, without custody and without a lock: the seller
/// keeps the position (and can claim from it) until a buyer fills the listing. See {IPositionListings}.
/// @dev Liveness rests on the per-token approval: the seller approves this contract for the token, and
/// ERC-721 clears that approval on every transfer while the exchange clears it on every lock. An
/// operator approval (`setApprovalForAll`) survives both, so it is never enough here: a listing whose
/// position left and came back, or was locked and unlocked, stays dead. Not a locker: governance need not
/// approve it on the exchange.
contract PositionListings is IPositionListings, PositionLocker, FeeVault {
    using SafeERC20 for IERC20;

    uint256 private constant BPS = 10_000;

    /// @notice Where the trading fee comes from (snapshotted per listing).
    ProtocolParameters public immutable params;
    /// @notice Credited with every fee a buyer pays here; zero disables the credit.
    ITradingRewards public immutable rewards;
    /// @notice The id the next listing gets.
    uint40 public nextListingId = 1;

    mapping(uint256 tokenId => Listing) private _listings;

    constructor(
        IHashpowerExchange exchange_,
        ProtocolParameters params_,
        ITradingRewards rewards_,
        address owner_,
        address feeRecipient_
    ) PositionLocker(exchange_) FeeVault(owner_, feeRecipient_) {
        if (address(params_) == address(0)) revert Listings_ZeroAddress();
        params = params_;
        rewards = rewards_;
    }

    // =================================================================== seller

    /// @inheritdoc IPositionListings
    function list(uint256 tokenId, address paymentToken, uint256 price, uint256 expiry)
        external
        returns (uint256 listingId)
    {
        _checkTerms(price, expiry);
        IHashpowerExchange exchange_ = _exchange();
        if (!exchange_.isPaymentToken(paymentToken)) revert Listings_PaymentTokenNotListed(paymentToken);
        PositionState memory st = exchange_.positionState(tokenId);
        if (st.owner != msg.sender) revert PositionLocker_NotPositionOwner(tokenId, msg.sender, st.owner);
        if (st.lockHolder != address(0)) revert Listings_PositionLocked(tokenId, st.lockHolder);
        _requireLive(tokenId, st);
        if (IERC721(address(exchange_)).getApproved(tokenId) != address(this)) revert Listings_NotApproved(tokenId);

        Listing storage l = _listings[tokenId];
        if (l.seller != address(0)) emit ListingCancelled(l.listingId, tokenId, msg.sender);
        uint16 feeBps = params.tradingFeeBps();
        listingId = nextListingId;
        nextListingId = uint40(listingId + 1);
        _listings[tokenId] = Listing({
            seller: msg.sender,
            price: uint96(price),
            paymentToken: paymentToken,
            expiry: uint40(expiry),
            feeBps: feeBps,
            listingId: uint40(listingId)
        });
        emit Listed(listingId, tokenId, msg.sender, paymentToken, price, expiry, feeBps);
    }

    /// @inheritdoc IPositionListings
    function updateListing(uint256 tokenId, uint256 price, uint256 expiry) external {
        Listing storage l = _listings[tokenId];
        address seller = l.seller;
        if (seller == address(0)) revert Listings_NotListed(tokenId);
        if (msg.sender != seller) revert Listings_NotSeller(tokenId, msg.sender, seller);
        address owner_ = IERC721(address(positions)).ownerOf(tokenId);
        if (owner_ != seller) revert Listings_SellerNoLongerOwns(tokenId, seller, owner_);
        _checkTerms(price, expiry);
        l.price = uint96(price);
        l.expiry = uint40(expiry);
        emit ListingUpdated(l.listingId, tokenId, price, expiry);
    }

    /// @inheritdoc IPositionListings
    function cancelListing(uint256 tokenId) external {
        Listing storage l = _listings[tokenId];
        address seller = l.seller;
        if (seller == address(0)) revert Listings_NotListed(tokenId);
        if (msg.sender != seller && msg.sender != IERC721(address(positions)).ownerOf(tokenId)) {
            revert Listings_NotSeller(tokenId, msg.sender, seller);
        }
        uint256 listingId = l.listingId;
        delete _listings[tokenId];
        emit ListingCancelled(listingId, tokenId, msg.sender);
    }

    // =================================================================== buyer

    /// @inheritdoc IPositionListings
    /// @dev Checks in order of cost: the stored listing first, then one `positionState` read for owner,
    /// lock, offering and value, then the approval. The listing is deleted and {ListingSold} emitted
    /// before the position and the tokens move; the NFT moves without a receiver callback.
    function buy(uint256 tokenId, uint256 maxPrice, uint256 minClaimable, address referrer) external nonReentrant {
        Listing memory l = _listings[tokenId];
        if (l.seller == address(0)) revert Listings_NotListed(tokenId);
        if (block.timestamp >= l.expiry) revert Listings_Expired(tokenId, l.expiry);
        if (l.price > maxPrice) revert Listings_PriceAboveMax(l.price, maxPrice);
        if (msg.sender == l.seller) revert Listings_BuyerIsSeller(tokenId);
        PositionState memory st = positions.positionState(tokenId);
        if (st.owner != l.seller) revert Listings_SellerNoLongerOwns(tokenId, l.seller, st.owner);
        if (st.lockHolder != address(0)) revert Listings_PositionLocked(tokenId, st.lockHolder);
        if (IERC721(address(positions)).getApproved(tokenId) != address(this)) revert Listings_NotApproved(tokenId);
        _requireLive(tokenId, st);
        _requireValueAtLeast(tokenId, st, minClaimable, 0);

        uint256 price = l.price;
        uint256 fee = price * l.feeBps / BPS;
        delete _listings[tokenId];
        if (fee != 0) _accrueFee(l.paymentToken, fee);
        emit ListingSold(l.listingId, tokenId, msg.sender, l.seller, l.paymentToken, price, fee, referrer);

        _transferFree(tokenId, l.seller, msg.sender);
        IERC20 token = IERC20(l.paymentToken);
        token.safeTransferFrom(msg.sender, l.seller, price - fee);
        if (fee != 0) {
            token.safeTransferFrom(msg.sender, address(this), fee);
            if (address(rewards) != address(0)) rewards.recordFee(msg.sender, referrer, address(token), fee);
        }
    }

    // =================================================================== views

    /// @inheritdoc IPositionListings
    function listingOf(uint256 tokenId) external view returns (Listing memory) {
        return _listings[tokenId];
    }

    /// @inheritdoc IPositionListings
    function isLive(uint256 tokenId) external view returns (bool) {
        Listing memory l = _listings[tokenId];
        if (l.seller == address(0) || block.timestamp >= l.expiry) return false;
        PositionState memory st = positions.positionState(tokenId);
        if (st.owner != l.seller || st.lockHolder != address(0)) return false;
        if (IERC721(address(positions)).getApproved(tokenId) != address(this)) return false;
        return st.status != OfferingStatus.Halted && block.timestamp / 1 days < st.termEndDay;
    }

    // =================================================================== internals

    function _checkTerms(uint256 price, uint256 expiry) private view {
        if (price == 0 || price > type(uint96).max) revert Listings_InvalidPrice(price);
        if (expiry <= block.timestamp || expiry > type(uint40).max) {
            revert Listings_InvalidExpiry(expiry, block.timestamp);
        }
    }

    function _exchange() private view returns (IHashpowerExchange) {
        return IHashpowerExchange(address(positions));
    }
}
