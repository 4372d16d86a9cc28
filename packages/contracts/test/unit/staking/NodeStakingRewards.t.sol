// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IDmcEmissionPoolErrors, INodeStakingRewardsErrors} from "../../../src/errors/StakingErrors.sol";
import {IDmcEmissionPool} from "../../../src/interfaces/IDmcEmissionPool.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {INodeStakingRewards} from "../../../src/interfaces/INodeStakingRewards.sol";
import {NodeStakingRewards} from "../../../src/staking/NodeStakingRewards.sol";
import {StakingFixture} from "./StakingFixture.sol";

contract NodeStakingRewardsTest is StakingFixture {
    function test_SetWeight_BySourceSettlesAndShares() public {
        vm.expectEmit(address(nodes));
        emit IDmcEmissionPool.WeightChanged(alice, 20_000e18, 20_000e18, 0);
        vm.prank(nodeSource);
        nodes.setWeight(alice, 20_000e18);
        vm.prank(nodeSource);
        nodes.setWeight(bob, 2_000e18);
        vm.warp(block.timestamp + 1_100);
        vm.assertApproxEqAbs(nodes.earned(alice), 100e18, 1);
        vm.assertApproxEqAbs(nodes.earned(bob), 10e18, 1);
        // the light node leaves: settled first, nothing more accrues to it
        vm.prank(nodeSource);
        nodes.setWeight(bob, 0);
        vm.warp(block.timestamp + 100);
        vm.assertApproxEqAbs(nodes.earned(bob), 10e18, 1);
        vm.assertApproxEqAbs(nodes.earned(alice), 110e18, 1);
        vm.assertEq(nodes.totalWeight(), 20_000e18);
    }

    function test_Claim_DrawsFromTheNodeStakingBucket() public {
        vm.prank(nodeSource);
        nodes.setWeight(alice, 20_000e18);
        vm.warp(block.timestamp + 100);
        vm.prank(alice);
        vm.assertEq(nodes.claim(alice), 10e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.NodeStaking), NODE - 10e18);
        vm.assertEq(uint8(nodes.bucket()), uint8(IMiningReserve.Bucket.NodeStaking));
    }

    function test_Attack_StrangerSetsAWeight() public {
        vm.expectRevert(abi.encodeWithSelector(INodeStakingRewardsErrors.NodeRewards_NotWeightSource.selector, alice));
        vm.prank(alice);
        nodes.setWeight(alice, 1e30);
        vm.expectRevert(
            abi.encodeWithSelector(INodeStakingRewardsErrors.NodeRewards_NotWeightSource.selector, governor)
        );
        vm.prank(governor);
        nodes.setWeight(governor, 1);
    }

    function test_Attack_WeightSourceIsSetOnceByTheDaoOnly() public {
        NodeStakingRewards late =
            new NodeStakingRewards(reserve, governor, address(0), BUDGET, start, start + 1 days, 1);
        vm.assertEq(late.weightSource(), address(0));
        vm.expectRevert(
            abi.encodeWithSelector(INodeStakingRewardsErrors.NodeRewards_NotWeightSource.selector, nodeSource)
        );
        vm.prank(nodeSource);
        late.setWeight(alice, 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        late.setWeightSource(stranger);
        vm.expectEmit(address(late));
        emit INodeStakingRewards.WeightSourceSet(nodeSource);
        vm.prank(governor);
        late.setWeightSource(nodeSource);
        vm.expectRevert(
            abi.encodeWithSelector(INodeStakingRewardsErrors.NodeRewards_WeightSourceSet.selector, nodeSource)
        );
        vm.prank(governor);
        late.setWeightSource(governor);
        NodeStakingRewards other =
            new NodeStakingRewards(reserve, governor, address(0), BUDGET, start, start + 1 days, 1);
        vm.expectRevert(IDmcEmissionPoolErrors.Emission_ZeroAddress.selector);
        vm.prank(governor);
        other.setWeightSource(address(0));
    }

    function test_Attack_WeightOverflowReverts() public {
        vm.prank(nodeSource);
        nodes.setWeight(alice, type(uint96).max);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDmcEmissionPoolErrors.Emission_WeightOverflow.selector, uint256(type(uint96).max) + 1
            )
        );
        vm.prank(nodeSource);
        nodes.setWeight(bob, 1);
    }

    function test_SetWeight_SameWeightIsANoOp() public {
        vm.prank(nodeSource);
        nodes.setWeight(alice, 5);
        vm.recordLogs();
        vm.prank(nodeSource);
        nodes.setWeight(alice, 5);
        vm.assertEq(vm.getRecordedLogs().length, 0);
    }
}
