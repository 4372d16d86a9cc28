// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionLocksErrors} from "../errors/LockErrors.sol";
import {PositionState} from "../types/HashpowerTypes.sol";

/// @title IPositionLocks
/// @notice The part of the exchange a locker (listing, auction, loan, stake) may use: hold a position in
/// place without taking custody, route its payouts, release or seize it, and read its value.
/// @dev A position has at most one lock holder at a time (docs/decisions/0016-locks-and-value.md):
/// no stacking, so a seizure never leaves another lock dangling. The exchange never releases a lock by
/// itself, whatever happens to the offering (flag, halt, term end); the holder decides, and governance
/// can free positions held by a locker it revoked ({releaseRevokedLock}).
interface IPositionLocks is IPositionLocksErrors {
    /// @notice An approved protocol contract locked a position in place.
    /// @param payouts LockPayouts bits: which payouts go to the lock holder while it holds the lock.
    event PositionLocked(uint256 indexed tokenId, address indexed locker, address indexed owner, uint8 payouts);
    /// @notice The lock holder changed where the position's payouts go.
    event LockPayoutsSet(uint256 indexed tokenId, address indexed locker, uint8 payouts);
    /// @notice A lock was released (`seizedTo` is zero unless the lock holder took the position).
    /// Payouts go to the owner again.
    event PositionUnlocked(uint256 indexed tokenId, address indexed locker, address seizedTo);

    /// @notice Locks a position in place: it cannot be transferred until unlocked or seized.
    /// Only approved lockers, and only for positions whose owner approved the locker (token or operator).
    /// @param payouts LockPayouts bits. Each payout routed to the locker can then be claimed only by it.
    /// Emits {PositionLocked}.
    function lock(uint256 tokenId, uint8 payouts) external;

    /// @notice The lock holder re-routes the position's payouts (e.g. a borrower turning on self-repayment).
    /// Emits {LockPayoutsSet}.
    function setLockPayouts(uint256 tokenId, uint8 payouts) external;

    /// @notice Releases a lock. Only the lock holder; also works after the locker lost its approval.
    /// Unclaimed value stays in the position, for its owner. Emits {PositionUnlocked}.
    function unlock(uint256 tokenId) external;

    /// @notice The lock holder takes the position (e.g. a loan in default) with all its unclaimed value:
    /// unlocks and transfers it to `to`. The holder must still be an approved locker.
    /// Emits {PositionUnlocked} and {Transfer}.
    function seize(uint256 tokenId, address to) external;

    /// @notice Pays each position's rewards to its payee: the owner, or the lock holder while rewards are
    /// routed to it. The caller must be the owner (or approved), or the lock holder for routed positions.
    /// @return total Sum paid.
    function claimRewards(uint256[] calldata tokenIds) external returns (uint256 total);

    /// @notice Pays each position of a halted offering its refund, once, to its payee (as {claimRewards}).
    /// @return total Sum paid.
    function claimRefunds(uint256[] calldata tokenIds) external returns (uint256 total);

    /// @notice The contract holding the lock on a position (zero if none).
    function lockedBy(uint256 tokenId) external view returns (address);

    /// @notice Whether governance approved `locker` to lock positions.
    function isLocker(address locker) external view returns (bool);

    /// @notice A position's owner, lock, offering terms and value, in one call (reverts if it does not exist).
    function positionState(uint256 tokenId) external view returns (PositionState memory);
}
