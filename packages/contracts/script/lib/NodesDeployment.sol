// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {DMCToken} from "../../src/dmc/DMCToken.sol";
import {ITradingRewards} from "../../src/interfaces/ITradingRewards.sol";
import {PromotionNodes} from "../../src/nodes/PromotionNodes.sol";

/// @title NodesDeployment
/// @notice Deploys the promotion nodes (issue 13) with the deploy parameters of docs/decisions/0021-promotion-nodes.md
/// and ends it owned by the DAO timelock. The fee hook is TradingRewards; TradingRewards forwards referrals only once
/// its owner calls `setReferrals(nodes)`: {wire} while the deployer still owns it, or the DAO proposal of
/// {wiringActions} once the timelock does.
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

    /// @param dmc The DMC token.
    /// @param rewards TradingRewards, the fee hook.
    /// @param timelock The DAO timelock, the final owner.
    /// @param weightSink The node-staking emission pool (zero: none yet; the DAO sets it later).
    function deploy(DMCToken dmc, ITradingRewards rewards, address timelock, address weightSink)
        internal
        returns (PromotionNodes nodes)
    {
        nodes = new PromotionNodes(
            address(this),
            IERC20(address(dmc)),
            address(rewards),
            MAIN_STAKE,
            LIGHT_STAKE,
            COOLDOWN,
            COMMISSION_BPS,
            MAIN_SHARE_BPS,
            MAX_RECRUITS
        );
        if (weightSink != address(0)) nodes.setWeightSink(weightSink);
        nodes.transferOwnership(timelock);
    }

    /// @notice Points TradingRewards' referrals at `nodes`; the caller must still own `rewards`.
    function wire(ITradingRewards rewards, PromotionNodes nodes) internal {
        rewards.setReferrals(address(nodes));
    }

    /// @notice The DAO proposal that wires `nodes` into a TradingRewards the timelock owns.
    function wiringActions(ITradingRewards rewards, PromotionNodes nodes)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        targets[0] = address(rewards);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(ITradingRewards.setReferrals, (address(nodes)));
    }
}
