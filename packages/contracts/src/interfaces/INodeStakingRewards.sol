// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {INodeStakingRewardsErrors} from "../errors/StakingErrors.sol";
import {IStakeWeightSink} from "./IFeeSinks.sol";
import {IDmcEmissionPool} from "./IDmcEmissionPool.sol";

/// @title INodeStakingRewards
/// @notice Node-staking DMC from the node-staking bucket: the weights are the DMC each promotion node staked,
/// set only by the weight source (PromotionNodes) through {IStakeWeightSink.setWeight}; each node claims its
/// DMC here. See docs/decisions/0019-dmc-emission-pools.md.
interface INodeStakingRewards is IDmcEmissionPool, IStakeWeightSink, INodeStakingRewardsErrors {
    /// @notice The weight source was set (once).
    /// @param source The contract that sets weights (PromotionNodes).
    event WeightSourceSet(address indexed source);

    /// @notice Sets the weight source, once, when it was not set at deployment. DAO only.
    /// Emits {WeightSourceSet}.
    /// @param source The PromotionNodes contract (not zero).
    function setWeightSource(address source) external;

    /// @notice The contract that sets weights (zero until set).
    /// @return The weight source.
    function weightSource() external view returns (address);
}
