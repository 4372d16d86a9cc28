// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IPromotionNodes} from "../../../src/interfaces/IPromotionNodes.sol";
import {IPromotionNodesErrors} from "../../../src/errors/NodesErrors.sol";
import {NodeVault} from "../../../src/nodes/NodeVault.sol";
import {PromotionNodes} from "../../../src/nodes/PromotionNodes.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../../mocks/CallbackToken.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {NodesFixture} from "./NodesFixture.sol";

contract PromotionNodesTest is NodesFixture {
    /// @notice A measured gas figure (shown with `-vvvv`; the figures are asserted below).
    event GasMeasured(string key, uint256 gas);

    // =================================================================== registration and votes

    function test_RegisterMainNode_StakesInItsVaultAndKeepsTheVotes() public {
        uint256 votesBefore = dmc.getVotes(mainA);
        uint256 balanceBefore = dmc.balanceOf(mainA);
        vm.expectEmit(false, true, true, false, address(nodes));
        emit IPromotionNodes.NodeRegistered(mainA, IPromotionNodes.Kind.Main, address(0), address(0), 0, 0);
        _main(mainA);

        address vault = nodes.vaultOf(mainA);
        IPromotionNodes.Node memory n = nodes.nodeOf(mainA);
        vm.assertEq(uint256(n.kind), uint256(IPromotionNodes.Kind.Main));
        vm.assertEq(n.stake, MAIN_STAKE);
        vm.assertEq(n.cooldown, COOLDOWN);
        vm.assertEq(n.exitReadyAt, 0);
        vm.assertEq(dmc.balanceOf(vault), MAIN_STAKE, "the stake sits in the node's own vault");
        vm.assertEq(balanceBefore - dmc.balanceOf(mainA), MAIN_STAKE);
        vm.assertEq(dmc.balanceOf(address(nodes)), 0, "the nodes contract holds no DMC");
        vm.assertEq(dmc.delegates(vault), mainA, "the vault delegates to its node");
        vm.assertEq(dmc.getVotes(mainA), votesBefore, "staking keeps the node's votes");
        vm.assertEq(nodes.totalStaked(), MAIN_STAKE);
        vm.assertEq(sink.weightOf(mainA), MAIN_STAKE, "the emission pool weighs the stake");
        vm.assertTrue(nodes.isLiveNode(mainA));

        // The votes are checkpointed by timestamp: past votes at the staking second are the same.
        vm.warp(block.timestamp + 1);
        vm.assertEq(dmc.getPastVotes(mainA, block.timestamp - 1), votesBefore);
    }

    function test_DelegateVault_MovesTheStakedVotesAndBack() public {
        _main(mainA);
        uint256 aBefore = dmc.getVotes(mainA);
        uint256 bBefore = dmc.getVotes(mainB);
        address vault = nodes.vaultOf(mainA);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.VaultDelegated(mainA, vault, mainB);
        vm.prank(mainA);
        nodes.delegateVault(mainB);
        vm.assertEq(dmc.getVotes(mainA), aBefore - MAIN_STAKE, "the staked votes left");
        vm.assertEq(dmc.getVotes(mainB), bBefore + MAIN_STAKE, "to the chosen delegate");
        vm.prank(mainA);
        nodes.delegateVault(mainA);
        vm.assertEq(dmc.getVotes(mainA), aBefore);
        vm.assertEq(dmc.getVotes(mainB), bBefore);
    }

    function test_RegisterLightNode_UnderTheMainNodeThatInvitedIt() public {
        _main(mainA);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.RecruitSet(mainA, lightA, true);
        vm.prank(mainA);
        nodes.recruit(lightA, true);
        vm.assertTrue(nodes.invited(mainA, lightA));
        uint256 votesBefore = dmc.getVotes(lightA);
        vm.prank(lightA);
        nodes.registerLightNode(mainA);
        IPromotionNodes.Node memory n = nodes.nodeOf(lightA);
        vm.assertEq(uint256(n.kind), uint256(IPromotionNodes.Kind.Light));
        vm.assertEq(n.mainNode, mainA);
        vm.assertEq(n.stake, LIGHT_STAKE);
        vm.assertEq(nodes.nodeOf(mainA).recruits, 1);
        vm.assertFalse(nodes.invited(mainA, lightA), "the invitation is used up");
        vm.assertEq(dmc.getVotes(lightA), votesBefore);
        vm.assertEq(nodes.totalStaked(), MAIN_STAKE + LIGHT_STAKE);
        vm.assertEq(sink.totalWeight(), MAIN_STAKE + LIGHT_STAKE);
    }

    function test_Attack_LightNodeWithoutInvitation() public {
        _main(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotInvited.selector, mainA, lightA));
        vm.prank(lightA);
        nodes.registerLightNode(mainA);
        // An invitation withdrawn before use does not count.
        vm.prank(mainA);
        nodes.recruit(lightA, true);
        vm.prank(mainA);
        nodes.recruit(lightA, false);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotInvited.selector, mainA, lightA));
        vm.prank(lightA);
        nodes.registerLightNode(mainA);
    }

    function test_Attack_LightNodeUnderANonMainNode() public {
        // under an EOA that is not a node
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveMainNode.selector, stranger));
        vm.prank(lightA);
        nodes.registerLightNode(stranger);
        // under a light node
        _main(mainA);
        _light(lightA, mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveMainNode.selector, lightA));
        vm.prank(lightB);
        nodes.registerLightNode(lightA);
        // under a main node in exit, even one that invited it
        vm.prank(mainA);
        nodes.recruit(lightB, true);
        _exit(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveMainNode.selector, mainA));
        vm.prank(lightB);
        nodes.registerLightNode(mainA);
    }

    function test_Attack_StrangerOrLightNodeRecruits() public {
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveNode.selector, stranger));
        vm.prank(stranger);
        nodes.recruit(lightA, true);
        _main(mainA);
        _light(lightA, mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveNode.selector, lightA));
        vm.prank(lightA);
        nodes.recruit(lightB, true);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_SelfRecruit.selector, mainA));
        vm.prank(mainA);
        nodes.recruit(mainA, true);
    }

    function test_Attack_DoubleRegistration() public {
        _main(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_AlreadyRegistered.selector, mainA));
        vm.prank(mainA);
        nodes.registerMainNode();
        _main(mainB);
        vm.prank(mainB);
        nodes.recruit(mainA, true);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_AlreadyRegistered.selector, mainA));
        vm.prank(mainA);
        nodes.registerLightNode(mainB);
        // in exit is still registered
        _exit(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_AlreadyRegistered.selector, mainA));
        vm.prank(mainA);
        nodes.registerMainNode();
        vm.assertEq(nodes.totalStaked(), 2 * MAIN_STAKE);
    }

    function test_Attack_RecruitsAreBounded() public {
        _main(mainA);
        address[4] memory lights = [lightA, lightB, buyer, stranger];
        for (uint256 i; i < MAX_RECRUITS; ++i) {
            _light(lights[i], mainA);
        }
        vm.prank(mainA);
        nodes.recruit(stranger, true);
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_TooManyRecruits.selector, mainA, MAX_RECRUITS)
        );
        vm.prank(stranger);
        nodes.registerLightNode(mainA);
        // a light node that withdrew frees its place
        _exit(lightA);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(lightA);
        nodes.withdraw();
        vm.prank(stranger);
        nodes.registerLightNode(mainA);
        vm.assertEq(nodes.nodeOf(mainA).recruits, MAX_RECRUITS);
    }

    // =================================================================== exit and cooldown

    function test_Attack_WithdrawAtCooldownMinusOneThenAtCooldown() public {
        _main(mainA);
        uint256 balanceBefore = dmc.balanceOf(mainA);
        uint256 votesBefore = dmc.getVotes(mainA);
        uint256 readyAt = block.timestamp + COOLDOWN;
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.ExitRequested(mainA, MAIN_STAKE, readyAt);
        _exit(mainA);
        vm.assertEq(sink.weightOf(mainA), 0, "no emission weight in exit");
        vm.assertFalse(nodes.isLiveNode(mainA));

        vm.warp(readyAt - 1);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_CooldownNotOver.selector, mainA, readyAt));
        vm.prank(mainA);
        nodes.withdraw();

        vm.warp(readyAt);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.NodeWithdrawn(mainA, MAIN_STAKE);
        vm.prank(mainA);
        nodes.withdraw();
        vm.assertEq(dmc.balanceOf(mainA) - balanceBefore, MAIN_STAKE);
        vm.assertEq(dmc.getVotes(mainA), votesBefore, "votes are the same after withdrawing");
        vm.assertEq(dmc.balanceOf(nodes.vaultOf(mainA)), 0);
        vm.assertEq(uint256(nodes.nodeOf(mainA).kind), uint256(IPromotionNodes.Kind.None));
        vm.assertEq(nodes.totalStaked(), 0);
    }

    function test_Attack_WithdrawWithoutExitOrTwice() public {
        _main(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotExiting.selector, mainA));
        vm.prank(mainA);
        nodes.withdraw();
        _exit(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveNode.selector, mainA));
        vm.prank(mainA);
        nodes.requestExit();
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(mainA);
        nodes.withdraw();
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotExiting.selector, mainA));
        vm.prank(mainA);
        nodes.withdraw();
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotLiveNode.selector, stranger));
        vm.prank(stranger);
        nodes.requestExit();
    }

    function test_Attack_ParametersChangedWhileStakesAreLive() public {
        _main(mainA);
        _light(lightA, mainA);
        vm.startPrank(timelock);
        nodes.setStakes(50_000e18, 5_000e18);
        nodes.setCooldown(60 days);
        vm.stopPrank();
        vm.assertEq(nodes.nodeOf(mainA).stake, MAIN_STAKE, "a live node keeps its stake");
        vm.assertEq(nodes.nodeOf(mainA).cooldown, COOLDOWN, "and its cooldown");
        _exit(mainA);
        _exit(lightA);
        vm.warp(block.timestamp + COOLDOWN);
        uint256 before = dmc.balanceOf(mainA);
        vm.prank(mainA);
        nodes.withdraw();
        vm.prank(lightA);
        nodes.withdraw();
        vm.assertEq(dmc.balanceOf(mainA) - before, MAIN_STAKE, "the stake it put in, after its own cooldown");
        // New registrations take the new figures.
        _main(mainB);
        vm.assertEq(nodes.nodeOf(mainB).stake, 50_000e18);
        vm.assertEq(nodes.nodeOf(mainB).cooldown, 60 days);
        vm.assertEq(nodes.totalStaked(), 50_000e18);
    }

    function test_ReRegistration_ReusesTheVaultItsDelegateAndTheReferralCount() public {
        _main(mainA);
        address vault = nodes.vaultOf(mainA);
        vm.prank(mainA);
        nodes.delegateVault(mainB);
        _refer(mainA, buyer, 100e6);
        _exit(mainA);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(mainA);
        nodes.withdraw();
        uint256 bVotes = dmc.getVotes(mainB);
        _main(mainA);
        vm.assertEq(nodes.vaultOf(mainA), vault, "the same vault");
        vm.assertEq(dmc.getVotes(mainB), bVotes + MAIN_STAKE, "it keeps delegating where the node chose");
        vm.assertEq(nodes.nodeOf(mainA).referrals, 1, "the referral history stays");
    }

    function test_MainNodeExit_LightNodesStayLiveAndKeepTheirWholeCommission() public {
        _main(mainA);
        _light(lightA, mainA);
        _exit(mainA);
        vm.assertTrue(nodes.isLiveNode(lightA));
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.CommissionRecorded(lightA, buyer, address(usdt), 100e6, 20e6, address(0), 0, 1, 20e6, 0);
        _refer(lightA, buyer, 100e6);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 0, "a main node in exit earns nothing");
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 20e6);
        // The light node can still leave; its main node's recruit count follows.
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(mainA);
        nodes.withdraw();
        _exit(lightA);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(lightA);
        nodes.withdraw();
        vm.assertEq(nodes.nodeOf(mainA).recruits, 0);
        vm.assertEq(nodes.totalStaked(), 0);
    }

    function test_Attack_FormerMainNodeBackAsALightNodeTakesNoShare() public {
        _main(mainA);
        _light(lightA, mainA);
        _exit(mainA);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(mainA);
        nodes.withdraw();
        _main(mainB);
        _light(mainA, mainB); // mainA comes back as a light node under mainB
        _refer(lightA, buyer, 100e6);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 0, "not a main node any more");
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 20e6);
    }

    // =================================================================== commission

    function test_RecordReferral_MainNodeKeepsItsWholeCommission() public {
        _main(mainA);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.CommissionRecorded(mainA, buyer, address(usdt), 100e6, 20e6, address(0), 0, 1, 20e6, 0);
        _refer(mainA, buyer, 100e6);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 20e6);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 20e6);
        vm.assertEq(nodes.unfundedCommission(address(usdt)), 20e6);
        vm.assertEq(nodes.nodeOf(mainA).referrals, 1);
    }

    function test_RecordReferral_LightNodeSharesThirtyPercentWithItsMainNode() public {
        _main(mainA);
        _light(lightA, mainA);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.CommissionRecorded(lightA, buyer, address(usdt), 100e6, 20e6, mainA, 6e6, 1, 14e6, 6e6);
        _refer(lightA, buyer, 100e6);
        _refer(lightA, buyer, 1e6 + 3); // commission 200,000 (rounded down), main share 60,000
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 14e6 + 140_000);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 6e6 + 60_000);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 20e6 + 200_000);
        vm.assertEq(nodes.nodeOf(lightA).referrals, 2);
        vm.assertEq(nodes.nodeOf(mainA).referrals, 0, "the main node's count is its own referrals");
    }

    function test_Attack_SelfReferral() public {
        _main(mainA);
        _light(lightA, mainA);
        _refer(mainA, mainA, 100e6);
        _refer(lightA, lightA, 100e6);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0, "a node buying through itself earns nothing");
        // A main node buying through its own light node does not take a share of its own purchase.
        _refer(lightA, mainA, 100e6);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 0);
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 20e6);
    }

    function test_Attack_ReferrerInExitExitedNotANodeOrZero() public {
        _main(mainA);
        _main(mainB);
        _exit(mainA);
        _refer(mainA, buyer, 100e6); // in exit
        _exit(mainB);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(mainB);
        nodes.withdraw();
        _refer(mainB, buyer, 100e6); // exited
        _refer(stranger, buyer, 100e6); // an EOA that is not a node
        _refer(address(0), buyer, 100e6); // zero
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0);
        vm.assertEq(nodes.nodeOf(mainA).referrals, 0);
        vm.assertEq(nodes.nodeOf(mainB).referrals, 0);
    }

    function test_Attack_StrangerCallsRecordReferral() public {
        _main(mainA);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotFeeHook.selector, stranger));
        vm.prank(stranger);
        nodes.recordReferral(mainA, buyer, address(usdt), 1_000_000e6);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotFeeHook.selector, mainA));
        vm.prank(mainA);
        nodes.recordReferral(mainA, buyer, address(usdt), 1_000_000e6);
        // a hook governance replaced is a stranger too
        vm.prank(timelock);
        nodes.setFeeHook(makeAddr("newHook"));
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotFeeHook.selector, hook));
        _refer(mainA, buyer, 100e6);
    }

    function test_Attack_DustFeeRoundsToZeroWithoutReverting() public {
        _main(mainA);
        _light(lightA, mainA);
        _refer(mainA, buyer, 1);
        _refer(mainA, buyer, 4); // 4 * 20% = 0.8: nothing
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0);
        vm.assertEq(nodes.nodeOf(mainA).referrals, 0, "a referral earning nothing is not counted");
        _refer(lightA, buyer, 5); // commission 1, main share 0.3: 0
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 1);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 0);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 1);
    }

    function test_Attack_HugeFeeRecordsNothingInsteadOfOverflowing() public {
        _main(mainA);
        _refer(mainA, buyer, type(uint256).max / COMMISSION_BPS);
        _refer(mainA, buyer, type(uint256).max);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0);
        _refer(mainA, buyer, 100e6);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 20e6);
    }

    function test_Attack_FundCommissionOverTheOwedAmount() public {
        _main(mainA);
        _refer(mainA, buyer, 100e6);
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_OverFunded.selector, address(usdt), 20e6 + 1, 20e6)
        );
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), 20e6 + 1);
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), 15e6);
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_OverFunded.selector, address(usdt), 5e6 + 1, 5e6)
        );
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), 5e6 + 1);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.CommissionFunded(address(usdt), splitter, 5e6, 20e6);
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), 5e6);
        vm.assertEq(nodes.unfundedCommission(address(usdt)), 0);
        vm.assertEq(usdt.balanceOf(address(nodes)), 20e6);
    }

    function test_Attack_ClaimWithNothingFunded() public {
        _main(mainA);
        _refer(mainA, buyer, 100e6);
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NothingToClaim.selector, mainA, address(usdt))
        );
        vm.prank(mainA);
        nodes.claimCommission(address(usdt), mainA);
        // partly funded: the claim takes what is funded, the rest stays owed
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), 8e6);
        vm.prank(mainA);
        uint256 paid = nodes.claimCommission(address(usdt), mainA);
        vm.assertEq(paid, 8e6);
        vm.assertEq(nodes.claimable(mainA, address(usdt)), 0);
        _fundAll();
        vm.assertEq(nodes.claimable(mainA, address(usdt)), 12e6);
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.CommissionClaimed(mainA, address(usdt), buyer, 12e6, 20e6);
        vm.prank(mainA);
        nodes.claimCommission(address(usdt), buyer);
        vm.assertEq(usdt.balanceOf(mainA), 8e6);
        vm.assertEq(usdt.balanceOf(buyer), 12e6);
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NothingToClaim.selector, mainA, address(usdt))
        );
        vm.prank(mainA);
        nodes.claimCommission(address(usdt), mainA);
        // a stranger has nothing owed even while the pool holds funds
        _refer(mainA, buyer, 100e6);
        _fundAll();
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NothingToClaim.selector, stranger, address(usdt))
        );
        vm.prank(stranger);
        nodes.claimCommission(address(usdt), stranger);
    }

    function test_Attack_BlacklistedClaimRecipient() public {
        BlacklistableUSDT bl = new BlacklistableUSDT();
        bl.mint(splitter, 1_000e6);
        vm.prank(splitter);
        bl.approve(address(nodes), type(uint256).max);
        _main(mainA);
        vm.prank(hook);
        nodes.recordReferral(mainA, buyer, address(bl), 100e6);
        vm.prank(splitter);
        nodes.fundCommission(address(bl), 20e6);
        bl.setBlacklisted(mainA, true);
        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, mainA));
        vm.prank(mainA);
        nodes.claimCommission(address(bl), mainA);
        vm.assertEq(nodes.claimable(mainA, address(bl)), 20e6, "the owed commission stays");
        vm.prank(mainA);
        nodes.claimCommission(address(bl), lightA);
        vm.assertEq(bl.balanceOf(lightA), 20e6, "paid to an address that can receive");
    }

    function test_Attack_ReentrantClaimRecipient() public {
        CallbackToken cbt = new CallbackToken();
        cbt.mint(splitter, 1_000e18);
        vm.prank(splitter);
        cbt.approve(address(nodes), type(uint256).max);
        ReentrantReceiver node = new ReentrantReceiver(address(nodes));
        _fundDmcContract(address(node));
        node.execute(address(nodes), abi.encodeCall(IPromotionNodes.registerMainNode, ()));
        vm.prank(hook);
        nodes.recordReferral(address(node), buyer, address(cbt), 100e18);
        vm.prank(hook);
        nodes.recordReferral(address(node), buyer, address(cbt), 100e18);
        vm.prank(splitter);
        nodes.fundCommission(address(cbt), 40e18);

        node.execute(address(cbt), abi.encodeCall(CallbackToken.setHook, (true)));
        node.setTokenAction(abi.encodeCall(IPromotionNodes.claimCommission, (address(cbt), address(node))));
        node.execute(address(nodes), abi.encodeCall(IPromotionNodes.claimCommission, (address(cbt), address(node))));
        vm.assertTrue(node.reentered());
        vm.assertFalse(node.lastSuccess(), "the re-entrant claim reverted");
        vm.assertEq(cbt.balanceOf(address(node)), 40e18, "paid exactly its commission");
        vm.assertEq(nodes.ledgerOf(address(cbt)).paid, 40e18);
        vm.assertEq(cbt.balanceOf(address(nodes)), 0);
    }

    function test_Attack_DaoChangesTheRateWhileCommissionIsOwed() public {
        _main(mainA);
        _light(lightA, mainA);
        _refer(lightA, buyer, 100e6);
        vm.prank(timelock);
        nodes.setCommission(500, 5_000);
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 14e6, "owed stays");
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 6e6);
        _refer(lightA, buyer, 100e6); // 5% = 5e6, half to the main node
        vm.assertEq(nodes.commissionOf(lightA, address(usdt)).earned, 14e6 + 2.5e6);
        vm.assertEq(nodes.commissionOf(mainA, address(usdt)).earned, 6e6 + 2.5e6);
        _fundAll();
        vm.prank(lightA);
        vm.assertEq(nodes.claimCommission(address(usdt), lightA), 16.5e6);
        vm.prank(mainA);
        vm.assertEq(nodes.claimCommission(address(usdt), mainA), 8.5e6);
    }

    // =================================================================== governance

    function test_Attack_StrangerCallsGovernance() public {
        bytes[] memory calls = new bytes[](6);
        calls[0] = abi.encodeCall(IPromotionNodes.setStakes, (1e18, 1e18));
        calls[1] = abi.encodeCall(IPromotionNodes.setCooldown, (1 days));
        calls[2] = abi.encodeCall(IPromotionNodes.setCommission, (5_000, 0));
        calls[3] = abi.encodeCall(IPromotionNodes.setMaxRecruits, (1));
        calls[4] = abi.encodeCall(IPromotionNodes.setFeeHook, (stranger));
        calls[5] = abi.encodeCall(IPromotionNodes.setWeightSink, (stranger));
        for (uint256 i; i < calls.length; ++i) {
            vm.prank(stranger);
            (bool ok, bytes memory ret) = address(nodes).call(calls[i]);
            vm.assertFalse(ok);
            vm.assertEq(ret, abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        }
        vm.assertEq(nodes.feeHook(), hook);
    }

    function test_Attack_StrangerMovesAVault() public {
        _main(mainA);
        NodeVault vault = NodeVault(nodes.vaultOf(mainA));
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotController.selector, stranger));
        vm.prank(stranger);
        vault.pay(stranger, MAIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_NotController.selector, mainA));
        vm.prank(mainA);
        vault.delegate(stranger);
        vm.assertEq(vault.controller(), address(nodes));
        vm.assertEq(dmc.balanceOf(address(vault)), MAIN_STAKE);
    }

    function test_Governance_RejectsOutOfBoundParameters() public {
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidStake.selector, 0, 1e18));
        nodes.setStakes(0, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidStake.selector, 1e18, 10_000_000e18 + 1)
        );
        nodes.setStakes(1e18, 10_000_000e18 + 1);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidCooldown.selector, 1 days - 1));
        nodes.setCooldown(1 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidCooldown.selector, 90 days + 1));
        nodes.setCooldown(90 days + 1);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidCommission.selector, 5_001, 0));
        nodes.setCommission(5_001, 0);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidCommission.selector, 0, 10_001));
        nodes.setCommission(0, 10_001);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidMaxRecruits.selector, 0));
        nodes.setMaxRecruits(0);
        vm.expectRevert(abi.encodeWithSelector(IPromotionNodesErrors.Nodes_InvalidMaxRecruits.selector, 1_001));
        nodes.setMaxRecruits(1_001);
        vm.stopPrank();
        vm.expectRevert(IPromotionNodesErrors.Nodes_ZeroAddress.selector);
        new PromotionNodes(timelock, IERC20(address(0)), hook, 1e18, 1e18, 1 days, 0, 0, 1);
    }

    function test_WeightSink_UnsetPoolAndSyncWeight() public {
        vm.prank(timelock);
        nodes.setWeightSink(address(0));
        _main(mainA); // no pool: nothing to call
        vm.assertEq(sink.calls(), 0);
        vm.prank(timelock);
        nodes.setWeightSink(address(sink));
        vm.prank(stranger);
        nodes.syncWeight(mainA);
        vm.assertEq(sink.weightOf(mainA), MAIN_STAKE, "anyone brings a node into a new pool");
        _exit(mainA);
        sink.setWeight(mainA, 7); // pretend the pool drifted
        nodes.syncWeight(mainA);
        vm.assertEq(sink.weightOf(mainA), 0, "a node in exit weighs nothing");
    }

    function test_Attack_BrokenPoolBlocksExitUntilTheDaoUnsetsIt() public {
        _main(mainA);
        sink.setBroken(true);
        vm.expectRevert(bytes4(keccak256("SinkBroken()")));
        _exit(mainA);
        vm.prank(timelock);
        nodes.setWeightSink(address(0));
        _exit(mainA);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(mainA);
        nodes.withdraw(); // withdrawing never calls the pool
        vm.assertEq(dmc.balanceOf(nodes.vaultOf(mainA)), 0);
    }

    // =================================================================== gas

    /// @dev Measured without an emission pool (its own bookkeeping is the pool's cost, not ours), then again with
    /// the recording mock pool (three fresh slots of its own) for comparison.
    function test_Gas_RegisterMainAndLightNode() public {
        vm.prank(timelock);
        nodes.setWeightSink(address(0));
        vm.prank(mainA);
        uint256 g = gasleft();
        nodes.registerMainNode();
        uint256 mainGas = g - gasleft();
        vm.prank(mainA);
        nodes.recruit(lightA, true);
        vm.prank(lightA);
        g = gasleft();
        nodes.registerLightNode(mainA);
        uint256 lightGas = g - gasleft();
        emit GasMeasured("registerMainNode", mainGas);
        emit GasMeasured("registerLightNode", lightGas);
        // first registration: the vault's clone (~41k) and its delegation (~25k), the stake transfer, the node
        vm.assertLt(mainGas, 200_000);
        vm.assertLt(lightGas, 200_000);

        vm.prank(timelock);
        nodes.setWeightSink(address(sink));
        vm.prank(mainB);
        g = gasleft();
        nodes.registerMainNode();
        emit GasMeasured("registerMainNode with the mock pool", g - gasleft());
    }

    function _fundDmcContract(address account) internal {
        dmc.transfer(account, 100_000e18);
        ReentrantReceiver(account).execute(address(dmc), abi.encodeCall(IERC20.approve, (address(nodes), MAIN_STAKE)));
    }
}
