// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {DMCToken} from "../../src/dmc/DMCToken.sol";
import {ITradingRewards} from "../../src/interfaces/ITradingRewards.sol";
import {PromotionNodes} from "../../src/nodes/PromotionNodes.sol";

/// @title NodesDeployment
/// @notice Deploys the promotion nodes (issue 13) with the deploy parameters of docs/decisions/0021-promotion-nodes.md
/// and ends it owned by the DAO timelock. The fee hook is TradingRewards; TradingRewards forwards referrals only once
/// its owner calls `setReferrals(nodes)`: {wire} while the deployer still owns it, or a DAO proposal once the
/// timelock does.
library NodesDeployment {
    /// @notice DMC a main node stakes.
    uint256 internal constant MAIN_STAKE = 20_000e18;
    /// @notice DMC a light node stakes.
    uint256 internal constant LIGHT_STAKE = 2_000e18;
    /// @notice Exit cooldown: two weeks, so a node's stake stays at stake well after the referrals it earned on.
    uint256 internal constant COOLDOWN = 14 days;
    /// @notice 20% of the channel or trading fee of a referred sale.
    uint256 internal constant COMMISSION_BPS = 2_000;
    /// @notice A light node's main node takes 30% of its commission (the light node keeps 70%).
    uint256 internal constant MAIN_SHARE_BPS = 3_000;
    /// @notice Light nodes per main node.
    uint256 internal constant MAX_RECRUITS = 50;

    /// @notice Deploys the nodes owned by `deployer`, for a deployment that must configure them before {handOver}
    /// (the node-staking pool takes the nodes as its weight source, so it exists only after them).
    /// @param deployer The account sending the follow-up calls: the broadcaster in a script (not `address(this)`,
    /// which inside a broadcast is the script contract, not the sender of the calls).
    function create(DMCToken dmc, ITradingRewards rewards, address deployer) internal returns (PromotionNodes nodes) {
        nodes = new PromotionNodes(
            deployer,
            IERC20(address(dmc)),
            address(rewards),
            MAIN_STAKE,
            LIGHT_STAKE,
            COOLDOWN,
            COMMISSION_BPS,
            MAIN_SHARE_BPS,
            MAX_RECRUITS
        );
    }

    /// @notice Sets the weight sink (when given) and hands the nodes to `timelock`; the caller must own `nodes`.
    function handOver(PromotionNodes nodes, address weightSink, address timelock) internal {
        if (weightSink != address(0)) nodes.setWeightSink(weightSink);
        nodes.transferOwnership(timelock);
    }

    /// @notice Points TradingRewards' referrals at `nodes`; the caller must still own `rewards`.
    function wire(ITradingRewards rewards, PromotionNodes nodes) internal {
        rewards.setReferrals(address(nodes));
    }
}
