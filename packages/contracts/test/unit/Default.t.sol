// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, FlagReason, Offering, OfferingStatus} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice Default detection: flaggable/flag (missed deposits, low streak), resume and halt.
contract DefaultTest is UnitHelpers {
    address internal guardian = makeAddr("guardian");
    uint256 internal tokenA;

    function setUp() public override {
        super.setUp();
        tokenA = _buy(alice, offeringId, 180); // releases 36.1 USDT a day from TERM_START
        _buy(bob, offeringId, 20);
        bytes32 role = exchange.HALT_GUARDIAN_ROLE();
        vm.prank(governor);
        exchange.grantRole(role, guardian);
    }

    function _assertFlaggable(bool can, FlagReason reason, uint256 missed, uint256 streak) internal view {
        (bool c, FlagReason r, uint256 m, uint256 s) = exchange.flaggable(offeringId);
        vm.assertEq(c, can, "canFlag");
        vm.assertEq(uint256(r), uint256(reason), "reason");
        vm.assertEq(m, missed, "missedDays");
        vm.assertEq(s, streak, "lowStreak");
    }

    /// @dev Deposits judged below 80% (market reported at 2e35, 1 FIL / 200 units = 5e33 per unit... far below).
    function _depositLow(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            uint256 day = exchange.getOffering(offeringId).lastCoveredDay + 1;
            _report(day, 1e36);
            vm.prank(miner);
            exchange.depositReward(offeringId, 1e18);
        }
    }

    // ------------------------------------------------------------------ missed deposits

    function test_Flaggable_CountsCompletedDaysWithoutCoverage() public {
        _assertFlaggable(false, FlagReason.None, 0, 0);
        _warpToDay(TERM_START);
        _assertFlaggable(false, FlagReason.None, 0, 0);
        _warpToDay(TERM_START + 6);
        _assertFlaggable(false, FlagReason.None, 6, 0);
        _warpToDay(TERM_START + 7);
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 0);
    }

    function test_RevertWhen_FlaggingWithSixMissedDays() public {
        _warpToDay(TERM_START + 6);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.DefaultConditionsNotMet.selector, offeringId, 6, 0));
        exchange.flag(offeringId);
    }

    function test_Flag_ForMissedDepositsByAnyoneEmitsAndRecords() public {
        _warpToDay(TERM_START + 7);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingFlagged(
            offeringId, carol, TERM_START + 7, FlagReason.MissedDeposits, TERM_START - 1, 0
        );
        vm.expectEmit(address(exchange));
        emit IERC4906.BatchMetadataUpdate(1, 2);
        vm.prank(carol);
        exchange.flag(offeringId);
        Offering memory o = exchange.getOffering(offeringId);
        vm.assertTrue(o.status == OfferingStatus.Flagged);
        vm.assertEq(o.frozenDay, TERM_START + 7);
        vm.assertTrue(o.flagReason == FlagReason.MissedDeposits);
    }

    function test_GivenPartialCoverage_MissedDaysCountFromLastCoveredDay() public {
        _warpToDay(TERM_START + 5);
        _coverThrough(offeringId, TERM_START + 2, 1e18);
        _warpToDay(TERM_START + 9);
        _assertFlaggable(false, FlagReason.None, 6, 0);
        _warpToDay(TERM_START + 10);
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 0);
    }

    function test_GivenCustomMissedThreshold_FlagUsesIt() public {
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(3, 7, 8_000, 0, 60));
        _warpToDay(TERM_START + 3);
        vm.prank(carol);
        exchange.flag(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).frozenDay, TERM_START + 3);
    }

    // ------------------------------------------------------------------ low rewards

    function test_GivenSevenConsecutiveLowDays_FlagForLowRewards() public {
        _warpToDay(TERM_START + 7);
        _depositLow(7);
        _assertFlaggable(true, FlagReason.LowRewards, 0, 7);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingFlagged(offeringId, carol, TERM_START + 7, FlagReason.LowRewards, TERM_START + 6, 7);
        vm.prank(carol);
        exchange.flag(offeringId);
        vm.assertTrue(exchange.getOffering(offeringId).flagReason == FlagReason.LowRewards);
    }

    function test_GivenSixLowDaysThenAFairOne_StreakResets() public {
        _warpToDay(TERM_START + 7);
        _depositLow(6);
        _assertFlaggable(false, FlagReason.None, 1, 6);
        _deposit(offeringId, 1e18); // fair against the fixture average
        _assertFlaggable(false, FlagReason.None, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.DefaultConditionsNotMet.selector, offeringId, 0, 0));
        exchange.flag(offeringId);
    }

    function test_GivenUnjudgedDayInsideLowRun_StreakStillReachesSeven() public {
        _warpToDay(TERM_START + 9);
        _depositLow(3);
        vm.prank(miner); // day TERM_START + 3: no report and the oracle is late: unjudged
        exchange.depositReward(offeringId, 1e18);
        _depositLow(4);
        _assertFlaggable(true, FlagReason.LowRewards, 1, 7);
    }

    function test_GivenBothConditions_MissedDepositsIsTheReason() public {
        _warpToDay(TERM_START + 7);
        _depositLow(7);
        _warpToDay(TERM_START + 14);
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 7);
    }

    // ------------------------------------------------------------------ not flaggable

    function test_GivenNoUnitsSold_OfferingIsNotFlaggable() public {
        uint256 id = _createOffering(miner, 10, PRICE, TERM_START, TERM_END);
        _warpToDay(TERM_START + 20);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.DefaultConditionsNotMet.selector, id, 20, 0));
        exchange.flag(id);
    }

    function test_GivenTermEnded_OfferingIsNotFlaggable() public {
        _warpToDay(TERM_END);
        _assertFlaggable(false, FlagReason.None, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.DefaultConditionsNotMet.selector, offeringId, 0, 0));
        exchange.flag(offeringId);
    }

    function test_RevertWhen_FlaggingAnAlreadyFlaggedOffering() public {
        _flagForMissedDeposits(offeringId);
        _warpToDay(TERM_START + 9);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.DefaultConditionsNotMet.selector, offeringId, 9, 0));
        exchange.flag(offeringId);
    }

    function test_RevertWhen_FlaggingUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.UnknownOffering.selector, 9));
        exchange.flag(9);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.UnknownOffering.selector, 9));
        exchange.flaggable(9);
    }

    // ------------------------------------------------------------------ resume

    function test_GivenFlagged_MinerCatchesUpAndGovernorResumes() public {
        uint256 flagDay = _flagForMissedDeposits(offeringId);
        _coverThrough(offeringId, flagDay - 1, 1e18); // deposits still accepted while flagged
        _warpToDay(flagDay + 2);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingResumed(offeringId, governor, flagDay + 2);
        vm.expectEmit(address(exchange));
        emit IERC4906.BatchMetadataUpdate(1, 2);
        vm.prank(governor);
        exchange.resume(offeringId);
        Offering memory o = exchange.getOffering(offeringId);
        vm.assertTrue(o.status == OfferingStatus.Active);
        vm.assertTrue(o.flagReason == FlagReason.None);
        _assertFlaggable(false, FlagReason.None, 2, 0);
        _buy(carol, offeringId, 1); // sales reopen
    }

    function test_GivenFlaggedForLowRewards_ResumeResetsStreak() public {
        _warpToDay(TERM_START + 7);
        _depositLow(7);
        exchange.flag(offeringId);
        vm.prank(governor);
        exchange.resume(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).recentShares, 0);
        _assertFlaggable(false, FlagReason.None, 0, 0);
    }

    function test_GivenResumedWithoutCatchUp_OfferingCanBeFlaggedAgain() public {
        _flagForMissedDeposits(offeringId);
        vm.prank(governor);
        exchange.resume(offeringId);
        _warpToDay(TERM_START + 10);
        exchange.flag(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).frozenDay, TERM_START + 10, "flag day moves to the new flag");
    }

    function test_RevertWhen_ResumingActiveOffering() public {
        vm.expectRevert(
            abi.encodeWithSelector(IHashpowerExchange.OfferingNotFlagged.selector, offeringId, OfferingStatus.Active)
        );
        vm.prank(governor);
        exchange.resume(offeringId);
    }

    function test_RevertWhen_ResumingHaltedOffering() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(IHashpowerExchange.OfferingNotFlagged.selector, offeringId, OfferingStatus.Halted)
        );
        vm.prank(governor);
        exchange.resume(offeringId);
    }

    function test_RevertWhen_NonGovernorResumes() public {
        _flagForMissedDeposits(offeringId);
        bytes32 role = exchange.GOVERNOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, role));
        vm.prank(guardian); // the halt guardian may halt, nothing else
        exchange.resume(offeringId);
    }

    // ------------------------------------------------------------------ halt

    function test_Halt_ByGovernorFreezesAndEmits() public {
        uint256 flagDay = _flagForMissedDeposits(offeringId); // TERM_START + 7
        _warpToDay(flagDay + 3);
        uint256 released = 7 * NET_PER_UNIT; // alice's 180 units release 36.1/day, bob's 20 units inexactly
        released += _exactReleased(20 * NET_PER_UNIT, TERM_START, TERM_END, flagDay);
        uint256 total = 200 * NET_PER_UNIT;
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingHalted(offeringId, governor, flagDay, released, total - released);
        vm.expectEmit(address(exchange));
        emit IERC4906.BatchMetadataUpdate(1, 2);
        vm.prank(governor);
        exchange.halt(offeringId);
        vm.assertTrue(exchange.getOffering(offeringId).status == OfferingStatus.Halted);
    }

    function test_Halt_ByHaltGuardian() public {
        _flagForMissedDeposits(offeringId);
        vm.prank(guardian);
        exchange.halt(offeringId);
        vm.assertTrue(exchange.getOffering(offeringId).status == OfferingStatus.Halted);
    }

    function test_RevertWhen_NeitherGovernorNorGuardianHalts() public {
        _flagForMissedDeposits(offeringId);
        bytes32 role = exchange.GOVERNOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        exchange.halt(offeringId);
    }

    function test_RevertWhen_HaltingActiveOffering() public {
        vm.expectRevert(
            abi.encodeWithSelector(IHashpowerExchange.OfferingNotFlagged.selector, offeringId, OfferingStatus.Active)
        );
        vm.prank(guardian);
        exchange.halt(offeringId);
    }

    function test_RevertWhen_HaltingTwice() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(IHashpowerExchange.OfferingNotFlagged.selector, offeringId, OfferingStatus.Halted)
        );
        vm.prank(governor);
        exchange.halt(offeringId);
    }

    function test_RevertWhen_HaltingUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.OfferingNotFlagged.selector, 9, OfferingStatus.None));
        vm.prank(governor);
        exchange.halt(9);
    }

    function test_GivenHalted_OfferingCannotBeFlaggedOrResumedButDepositsStillPayHolders() public {
        uint256 flagDay = _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        _assertFlaggable(false, FlagReason.None, 7, 0);
        _coverThrough(offeringId, TERM_START, 2e18); // late rewards still reach the holders
        vm.assertEq(exchange.claimableRewards(tokenA), 1.8e18);
        vm.assertEq(flagDay, TERM_START + 7);
    }
}
