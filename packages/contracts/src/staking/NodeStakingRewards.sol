// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMiningReserve} from "../interfaces/IMiningReserve.sol";
import {INodeStakingRewards} from "../interfaces/INodeStakingRewards.sol";
import {IStakeWeightSink} from "../interfaces/IFeeSinks.sol";
import {DmcEmissionPool} from "./DmcEmissionPool.sol";

/// @title NodeStakingRewards
/// @notice Node-staking DMC from the node-staking bucket of `MiningReserve`. It holds no stake: the weights
/// are the DMC each promotion node staked in PromotionNodes (the weight source), which calls {setWeight}
/// whenever a stake changes; each node claims its DMC here. See docs/decisions/0019-dmc-emission-pools.md.
contract NodeStakingRewards is INodeStakingRewards, DmcEmissionPool {
    /// @inheritdoc INodeStakingRewards
    address public weightSource;

    /// @param reserve_ The mining reserve (the DAO must make this contract a drawer of the node-staking bucket).
    /// @param owner_ The DAO timelock.
    /// @param weightSource_ PromotionNodes, or zero to set it once later ({setWeightSource}).
    /// @param budget_ The most DMC this pool emits.
    /// @param start_ First second of emission.
    /// @param end_ Emission stops at this timestamp.
    /// @param rate_ DMC wei per second.
    constructor(
        IMiningReserve reserve_,
        address owner_,
        address weightSource_,
        uint256 budget_,
        uint256 start_,
        uint256 end_,
        uint256 rate_
    ) DmcEmissionPool(reserve_, IMiningReserve.Bucket.NodeStaking, owner_, budget_, start_, end_, rate_) {
        if (weightSource_ != address(0)) {
            weightSource = weightSource_;
            emit WeightSourceSet(weightSource_);
        }
    }

    /// @inheritdoc IStakeWeightSink
    function setWeight(address account, uint256 weight) external {
        if (msg.sender != weightSource) revert NodeRewards_NotWeightSource(msg.sender);
        uint256 old = weightOf(account);
        if (weight == old) return;
        if (weight > old) _changeWeight(account, weight - old, 0);
        else _changeWeight(account, 0, old - weight);
    }

    /// @inheritdoc INodeStakingRewards
    /// @dev Once only: a second source could not know the weights the first one set.
    function setWeightSource(address source) external onlyOwner {
        if (source == address(0)) revert Emission_ZeroAddress();
        if (weightSource != address(0)) revert NodeRewards_WeightSourceSet(weightSource);
        weightSource = source;
        emit WeightSourceSet(source);
    }
}
