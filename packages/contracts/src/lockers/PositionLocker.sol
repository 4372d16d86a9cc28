// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

import {IPositionLockerErrors} from "../errors/LockErrors.sol";
import {IPositionLocks} from "../interfaces/IPositionLocks.sol";
import {LockPayouts, OfferingStatus, PositionState} from "../types/HashpowerTypes.sol";

/// @title PositionLocker
/// @notice The base of every contract that holds positions in place: listings and auctions, loans,
/// stakes. It keeps the exchange reference and the checks every locker needs, so each feature adds
/// only its own rules. See packages/contracts/README.md ("How to add a locker") and
/// docs/decisions/0016-locks-and-value.md.
/// @dev Governance must approve the locker on the exchange (`setLocker`) and the owner must approve it
/// for the position (`approve` or `setApprovalForAll`) before `_lock`. A position has one lock holder at
/// a time; a locker never takes custody, so a bug in it can freeze a position but never move it
/// anywhere but to the address `_releaseTo` names, and governance can free it once the locker is revoked.
abstract contract PositionLocker is IPositionLockerErrors {
    /// @notice The exchange whose positions this contract locks.
    IPositionLocks public immutable positions;

    /// @notice A payout routed to this locker was claimed from the exchange.
    /// @param refund True for a halted offering's refund, false for mining rewards.
    event LockedValueClaimed(uint256 indexed tokenId, address indexed token, uint256 amount, bool refund);

    constructor(IPositionLocks positions_) {
        if (address(positions_) == address(0)) revert PositionLocker_ZeroExchange();
        positions = positions_;
    }

    /// @dev Locks `tokenId`, which `owner` must own, routing the payouts in `payouts` to this contract.
    /// Pass the account the feature acts for (usually msg.sender): the exchange checks only that this
    /// contract is approved, so without this check anyone could lock another owner's approved position.
    function _lock(uint256 tokenId, address owner, uint8 payouts) internal returns (PositionState memory st) {
        st = positions.positionState(tokenId);
        if (st.owner != owner) revert PositionLocker_NotPositionOwner(tokenId, owner, st.owner);
        positions.lock(tokenId, payouts);
        st.lockHolder = address(this);
        st.lockPayouts = payouts;
    }

    /// @dev Releases the lock; the position and every unclaimed payout stay with its owner.
    function _unlock(uint256 tokenId) internal {
        positions.unlock(tokenId);
    }

    /// @dev Releases the lock and moves the position, with all its unclaimed value, to `to`
    /// (an auction's winner, a foreclosing lender). No receiver callback runs.
    function _releaseTo(uint256 tokenId, address to) internal {
        positions.seize(tokenId, to);
    }

    /// @dev Re-routes the payouts of a position this contract holds.
    function _routePayouts(uint256 tokenId, uint8 payouts) internal {
        positions.setLockPayouts(tokenId, payouts);
    }

    /// @dev Claims the rewards routed to this contract; returns what arrived (in `st.rewardToken`).
    function _claimRoutedRewards(uint256 tokenId, address rewardToken) internal returns (uint256 amount) {
        amount = positions.claimRewards(_single(tokenId));
        if (amount != 0) emit LockedValueClaimed(tokenId, rewardToken, amount, false);
    }

    /// @dev Claims the refund routed to this contract; returns what arrived (in `st.paymentToken`).
    function _claimRoutedRefund(uint256 tokenId, address paymentToken) internal returns (uint256 amount) {
        amount = positions.claimRefunds(_single(tokenId));
        emit LockedValueClaimed(tokenId, paymentToken, amount, true);
    }

    /// @dev Moves a free position with the owner's approval (a listing's fill: no lock, no custody).
    function _transferFree(uint256 tokenId, address from, address to) internal {
        IERC721(address(positions)).transferFrom(from, to, tokenId);
    }

    /// @dev The position's state; reverts unless this contract holds its lock.
    function _requireHeld(uint256 tokenId) internal view returns (PositionState memory st) {
        st = positions.positionState(tokenId);
        if (st.lockHolder != address(this)) revert PositionLocker_NotHeld(tokenId, st.lockHolder);
    }

    /// @dev Reverts if the offering is halted or its term is over (nothing left to sell or stake).
    function _requireLive(uint256 tokenId, PositionState memory st) internal view {
        if (st.status == OfferingStatus.Halted || block.timestamp / 1 days >= st.termEndDay) {
            revert PositionLocker_OfferingNotLive(tokenId, st.status, st.termEndDay);
        }
    }

    /// @dev The buyer's guard against a seller emptying a position just before the sale fills: the
    /// position must still hold the unclaimed rewards and refund the buyer saw.
    function _requireValueAtLeast(uint256 tokenId, PositionState memory st, uint256 minClaimable, uint256 minRefundable)
        internal
        pure
    {
        if (st.claimableRewards < minClaimable || st.refundable < minRefundable) {
            revert PositionLocker_ValueBelowMinimum(
                tokenId, st.claimableRewards, minClaimable, st.refundable, minRefundable
            );
        }
    }

    function _single(uint256 tokenId) private pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = tokenId;
    }
}
