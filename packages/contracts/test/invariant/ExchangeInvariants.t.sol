// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {Offering, OfferingStatus} from "../../src/types/HashpowerTypes.sol";
import {TestLocker} from "../mocks/TestLocker.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";
import {ExchangeHandler} from "./handlers/ExchangeHandler.sol";

/// @notice The invariants numbered in test/invariant/README.md, checked after every random action.
contract ExchangeInvariants is ExchangeFixture {
    ExchangeHandler internal handler;
    TestLocker internal locker;
    uint256[] internal ids;

    function setUp() public override {
        super.setUp();
        locker = new TestLocker(IHashpowerExchange(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(locker), true);

        address minerB = makeAddr("minerB");
        address minerC = makeAddr("minerC");
        ids.push(offeringId); // term starts in two days
        ids.push(_createOffering(minerB, 500, 25e6, START_DAY + 1, START_DAY + 31)); // short term
        ids.push(_createOffering(minerC, 2_000, 7_777_777, START_DAY + 5, START_DAY + 65)); // odd price
        address[] memory miners = new address[](3);
        (miners[0], miners[1], miners[2]) = (miner, minerB, minerC);
        for (uint256 i = 1; i < 3; ++i) {
            vm.prank(miners[i]);
            ifil.approve(address(exchange), type(uint256).max);
        }

        address[] memory actors = new address[](4);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = carol;
        actors[3] = makeAddr("dave");
        _fund(actors[3]);

        handler = new ExchangeHandler(
            ExchangeHandler.Setup({
                exchange: exchange,
                oracle: oracle,
                usdt: usdt,
                ifil: ifil,
                locker: locker,
                governor: governor,
                reporter: reporter,
                bridge: bridge,
                assetId: filAsset,
                actors: actors,
                offeringIds: ids,
                miners: miners
            })
        );
        bytes32 reporterRole = oracle.REPORTER_ROLE();
        vm.prank(governor);
        oracle.grantRole(reporterRole, address(handler));
        // Every run starts with positions in all offerings, so no invariant is checked vacuously.
        for (uint256 i; i < 8; ++i) handler.buy(i, i, 3 + i * 7);
        targetContract(address(handler));
    }

    /// 1. Per offering: net paid in == totalNet, and released + refunded never exceed it.
    function invariant_1_escrowConservation() public view {
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            vm.assertEq(o.totalNet, handler.ghostNetPaid(ids[i]), "totalNet");
            (uint256 released,) = exchange.releasedToDate(ids[i]);
            vm.assertLe(released + o.refunded, o.totalNet, "released + refunded <= net paid");
            vm.assertEq(o.refunded, handler.ghostRefunded(ids[i]), "refunded");
        }
    }

    /// 2. Miner withdrawals never exceed what has been released.
    function invariant_2_withdrawalsWithinReleased() public view {
        for (uint256 i; i < ids.length; ++i) {
            (uint256 released,) = exchange.releasedToDate(ids[i]);
            Offering memory o = exchange.getOffering(ids[i]);
            vm.assertLe(o.withdrawn, released, "withdrawn <= released");
            vm.assertEq(o.withdrawn, handler.ghostWithdrawn(ids[i]), "withdrawn ghost");
        }
    }

    /// 3. The stablecoin balance is exactly escrow still held plus uncollected fees.
    function invariant_3_paymentTokenSolvency() public view {
        uint256 owed;
        uint256 feesPaid;
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            owed += o.totalNet - o.withdrawn - o.refunded + o.feesAccrued;
            feesPaid += handler.ghostFeesPaid(ids[i]);
        }
        vm.assertEq(usdt.balanceOf(address(exchange)), owed, "usdt held == owed");
        vm.assertEq(usdt.balanceOf(treasury), handler.ghostFeesCollected(), "fees reached the recipient");
        vm.assertLe(handler.ghostFeesCollected(), feesPaid, "fees collected <= fees paid");
    }

    /// 4. Reward claims never exceed deposits, and what is neither claimed nor claimable is dust
    /// below one base unit per deposit plus one per claim call.
    function invariant_4_rewardsConservation() public view {
        uint256 depositedAll;
        uint256 claimedAll;
        for (uint256 i; i < ids.length; ++i) {
            uint256 deposited = handler.ghostRewardsDeposited(ids[i]);
            uint256 claimed = handler.ghostRewardsClaimed(ids[i]);
            vm.assertLe(claimed, deposited, "claimed <= deposited");
            depositedAll += deposited;
            claimedAll += claimed;
        }
        vm.assertEq(ifil.balanceOf(address(exchange)), depositedAll - claimedAll, "ifil held == deposited - claimed");

        uint256 claimable;
        uint256 positions = exchange.positionCount();
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) claimable += exchange.claimableRewards(tokenId);
        uint256 unassigned = depositedAll - claimedAll - claimable;
        uint256 deposits;
        for (uint256 i; i < ids.length; ++i) deposits += handler.ghostDeposits(ids[i]);
        vm.assertGe(depositedAll - claimedAll, claimable, "claimable covered by balance");
        vm.assertLe(unassigned, deposits + positions, "rounding dust within bound");
    }

    /// 5. A position is refunded at most once.
    function invariant_5_refundOnce() public view {
        uint256 positions = exchange.positionCount();
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            vm.assertLe(handler.ghostRefundCount(tokenId), 1, "refunded twice");
        }
    }

    /// 6. No position is ever stranded: each belongs to a user, the exchange holds none, and a lock
    /// is held only by the locker that can release it.
    function invariant_6_noStrandedPosition() public view {
        uint256 positions = exchange.positionCount();
        vm.assertEq(exchange.balanceOf(address(exchange)), 0, "exchange holds no position");
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            vm.assertTrue(handler.isActor(exchange.ownerOf(tokenId)), "owner is a user");
            address holder = exchange.lockedBy(tokenId);
            vm.assertTrue(holder == address(0) || holder == address(locker), "lock held by its locker");
        }
    }

    /// 7. Release never goes backwards, and a halted offering's release stays frozen at its flag day.
    function invariant_7_releaseMonotonicAndFrozen() public view {
        vm.assertFalse(handler.ghostReleaseWentBackwards(), "release went backwards");
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            if (o.status == OfferingStatus.Halted) {
                (, uint256 day) = exchange.releasedToDate(ids[i]);
                vm.assertLe(day, o.frozenDay, "halted release frozen at flag day");
            }
        }
    }

    /// The handler reaches the default paths (flag, halt, refund, seize), so invariants 5 and 7 bite.
    function test_HandlerReachesDefaultPaths() public {
        handler.lockOrRelease(1, 0, 0); // lock position 1
        handler.lockOrRelease(1, 1, 2); // seize it to carol
        for (uint256 i; i < 6; ++i) handler.advanceTime(71); // ~18 days, no deposits at all
        for (uint256 i; i < 3; ++i) handler.flag(i);
        for (uint256 i; i < 3; ++i) handler.resolveFlag(i, true);
        for (uint256 tokenId; tokenId < 8; ++tokenId) handler.claimRefund(tokenId);
        handler.claimRefund(0); // the second refund of the same position must fail
        vm.assertEq(handler.calls("seize"), 1);
        vm.assertEq(handler.calls("flag"), 3);
        vm.assertEq(handler.calls("halt"), 3);
        vm.assertEq(handler.calls("refund"), 8);
        vm.assertEq(handler.ghostRefundCount(1), 1);
        invariant_1_escrowConservation();
        invariant_3_paymentTokenSolvency();
        invariant_5_refundOnce();
        invariant_6_noStrandedPosition();
        invariant_7_releaseMonotonicAndFrozen();
    }
}
