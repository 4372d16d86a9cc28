// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, FlagReason, Offering, OfferingStatus} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Default detection: flaggable/flag (missed deposits, low window average, the post-term
/// flag window), resume and halt.
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

    /// @dev Deposits judged at exactly 50% of the market (the coverage floor, under the 80% ratio):
    /// 1 FIL over 200 units = 5e33 a unit against a reported 1e34.
    function _depositLow(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            uint256 day = exchange.getOffering(offeringId).lastCoveredDay + 1;
            _report(day, 1e34);
            vm.prank(miner);
            exchange.depositReward(offeringId, 1e18);
        }
    }

    /// @dev Deposits paying the whole market (1 FIL over 200 units against the fixture's 2e33: capped at 100%).
    function _depositFull(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            _deposit(offeringId, 1e18);
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
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_DefaultConditionsNotMet.selector, offeringId, 6, 0)
        );
        exchange.flag(offeringId);
    }

    function test_Flag_ForMissedDepositsByAnyoneEmitsAndRecords() public {
        _warpToDay(TERM_START + 7);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingFlagged(
            offeringId, carol, TERM_START + 7, FlagReason.MissedDeposits, TERM_START - 1, 0, TERM_START + 7
        );
        vm.expectEmit(address(exchange));
        emit IERC4906.BatchMetadataUpdate(1, 2);
        vm.prank(carol);
        exchange.flag(offeringId);
        Offering memory o = exchange.getOffering(offeringId);
        vm.assertTrue(o.status == OfferingStatus.Flagged);
        vm.assertEq(o.frozenDay, TERM_START + 7);
        vm.assertEq(o.flaggedOnDay, TERM_START + 7);
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

    function test_GivenSevenLowJudgedDays_FlagForLowRewards() public {
        _warpToDay(TERM_START + 7);
        _depositLow(6);
        _assertFlaggable(false, FlagReason.None, 1, 0); // six judged days: the window is not full
        _depositLow(1);
        _assertFlaggable(true, FlagReason.LowRewards, 0, 500);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingFlagged(
            offeringId, carol, TERM_START + 7, FlagReason.LowRewards, TERM_START + 6, 500, TERM_START + 7
        );
        vm.prank(carol);
        exchange.flag(offeringId);
        vm.assertTrue(exchange.getOffering(offeringId).flagReason == FlagReason.LowRewards);
    }

    /// @dev The old rule reset a "low streak" on any fair day; the window averages instead, so one
    /// full day after six at 50% still leaves the average at 571 per-mille: low.
    function test_GivenSixLowDaysThenAFullOne_WindowAverageIsStillLow() public {
        _warpToDay(TERM_START + 7);
        _depositLow(6);
        _depositFull(1);
        _assertFlaggable(true, FlagReason.LowRewards, 0, 571); // (6 x 500 + 1000) / 7, rounded down
    }

    function test_GivenWindowOfSevenJudgedDays_AverageUnderEightyPercentIsLow() public {
        _warpToDay(TERM_START + 10);
        _depositLow(2);
        _depositFull(5); // newest seven: 2 x 50% + 5 x 100% = 857 per-mille
        _assertFlaggable(false, FlagReason.None, 3, 857);
        _depositLow(2); // the two oldest low days leave the window as two new ones enter: 857 again
        _assertFlaggable(false, FlagReason.None, 1, 857);
        _depositLow(1); // 3 x 50% + 4 x 100% = 785
        _assertFlaggable(true, FlagReason.LowRewards, 0, 785);
    }

    function test_GivenWindowAverageExactlyEightyPercent_NotLow() public {
        _warpToDay(TERM_START + 7);
        for (uint256 i; i < 7; ++i) {
            _depositShare(offeringId, 800);
        }
        _assertFlaggable(false, FlagReason.None, 0, 800);
    }

    function test_GivenLowDaysFollowedByAFullWindow_NotFlaggable() public {
        _warpToDay(TERM_START + 13);
        _depositLow(7);
        _assertFlaggable(true, FlagReason.LowRewards, 6, 500);
        _warpToDay(TERM_START + 14);
        _depositFull(7); // the low days roll out of the window
        _assertFlaggable(false, FlagReason.None, 0, 1_000);
    }

    function test_GivenShorterWindow_FlagAveragesOnlyItsDays() public {
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(7, 3, 8_000, 5_000, 10));
        _warpToDay(TERM_START + 7);
        _depositFull(4);
        _depositLow(1); // newest three: 100%, 100%, 50%; a seven-day window would not even be full
        _assertFlaggable(false, FlagReason.None, 2, 833); // 2500 / 3
        _depositLow(1);
        _assertFlaggable(true, FlagReason.LowRewards, 1, 666); // 2000 / 3
    }

    /// @dev A day the oracle never reported is no free pass any more: once the oracle is over a day
    /// late it is judged against the latest final report (here TERM_START + 2's).
    function test_GivenOracleLateInsideLowRun_DayIsJudgedAgainstLatestReport() public {
        _warpToDay(TERM_START + 9);
        _depositLow(3);
        vm.prank(miner); // day TERM_START + 3: no report and the oracle is late
        exchange.depositReward(offeringId, 1e18);
        _depositLow(4);
        _assertFlaggable(true, FlagReason.LowRewards, 1, 500);
    }

    function test_GivenBothConditions_MissedDepositsIsTheReason() public {
        _warpToDay(TERM_START + 7);
        _depositLow(7);
        _warpToDay(TERM_START + 14);
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 500);
    }

    // ------------------------------------------------------------------ not flaggable

    function test_GivenNoUnitsSold_OfferingIsNotFlaggable() public {
        uint256 id = _createOffering(miner, 10, PRICE, TERM_START, TERM_END);
        _warpToDay(TERM_START + 20);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_DefaultConditionsNotMet.selector, id, 20, 0));
        exchange.flag(id);
    }

    function test_GivenPostTermFlagWindowOver_OfferingIsNotFlaggable() public {
        _warpToDay(TERM_END + 9); // the last day of the post-term window: still flaggable
        _assertFlaggable(true, FlagReason.MissedDeposits, TERM_DAYS + 9, 0);
        _warpToDay(TERM_END + 10);
        _assertFlaggable(false, FlagReason.None, TERM_DAYS + 10, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_DefaultConditionsNotMet.selector, offeringId, TERM_DAYS + 10, 0
            )
        );
        exchange.flag(offeringId);
    }

    function test_GivenEveryDayCovered_TermEndedOfferingIsNotFlaggable() public {
        _warpToDay(TERM_END);
        _coverThrough(offeringId, TERM_END - 1, 1e18);
        _assertFlaggable(false, FlagReason.None, 0, 1_000);
        _warpToDay(TERM_END + 9);
        _assertFlaggable(false, FlagReason.None, 0, 1_000);
    }

    function test_RevertWhen_FlaggingAnAlreadyFlaggedOffering() public {
        _flagForMissedDeposits(offeringId);
        _warpToDay(TERM_START + 9);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_DefaultConditionsNotMet.selector, offeringId, 9, 0)
        );
        exchange.flag(offeringId);
    }

    function test_RevertWhen_FlaggingUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 9));
        exchange.flag(9);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 9));
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
        // Sales do not reopen: they closed when the term started.
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_SaleClosed.selector, offeringId, o.saleStart, o.saleEnd)
        );
        vm.prank(carol);
        exchange.buy(offeringId, 1, type(uint256).max, address(0));
    }

    function test_GivenFlaggedForLowRewards_ResumeClearsWindow() public {
        _warpToDay(TERM_START + 7);
        _depositLow(7);
        exchange.flag(offeringId);
        vm.prank(governor);
        exchange.resume(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).recentShares, 0);
        _assertFlaggable(false, FlagReason.None, 0, 0);
        _warpToDay(TERM_START + 14);
        _depositLow(6);
        _assertFlaggable(false, FlagReason.None, 1, 0); // the window refills from the resume
        _depositLow(1);
        _assertFlaggable(true, FlagReason.LowRewards, 0, 500);
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
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotFlagged.selector, offeringId, OfferingStatus.Active
            )
        );
        vm.prank(governor);
        exchange.resume(offeringId);
    }

    function test_RevertWhen_ResumingHaltedOffering() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotFlagged.selector, offeringId, OfferingStatus.Halted
            )
        );
        vm.prank(governor);
        exchange.resume(offeringId);
    }

    function test_RevertWhen_NonGovernorResumes() public {
        _flagForMissedDeposits(offeringId);
        bytes32 role = exchange.GOVERNOR_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, role)
        );
        vm.prank(guardian); // the halt guardian may halt, nothing else
        exchange.resume(offeringId);
    }

    // ------------------------------------------------------------------ halt

    function test_Halt_ByGovernorFreezesAndEmits() public {
        uint256 flagDay = _flagForMissedDeposits(offeringId); // TERM_START + 7
        _warpToDay(flagDay + 3);
        uint256 total = 200 * NET_PER_UNIT; // one schedule: every unit was bought before the term
        uint256 released = _exactReleased(total, TERM_START, TERM_END, flagDay);
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
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotFlagged.selector, offeringId, OfferingStatus.Active
            )
        );
        vm.prank(guardian);
        exchange.halt(offeringId);
    }

    function test_RevertWhen_HaltingTwice() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotFlagged.selector, offeringId, OfferingStatus.Halted
            )
        );
        vm.prank(governor);
        exchange.halt(offeringId);
    }

    function test_RevertWhen_HaltingUnknownOffering() public {
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_OfferingNotFlagged.selector, 9, OfferingStatus.None)
        );
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
