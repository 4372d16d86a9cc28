// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IDmcEmissionPoolErrors
/// @notice Errors of the DMC emission base shared by the staking pools (`DmcEmissionPool`).
interface IDmcEmissionPoolErrors {
    /// @notice A zero address was passed.
    error Emission_ZeroAddress();
    /// @notice The period is empty or the budget does not fit the accounting (at most 2^96 - 1 DMC wei).
    error Emission_InvalidSchedule(uint256 start, uint256 end, uint256 budget);
    /// @notice The rate is above the budget (no second may emit more than the whole budget).
    error Emission_InvalidRate(uint256 ratePerSecond, uint256 budget);
    /// @notice The reserve pays another token than the pool's DMC.
    error Emission_ReserveTokenMismatch(address dmc);
    /// @notice The weight would overflow the pool's accounting (2^96 - 1).
    error Emission_WeightOverflow(uint256 weight);
    /// @notice The account has no DMC to claim.
    error Emission_NothingToClaim(address account);
    /// @notice The reserve bucket the pool draws from is empty; what was earned stays claimable.
    error Emission_BucketEmpty(address account, uint256 earned);
}

/// @title IPositionStakingErrors
/// @notice Errors of the NFT staking pool (`PositionStaking`).
interface IPositionStakingErrors {
    /// @notice No token ids were passed.
    error NftStaking_NoPositions();
    /// @notice The position is not staked here.
    error NftStaking_NotStaked(uint256 tokenId);
    /// @notice Only the staker of the position may unstake it.
    error NftStaking_NotStaker(uint256 tokenId, address caller, address staker);
}

/// @title ILiquidityMiningErrors
/// @notice Errors of the LP staking pool (`LiquidityMining`).
interface ILiquidityMiningErrors {
    /// @notice The amount is zero, or the transfer delivered nothing.
    error LpMining_ZeroAmount();
    /// @notice More than the account's stake was asked for.
    error LpMining_InsufficientStake(address account, uint256 amount, uint256 staked);
}

/// @title INodeStakingRewardsErrors
/// @notice Errors of the node-staking DMC pool (`NodeStakingRewards`).
interface INodeStakingRewardsErrors {
    /// @notice Only the weight source (PromotionNodes) sets weights.
    error NodeRewards_NotWeightSource(address caller);
    /// @notice The weight source was already set (it is set once).
    error NodeRewards_WeightSourceSet(address source);
}
