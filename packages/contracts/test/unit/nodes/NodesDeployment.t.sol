// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {IPromotionNodes} from "../../../src/interfaces/IPromotionNodes.sol";
import {PromotionNodes} from "../../../src/nodes/PromotionNodes.sol";
import {NodesDeployment} from "../../../script/lib/NodesDeployment.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";

/// @notice NodesDeployment on the production system (DaoDeployment): the DAO wires the nodes into TradingRewards
/// by proposal, a main and a light node register with real DMC and keep their votes, a purchase through the
/// light node's referral earns commission, the fees fund it, both nodes claim, and the light node leaves.
contract NodesDeploymentTest is DaoFixture {
    PromotionNodes internal nodes;
    ITradingRewards internal rewards;

    function setUp() public virtual override {
        super.setUp();
        rewards = ITradingRewards(address(dao.trading.rewards));
        nodes = NodesDeployment.create(dao.dmc, rewards, address(this));
        NodesDeployment.handOver(nodes, address(0), address(dao.timelock));
    }

    function test_Deploy_ParametersAndOwner() public view {
        vm.assertEq(nodes.owner(), address(dao.timelock));
        vm.assertEq(nodes.feeHook(), address(rewards));
        vm.assertEq(nodes.mainStake(), 20_000e18);
        vm.assertEq(nodes.lightStake(), 2_000e18);
        vm.assertEq(nodes.cooldown(), 14 days);
        vm.assertEq(nodes.commissionBps(), 2_000);
        vm.assertEq(nodes.mainShareBps(), 3_000);
        vm.assertEq(nodes.maxRecruits(), 50);
        vm.assertEq(address(nodes.weightSink()), address(0));
        // the production deploy wired its own nodes (DefiDeployment); this second instance waits for the DAO
        vm.assertEq(rewards.referrals(), address(dao.defi.nodes));
    }

    /// @dev In a broadcast the deployer EOA sends every call: the nodes it creates must be its own to configure.
    function test_Deploy_ByAnEoaDeployerThatConfiguresThem() public {
        address eoa = makeAddr("broadcaster");
        address sink = makeAddr("nodeStakingRewards");
        vm.startPrank(eoa);
        PromotionNodes byEoa = NodesDeployment.create(dao.dmc, rewards, eoa);
        NodesDeployment.handOver(byEoa, sink, address(dao.timelock));
        vm.stopPrank();
        vm.assertEq(address(byEoa.weightSink()), sink);
        vm.assertEq(byEoa.owner(), address(dao.timelock));
    }

    function test_EndToEnd_ReferralCommissionOnTheProductionSystem() public {
        // the DAO points the referrals at this second instance; the fixture's deploy lists no fee token, so the
        // same proposal lists USDT
        address[] memory t = new address[](2);
        uint256[] memory v = new uint256[](2);
        bytes[] memory c = new bytes[](2);
        (t[0], c[0]) = (address(rewards), abi.encodeCall(ITradingRewards.setReferrals, (address(nodes))));
        (t[1], c[1]) = (address(rewards), abi.encodeCall(ITradingRewards.setFeeToken, (address(usdt), true)));
        _passAll(t, v, c, "Wire the promotion nodes into the trading rewards");
        vm.assertEq(rewards.referrals(), address(nodes));

        (uint256 applicationId, uint256 proposalId) = _submit();
        uint256 offeringId = _approve(applicationId, proposalId);

        // whale1 runs a main node, minnow a light node under it; staking keeps their votes
        uint256 whaleVotes = dao.dmc.getVotes(whale1);
        uint256 minnowVotes = dao.dmc.getVotes(minnow);
        vm.startPrank(whale1);
        dao.dmc.approve(address(nodes), type(uint256).max);
        nodes.registerMainNode();
        nodes.recruit(minnow, true);
        vm.stopPrank();
        vm.startPrank(minnow);
        dao.dmc.approve(address(nodes), type(uint256).max);
        nodes.registerLightNode(whale1);
        vm.stopPrank();
        vm.assertEq(dao.dmc.getVotes(whale1), whaleVotes);
        vm.assertEq(dao.dmc.getVotes(minnow), minnowVotes);

        // a purchase through the light node's referral link
        vm.prank(buyer);
        exchange.buy(offeringId, 100, type(uint256).max, minnow);
        uint256 fee = 100 * PRICE * 5 / 100; // the 5% channel fee
        uint256 commission = fee * 2_000 / 10_000;
        vm.assertEq(nodes.commissionOf(minnow, address(usdt)).earned, commission * 7 / 10);
        vm.assertEq(nodes.commissionOf(whale1, address(usdt)).earned, commission * 3 / 10);
        vm.assertEq(nodes.unfundedCommission(address(usdt)), commission);

        // the fee splitter's part, played by the treasury: fund the owed commission out of the fees
        vm.prank(bridge);
        usdt.mint(treasury, commission);
        vm.startPrank(treasury);
        usdt.approve(address(nodes), commission);
        nodes.fundCommission(address(usdt), commission);
        vm.stopPrank();
        vm.prank(minnow);
        nodes.claimCommission(address(usdt), minnow);
        vm.prank(whale1);
        nodes.claimCommission(address(usdt), whale1);
        vm.assertEq(usdt.balanceOf(minnow), commission * 7 / 10);
        vm.assertEq(usdt.balanceOf(whale1), commission * 3 / 10);

        // the light node leaves after its cooldown with its whole stake
        uint256 before = dao.dmc.balanceOf(minnow);
        vm.prank(minnow);
        nodes.requestExit();
        vm.warp(block.timestamp + 14 days);
        vm.prank(minnow);
        nodes.withdraw();
        vm.assertEq(dao.dmc.balanceOf(minnow) - before, 2_000e18);
        vm.assertEq(uint256(nodes.nodeOf(minnow).kind), uint256(IPromotionNodes.Kind.None));
        vm.assertEq(dao.dmc.getVotes(minnow), minnowVotes);
    }
}
