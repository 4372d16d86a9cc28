// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IDmcEmissionPoolErrors} from "../errors/StakingErrors.sol";
import {IMiningReserve} from "./IMiningReserve.sol";

/// @title IDmcEmissionPool
/// @notice A DMC emission pool: DMC streams at `ratePerSecond` (set by the DAO) between `start` and `end`,
/// up to `budget`, shared by weight among the accounts staked each second, and is drawn from one
/// `MiningReserve` bucket when an account claims. While the total weight is zero nothing is emitted: that
/// DMC stays in the bucket. There is no lump-sum notify: a rate change applies from the second it is set.
/// See docs/decisions/0019-dmc-emission-pools.md.
/// @dev APR inputs for a UI: {rewardRate}, {totalWeight}, {weightOf} and {earned} (which ticks up each
/// second). DMC paid to accounts <= DMC emitted <= budget, always.
interface IDmcEmissionPool is IDmcEmissionPoolErrors {
    /// @notice The DAO set the emission rate; it applies from `effectiveFrom` (now), never before.
    /// @param oldRate The rate until now (DMC wei per second).
    /// @param newRate The rate from now (DMC wei per second).
    /// @param effectiveFrom The timestamp the new rate applies from.
    /// @param emittedToDate DMC emitted until now (settled at the old rate).
    event RateSet(uint256 oldRate, uint256 newRate, uint256 effectiveFrom, uint256 emittedToDate);
    /// @notice An account's weight changed (it staked, unstaked, or was re-weighted); what it earned at the old
    /// weight was settled first.
    /// @param account The account.
    /// @param weight Its weight now.
    /// @param totalWeight The pool's total weight now.
    /// @param settled DMC wei it earned at the old weight since its last settlement, now added to what it has
    /// to claim ({earned} = the settled amounts minus the claims, plus what accrues at its weight from here).
    event WeightChanged(address indexed account, uint256 weight, uint256 totalWeight, uint256 settled);
    /// @notice `account` claimed `amount` DMC, drawn from the reserve bucket to `to`.
    /// @param account The earner.
    /// @param to The recipient.
    /// @param amount DMC wei paid.
    /// @param stillEarned DMC wei the account still has to claim (non-zero only if the bucket ran short).
    event DmcClaimed(address indexed account, address indexed to, uint256 amount, uint256 stillEarned);

    /// @notice Sets the emission rate from now on, settling everything accrued at the old rate first. DAO only.
    /// Emits {RateSet}.
    /// @param ratePerSecond DMC wei per second, at most {budget} and 2^64 - 1.
    function setRate(uint256 ratePerSecond) external;

    /// @notice Pays the caller's earned DMC to `to`, drawn from the reserve bucket (at most what is left in it;
    /// the rest stays claimable). Emits {DmcClaimed}.
    /// @param to The recipient (not zero).
    /// @return amount DMC wei paid.
    function claim(address to) external returns (uint256 amount);

    /// @notice DMC earned by `account` and not claimed, as of now.
    /// @param account The account.
    /// @return DMC wei.
    function earned(address account) external view returns (uint256);

    /// @notice The DMC emitted per second now: the rate inside the period while the budget lasts, else zero.
    /// @return DMC wei per second (shared by {totalWeight}).
    function rewardRate() external view returns (uint256);

    /// @notice The rate the DAO set (whether or not the period is running).
    /// @return DMC wei per second.
    function ratePerSecond() external view returns (uint256);

    /// @notice The pool's total weight.
    /// @return The sum of every account's weight.
    function totalWeight() external view returns (uint256);

    /// @notice An account's weight.
    /// @param account The account.
    /// @return Its weight.
    function weightOf(address account) external view returns (uint256);

    /// @notice DMC emitted to date (shared among stakers, including what is not claimed yet), as of now.
    /// @return DMC wei, at most {budget}.
    function emitted() external view returns (uint256);

    /// @notice The emission period.
    /// @return start First second of emission.
    /// @return end Emission stops at this timestamp.
    function period() external view returns (uint256 start, uint256 end);

    /// @notice The most DMC this pool ever emits.
    /// @return DMC wei.
    function budget() external view returns (uint256);

    /// @notice The reserve the pool draws from.
    /// @return The mining reserve.
    function reserve() external view returns (IMiningReserve);

    /// @notice The reserve bucket the pool draws from.
    /// @return The bucket.
    function bucket() external view returns (IMiningReserve.Bucket);
}
