// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IPositionLocks} from "../../src/interfaces/IPositionLocks.sol";
import {PositionLocker} from "../../src/lockers/PositionLocker.sol";
import {LockPayouts, PositionState} from "../../src/types/HashpowerTypes.sol";

/// @notice A locker with each of the three shapes trading, loans and staking will take, built on
/// PositionLocker exactly as they will be, without their business logic (no prices, interest or DMC):
/// - a stake: locked, every payout keeps going to the owner;
/// - a pledge: locked for a lender, the refund routed to the loan, rewards optionally (self-repaying);
///   repay unlocks, foreclose moves the position to the lender;
/// - an auction: locked with every payout frozen inside the position until it settles to the winner;
/// - a listing fill: no lock; the buyer states the value it expects.
/// Each hold remembers who started it; only that account (or the lender) may end it, like the real ones.
contract TestLocker is PositionLocker {
    using SafeERC20 for IERC20;

    enum Kind {
        None,
        Stake,
        Pledge,
        Auction
    }

    struct Hold {
        Kind kind;
        address account; // the staker, borrower or seller
        address lender;
    }

    mapping(uint256 tokenId => Hold) public holds;

    error TestLocker_NotYours(uint256 tokenId, address caller);
    error TestLocker_WrongKind(uint256 tokenId, Kind kind);

    event Held(uint256 indexed tokenId, Kind kind, address indexed account, address lender);
    event ValueForwarded(uint256 indexed tokenId, address indexed to, uint256 amount);

    constructor(IPositionLocks positions_) PositionLocker(positions_) {}

    // ------------------------------------------------------------- stake (G)
    function stake(uint256 tokenId) external {
        PositionState memory st = _lock(tokenId, msg.sender, LockPayouts.TO_OWNER);
        _requireLive(tokenId, st);
        _hold(tokenId, Kind.Stake, address(0));
    }

    function unstake(uint256 tokenId) external {
        _end(tokenId, Kind.Stake);
        _unlock(tokenId);
    }

    // ------------------------------------------------------------- pledge (F)
    function pledge(uint256 tokenId, address lender) external {
        _lock(tokenId, msg.sender, LockPayouts.REFUND_TO_LOCKER);
        _hold(tokenId, Kind.Pledge, lender);
    }

    /// @notice The borrower turns self-repayment on or off: rewards go to the loan while on.
    function setSelfRepaying(uint256 tokenId, bool on) external {
        _mine(tokenId, Kind.Pledge);
        _routePayouts(tokenId, on ? LockPayouts.ALL : LockPayouts.REFUND_TO_LOCKER);
    }

    /// @notice Anyone may push routed rewards to the lender (a real loan would reduce the debt).
    function collectRewards(uint256 tokenId) external returns (uint256 amount) {
        PositionState memory st = _requireHeld(tokenId);
        amount = _claimRoutedRewards(tokenId, st.rewardToken);
        _forward(tokenId, st.rewardToken, holds[tokenId].lender, amount);
    }

    /// @notice Anyone may push a halted offering's refund of a pledged position to its lender.
    function collectRefund(uint256 tokenId) external returns (uint256 amount) {
        PositionState memory st = _requireHeld(tokenId);
        amount = _claimRoutedRefund(tokenId, st.paymentToken);
        _forward(tokenId, st.paymentToken, holds[tokenId].lender, amount);
    }

    function repay(uint256 tokenId) external {
        _end(tokenId, Kind.Pledge);
        _unlock(tokenId);
    }

    function foreclose(uint256 tokenId) external {
        Hold memory h = holds[tokenId];
        if (h.kind != Kind.Pledge) revert TestLocker_WrongKind(tokenId, h.kind);
        if (msg.sender != h.lender) revert TestLocker_NotYours(tokenId, msg.sender);
        delete holds[tokenId];
        _releaseTo(tokenId, h.lender);
    }

    // ------------------------------------------------------------- auction (E)
    function startAuction(uint256 tokenId) external {
        PositionState memory st = _lock(tokenId, msg.sender, LockPayouts.ALL);
        _requireLive(tokenId, st);
        _hold(tokenId, Kind.Auction, address(0));
    }

    function settle(uint256 tokenId, address winner) external {
        _end(tokenId, Kind.Auction);
        _releaseTo(tokenId, winner);
    }

    function cancelAuction(uint256 tokenId) external {
        _end(tokenId, Kind.Auction);
        _unlock(tokenId);
    }

    // ------------------------------------------------------------- listing fill (E)
    /// @notice Moves a free position from `seller` (who approved this contract) to the caller, if it
    /// still holds the value the buyer saw.
    function fillListing(uint256 tokenId, address seller, uint256 minClaimable, uint256 minRefundable) external {
        PositionState memory st = positions.positionState(tokenId);
        if (st.owner != seller) revert PositionLocker_NotPositionOwner(tokenId, seller, st.owner);
        _requireValueAtLeast(tokenId, st, minClaimable, minRefundable);
        _transferFree(tokenId, seller, msg.sender);
    }

    // ------------------------------------------------------------- internals
    function _hold(uint256 tokenId, Kind kind, address lender) private {
        holds[tokenId] = Hold(kind, msg.sender, lender);
        emit Held(tokenId, kind, msg.sender, lender);
    }

    function _mine(uint256 tokenId, Kind kind) private view {
        Hold memory h = holds[tokenId];
        if (h.kind != kind) revert TestLocker_WrongKind(tokenId, h.kind);
        if (h.account != msg.sender) revert TestLocker_NotYours(tokenId, msg.sender);
    }

    function _end(uint256 tokenId, Kind kind) private {
        _mine(tokenId, kind);
        delete holds[tokenId];
    }

    function _forward(uint256 tokenId, address token, address to, uint256 amount) private {
        if (amount == 0) return;
        emit ValueForwarded(tokenId, to, amount);
        IERC20(token).safeTransfer(to, amount);
    }
}
