// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionStakingErrors} from "../errors/StakingErrors.sol";
import {IDmcEmissionPool} from "./IDmcEmissionPool.sol";

/// @title IPositionStaking
/// @notice Stake hashpower positions to mine DMC from the behaviour bucket. A stake locks the position in place
/// (no custody) with payouts bits 0: the staker keeps claiming every daily mining reward and any refund from
/// the exchange directly. Weight = units x whole days of term left when staked (today counted); anyone may
/// {poke} a stake down to its current days left (zero once the term ended, the offering was halted or the
/// lock is gone). See docs/decisions/0019-dmc-emission-pools.md.
interface IPositionStaking is IDmcEmissionPool, IPositionStakingErrors {
    /// @notice A position was staked.
    /// @param tokenId The position.
    /// @param staker Its owner.
    /// @param units Its hashpower units.
    /// @param daysLeft Days of term left (today counted).
    /// @param weight units x daysLeft.
    event PositionStaked(
        uint256 indexed tokenId, address indexed staker, uint256 units, uint256 daysLeft, uint256 weight
    );
    /// @notice A position was unstaked (and unlocked).
    /// @param tokenId The position.
    /// @param staker Its owner.
    /// @param weight The weight it had.
    event PositionUnstaked(uint256 indexed tokenId, address indexed staker, uint256 weight);
    /// @notice A stake was re-weighted to its current days left.
    /// @param tokenId The position.
    /// @param staker Its owner.
    /// @param oldWeight Weight before.
    /// @param newWeight Weight now (zero when the term ended, the offering was halted or the lock is gone).
    /// @param caller Who poked.
    event StakeReweighted(
        uint256 indexed tokenId, address indexed staker, uint256 oldWeight, uint256 newWeight, address caller
    );

    /// @notice Stakes the caller's positions: each must be live (not halted, term not over), owned by the caller,
    /// free of any other lock, and this contract approved for it. Emits {PositionStaked} per position and one
    /// {IDmcEmissionPool.WeightChanged}.
    /// @param tokenIds The positions.
    function stake(uint256[] calldata tokenIds) external;

    /// @notice Unstakes the caller's positions (any time, no cooldown) and unlocks them. No receiver callback
    /// runs: the positions never left their owner. Emits {PositionUnstaked} per position.
    /// @param tokenIds Positions the caller staked.
    function unstake(uint256[] calldata tokenIds) external;

    /// @notice Re-weights stakes to their current days left, settling first. Anyone may call; a weight only
    /// ever goes down. Emits {StakeReweighted} per changed stake.
    /// @param tokenIds Staked positions (unknown ids are skipped).
    function poke(uint256[] calldata tokenIds) external;

    /// @notice A position's stake.
    /// @param tokenId The position.
    /// @return staker Its staker (zero when not staked).
    /// @return weight Its weight now in the pool.
    function stakeOf(uint256 tokenId) external view returns (address staker, uint256 weight);

    /// @notice The weight {poke} would give the position now.
    /// @param tokenId A staked position.
    /// @return The weight (zero if not staked here, ended, halted).
    function currentWeightOf(uint256 tokenId) external view returns (uint256);
}
