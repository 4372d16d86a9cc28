// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {OfferingStatus} from "../types/HashpowerTypes.sol";

/// @title IPositionLocksErrors
/// @notice The errors the exchange raises on its lock surface (`IPositionLocks`), so every locker's
/// ABI carries them. Prefix `Exchange_`: the exchange raises them (see ExchangeErrors.sol).
interface IPositionLocksErrors {
    /// @notice The caller is not a locker governance approved.
    error Exchange_NotApprovedLocker(address caller);
    /// @notice The position is held by `locker`: it cannot move or be locked again.
    error Exchange_PositionIsLocked(uint256 tokenId, address locker);
    /// @notice The position has no lock to release or re-route.
    error Exchange_PositionIsNotLocked(uint256 tokenId);
    /// @notice Only the lock holder may do this (release, re-route, or claim a payout routed to it).
    error Exchange_NotLockHolder(uint256 tokenId, address caller);
    /// @notice Governance may free only positions held by a locker it revoked.
    error Exchange_LockerStillApproved(address locker);
    /// @notice `payouts` has bits outside LockPayouts.ALL.
    error Exchange_InvalidLockPayouts(uint8 payouts);
}

/// @title IPositionLockerErrors
/// @notice The errors of `PositionLocker`, the base every locker (listings, auctions, loans, stakes) inherits.
interface IPositionLockerErrors {
    /// @notice The exchange address is zero.
    error PositionLocker_ZeroExchange();
    /// @notice `caller` is not the position's owner.
    error PositionLocker_NotPositionOwner(uint256 tokenId, address caller, address owner);
    /// @notice This contract does not hold the lock on the position (`holder` does).
    error PositionLocker_NotHeld(uint256 tokenId, address holder);
    /// @notice The position's offering is halted, or its term over, so it is no longer what was offered.
    error PositionLocker_OfferingNotLive(uint256 tokenId, OfferingStatus status, uint256 termEndDay);
    /// @notice The position holds less unclaimed value than the counterparty required.
    error PositionLocker_ValueBelowMinimum(
        uint256 tokenId, uint256 claimable, uint256 minClaimable, uint256 refundable, uint256 minRefundable
    );
}
