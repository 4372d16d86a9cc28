// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../../src/dmc/MiningReserve.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IPromotionNodes} from "../../../src/interfaces/IPromotionNodes.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {PromotionNodes} from "../../../src/nodes/PromotionNodes.sol";
import {TradingRewards} from "../../../src/trading/TradingRewards.sol";
import {ExchangeFixture} from "../../utils/ExchangeFixture.sol";

/// @notice A recorder that always reverts.
contract RevertingRecorder {
    error Nope();

    function recordReferral(address, address, address, uint256) external pure {
        revert Nope();
    }
}

/// @notice A recorder that burns all the gas it is given.
contract GasSinkRecorder {
    uint256 public counter;

    function recordReferral(address, address, address, uint256) external {
        while (true) {
            ++counter;
        }
    }
}

/// @notice The referrer's path: exchange `buy(..., referrer)` -> TradingRewards.recordFee -> PromotionNodes, with
/// the real contracts; a recorder that fails never fails the sale; the gas of a referred purchase.
contract ReferralHookTest is ExchangeFixture {
    event GasMeasured(string key, uint256 gas);

    address internal timelock = makeAddr("timelock");
    address internal mainNode = makeAddr("mainNode");
    address internal lightNode = makeAddr("lightNode");
    address internal lightNode2 = makeAddr("lightNode2");

    DMCToken internal dmc;
    TradingRewards internal rewards;
    PromotionNodes internal nodes;

    function setUp() public virtual override {
        super.setUp();
        DMCToken.Allocation[] memory a = new DMCToken.Allocation[](1);
        a[0] = DMCToken.Allocation(address(this), 50_000_000e18, "rest");
        dmc = new DMCToken(DMCToken.MiningBuckets(30_000_000e18, 10_000_000e18, 10_000_000e18), timelock, a);
        MiningReserve reserve = dmc.miningReserve();
        rewards = new TradingRewards(
            timelock, dmc, IMiningReserve(address(reserve)), START_DAY * DAY, 7 days, 100_000e18, 10e18
        );
        nodes = new PromotionNodes(
            timelock, IERC20(address(dmc)), address(rewards), 20_000e18, 2_000e18, 14 days, 2_000, 3_000, 50
        );
        vm.startPrank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(rewards), true);
        rewards.setSource(address(exchange), true);
        rewards.setFeeToken(address(usdt), true);
        rewards.setReferrals(address(nodes));
        vm.stopPrank();
        vm.prank(governor);
        exchange.setTradingRewards(address(rewards));

        address[3] memory who = [mainNode, lightNode, lightNode2];
        for (uint256 i; i < who.length; ++i) {
            dmc.transfer(who[i], 50_000e18);
            vm.startPrank(who[i]);
            dmc.delegate(who[i]);
            dmc.approve(address(nodes), type(uint256).max);
            vm.stopPrank();
        }
        vm.prank(mainNode);
        nodes.registerMainNode();
        vm.startPrank(mainNode);
        nodes.recruit(lightNode, true);
        nodes.recruit(lightNode2, true);
        vm.stopPrank();
        vm.prank(lightNode);
        nodes.registerLightNode(mainNode);
        vm.prank(lightNode2);
        nodes.registerLightNode(mainNode);
    }

    function _buyVia(address who, uint256 units, address referrer) internal returns (uint256 gasUsed) {
        vm.prank(who);
        uint256 g = gasleft();
        exchange.buy(offeringId, units, type(uint256).max, referrer);
        gasUsed = g - gasleft();
    }

    function test_Buy_ThroughALightNodeRecordsItsCommission() public {
        uint256 fee = 19e6; // 5% of 10 x 38 USDT
        vm.expectEmit(address(nodes));
        emit IPromotionNodes.CommissionRecorded(
            lightNode, alice, address(usdt), fee, 3.8e6, mainNode, 1.14e6, 1, 2.66e6, 1.14e6
        );
        _buyVia(alice, 10, lightNode);
        vm.assertEq(nodes.commissionOf(lightNode, address(usdt)).earned, 2.66e6);
        vm.assertEq(nodes.commissionOf(mainNode, address(usdt)).earned, 1.14e6);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 19e18, "the buyer's own credit is unchanged by the referral");
        // buyWithPermit passes its referrer too (no permit: the allowance is already there)
        vm.prank(bob);
        exchange.buyWithPermit(offeringId, 10, type(uint256).max, mainNode, block.timestamp, 0, bytes32(0), bytes32(0));
        vm.assertEq(nodes.commissionOf(mainNode, address(usdt)).earned, 1.14e6 + 3.8e6);
    }

    function test_Attack_RevertingRecorderNeverFailsTheSale() public {
        RevertingRecorder bad = new RevertingRecorder();
        vm.prank(timelock);
        rewards.setReferrals(address(bad));
        vm.expectEmit(address(rewards));
        emit ITradingRewards.ReferralFailed(lightNode, alice, address(usdt), 19e6);
        _buyVia(alice, 10, lightNode);
        vm.assertEq(exchange.ownerOf(1), alice);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 19e18, "the fee is still credited");
    }

    function test_Attack_GasSinkRecorderIsBoundedAndNeverFailsTheSale() public {
        GasSinkRecorder bad = new GasSinkRecorder();
        vm.prank(timelock);
        rewards.setReferrals(address(bad));
        uint256 gasUsed = _buyVia(alice, 10, lightNode);
        vm.assertEq(exchange.ownerOf(1), alice);
        vm.assertLt(gasUsed, 600_000, "the recorder burned at most its bound");
    }

    function test_Attack_PausedNodesHookOrUnsetRecorderRecordsNothing() public {
        // the nodes contract no longer trusts this rewards contract: it reverts, the sale goes through
        vm.prank(timelock);
        nodes.setFeeHook(address(0));
        _buyVia(alice, 10, lightNode);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0);
        vm.prank(timelock);
        rewards.setReferrals(address(0));
        vm.prank(timelock);
        nodes.setFeeHook(address(rewards));
        _buyVia(bob, 10, lightNode);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0);
    }

    function test_Attack_StrangerForgesAFeeWithAReferrer() public {
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        rewards.recordFee(stranger, lightNode, address(usdt), 1_000_000e6);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0, "only a registered source forwards a referral");
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        rewards.setReferrals(stranger);
    }

    function test_SetReferrals_EmitsAndAnUnlistedFeeTokenForwardsNothing() public {
        vm.expectEmit(address(rewards));
        emit ITradingRewards.ReferralsSet(address(nodes));
        vm.prank(timelock);
        rewards.setReferrals(address(nodes));
        vm.prank(timelock);
        rewards.setFeeToken(address(usdt), false);
        _buyVia(alice, 10, lightNode);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0, "a token the fee splitter does not handle earns none");
    }

    function test_Attack_ZeroAndUnlistedReferralsCostNothing() public {
        _buyVia(alice, 10, address(0));
        _buyVia(bob, 10, makeAddr("notANode"));
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, 0);
    }

    /// @dev buy_withReferral <= buy + 25k: a buy naming a light node (a repeat referral for the node, the usual
    /// case) against the same buy naming no one, each a fresh buyer in an epoch already opened. The first
    /// referral of a node in a token also writes its (and the main node's) commission slot: reported.
    function test_Gas_BuyWithReferralAgainstBuy() public {
        _buyVia(carol, 1, address(0)); // opens the epoch
        _buyVia(carol, 1, lightNode2); // the main node's commission slot and the token's ledger exist
        address b1 = makeAddr("b1");
        address b2 = makeAddr("b2");
        address b3 = makeAddr("b3");
        _fund(b1);
        _fund(b2);
        _fund(b3);
        uint256 plain = _buyVia(b1, 10, address(0));
        uint256 first = _buyVia(b2, 10, lightNode);
        uint256 repeat = _buyVia(b3, 10, lightNode);
        emit GasMeasured("buy (referrer 0)", plain);
        emit GasMeasured("buy_withReferral (light node, first referral)", first);
        emit GasMeasured("buy_withReferral (light node, repeat)", repeat);
        vm.assertEq(nodes.nodeOf(lightNode).referrals, 2);
        vm.assertLe(repeat, plain + 25_000, "buy_withReferral <= buy + 25k");
        vm.assertLe(first, plain + 50_000);
    }
}
