// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {IPositionListings} from "../../../src/interfaces/IPositionListings.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {PositionListings} from "../../../src/trading/PositionListings.sol";
import {TestLocker} from "../../mocks/TestLocker.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives fixed-price listings among three holders of positions in two offerings: list (with a
/// fresh per-token approval), re-approve without listing, transfer, lock and unlock through a locker,
/// halt an offering, sweep fees and buy, while time moves forward. Every successful fill is checked
/// against what held right before it (invariants 24 and 25 of test/invariant/README.md).
contract ListingsHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant BPS = 10_000;

    HashpowerExchange public immutable exchange;
    PositionListings public immutable listings;
    BridgedToken public immutable usdt;
    TestLocker public immutable locker;
    address public immutable governor;

    address[] public actors;
    uint256[] public tokens;
    uint256[] public offeringIds;

    // ghosts
    uint256 public ghostFills;
    /// @dev Fills whose seller did not own the position, or whose position was locked, right before.
    uint256 public ghostFillsOfPositionsNotHeld;
    /// @dev Fills whose seller received something other than `price - fee`, or whose fee was not the snapshot's.
    uint256 public ghostBadSplits;
    /// @dev Fills of a listing whose position left its seller or was locked after it was listed, and that
    /// the seller did not approve again afterwards.
    uint256 public ghostRevivedFills;
    uint256 public ghostFeesCollected;
    uint256 public ghostFeesSwept;
    uint256 public ghostTransfers;
    uint256 public ghostLocks;
    uint256 public ghostHalts;

    /// @dev listingId => the position left its seller or was locked since it was listed, and the seller has
    /// not re-approved this contract since.
    mapping(uint256 listingId => bool) public dead;

    constructor(
        HashpowerExchange exchange_,
        PositionListings listings_,
        BridgedToken usdt_,
        TestLocker locker_,
        address governor_,
        address[] memory actors_,
        uint256[] memory tokens_,
        uint256[] memory offeringIds_
    ) {
        (exchange, listings, usdt, locker, governor) = (exchange_, listings_, usdt_, locker_, governor_);
        (actors, tokens, offeringIds) = (actors_, tokens_, offeringIds_);
    }

    function _token(uint256 seed) internal view returns (uint256) {
        return tokens[seed % tokens.length];
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _markDead(uint256 tokenId) internal {
        IPositionListings.Listing memory l = listings.listingOf(tokenId);
        if (l.seller != address(0)) dead[l.listingId] = true;
    }

    function list(uint256 tokenSeed, uint256 price, uint256 expiryDelta) external {
        uint256 tokenId = _token(tokenSeed);
        address owner = exchange.ownerOf(tokenId);
        price = price % 5_000e6 + 1;
        expiryDelta = expiryDelta % 10 days + 1;
        _approveAsOwner(owner, tokenId);
        vm.prank(owner);
        try listings.list(tokenId, address(usdt), price, block.timestamp + expiryDelta) {} catch {}
    }

    /// @dev The owner approves the listings contract again without listing: only the seller's own
    /// approval may bring its listing back (see the unit test on stale listings).
    function reapprove(uint256 tokenSeed) external {
        uint256 tokenId = _token(tokenSeed);
        address owner = exchange.ownerOf(tokenId);
        _approveAsOwner(owner, tokenId);
    }

    /// @dev An approval by the owner (which the exchange accepts even while the position is locked): if the
    /// owner is the stored listing's seller, that is the seller's own consent and its listing may fill again.
    function _approveAsOwner(address owner, uint256 tokenId) internal {
        vm.prank(owner);
        try exchange.approve(address(listings), tokenId) {
            IPositionListings.Listing memory l = listings.listingOf(tokenId);
            if (l.seller == owner) dead[l.listingId] = false;
        } catch {}
    }

    function transfer(uint256 tokenSeed, uint256 toSeed) external {
        uint256 tokenId = _token(tokenSeed);
        address owner = exchange.ownerOf(tokenId);
        address to = _actor(toSeed);
        if (to == owner) to = _actor(toSeed + 1);
        vm.prank(owner);
        try exchange.transferFrom(owner, to, tokenId) {
            ++ghostTransfers;
            _markDead(tokenId);
        } catch {}
    }

    function lock(uint256 tokenSeed) external {
        uint256 tokenId = _token(tokenSeed);
        vm.prank(exchange.ownerOf(tokenId));
        try locker.stake(tokenId) {
            ++ghostLocks;
            _markDead(tokenId);
        } catch {}
    }

    function unlock(uint256 tokenSeed) external {
        uint256 tokenId = _token(tokenSeed);
        vm.prank(exchange.ownerOf(tokenId));
        try locker.unstake(tokenId) {} catch {}
    }

    /// @dev Flags (after the missed-deposit window) and halts one offering; rarely, so most runs trade.
    function halt(uint256 offeringSeed, uint256 chance) external {
        if (chance % 16 != 0) return;
        uint256 id = offeringIds[offeringSeed % offeringIds.length];
        uint256 due = (uint256(exchange.getOffering(id).lastCoveredDay) + 8) * 1 days + 1 hours;
        if (block.timestamp < due) vm.warp(due);
        try exchange.flag(id) {} catch {}
        vm.prank(governor);
        try exchange.halt(id) {
            ++ghostHalts;
        } catch {}
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + secs % 2 days + 1);
    }

    function sweep() external {
        try listings.sweepFees(address(usdt)) returns (uint256 amount) {
            ghostFeesSwept += amount;
        } catch {}
    }

    function buy(uint256 buyerSeed, uint256 tokenSeed) external {
        uint256 tokenId = _token(tokenSeed);
        address buyer = _actor(buyerSeed);
        IPositionListings.Listing memory l = listings.listingOf(tokenId);
        address ownerBefore = exchange.ownerOf(tokenId);
        address lockBefore = exchange.lockedBy(tokenId);
        uint256 sellerBefore = usdt.balanceOf(l.seller);
        uint256 heldBefore = usdt.balanceOf(address(listings));
        vm.prank(buyer);
        try listings.buy(tokenId, type(uint256).max, 0, address(0)) {
            ++ghostFills;
            if (ownerBefore != l.seller || lockBefore != address(0) || exchange.ownerOf(tokenId) != buyer) {
                ++ghostFillsOfPositionsNotHeld;
            }
            if (dead[l.listingId]) ++ghostRevivedFills;
            uint256 fee = usdt.balanceOf(address(listings)) - heldBefore;
            uint256 toSeller = usdt.balanceOf(l.seller) - sellerBefore;
            if (toSeller + fee != l.price || fee != uint256(l.price) * l.feeBps / BPS) ++ghostBadSplits;
            ghostFeesCollected += fee;
        } catch {}
    }
}
