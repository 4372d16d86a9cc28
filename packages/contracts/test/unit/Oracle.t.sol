// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IMarketRateOracle} from "../../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../../src/oracle/MarketRateOracle.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IOracleErrors} from "../../src/errors/OracleErrors.sol";

/// @notice MarketRateOracle: reporter role, completed days only, the one-hour correction window
/// after which a report is final (and only then answered), latestRate, reportMany.
contract OracleTest is UnitHelpers {
    function test_Report_StoresRateAndEmits() public {
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateReported(filAsset, START_DAY - 1, 123, reporter);
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 123);
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 0, "not answered while still correctable");
        vm.assertFalse(reported);
        vm.warp(block.timestamp + 1 hours);
        (avg, reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 123);
        vm.assertTrue(reported);
    }

    function test_CorrectionWindowIsOneHour() public view {
        vm.assertEq(oracle.CORRECTION_WINDOW(), 3_600);
    }

    function test_Report_IsFinalExactlyOneHourAfterIt() public {
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 5);
        uint256 reportedAt = block.timestamp;
        vm.warp(reportedAt + 1 hours - 1);
        (, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertFalse(reported, "one second before");
        vm.warp(reportedAt + 1 hours);
        (, reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertTrue(reported, "on the second");
    }

    function test_RevertWhen_ReportingZero() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_ZeroRate.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 0);
    }

    // ------------------------------------------------------------------ correct

    function test_Correct_ReplacesTheRateWithinTheWindowAndEmits() public {
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 100);
        uint256 reportedAt = block.timestamp;
        vm.warp(reportedAt + 1 hours - 1); // the last second of the window
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateCorrected(filAsset, START_DAY - 1, 100, 80, reporter);
        vm.prank(reporter);
        oracle.correct(filAsset, START_DAY - 1, 80);
        vm.warp(reportedAt + 1 hours); // the window does not restart with the correction
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 80);
        vm.assertTrue(reported);
    }

    function test_RevertWhen_CorrectingAFinalReport() public {
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 100);
        uint256 finalAt = block.timestamp + 1 hours;
        vm.warp(finalAt);
        vm.expectRevert(
            abi.encodeWithSelector(IOracleErrors.Oracle_ReportFinal.selector, filAsset, START_DAY - 1, finalAt)
        );
        vm.prank(reporter);
        oracle.correct(filAsset, START_DAY - 1, 80);
    }

    function test_RevertWhen_CorrectingAnUnreportedDay() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_NotReported.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.correct(filAsset, START_DAY - 1, 80);
    }

    function test_RevertWhen_CorrectingToZero() public {
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 100);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_ZeroRate.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.correct(filAsset, START_DAY - 1, 0);
    }

    function test_RevertWhen_NonReporterCorrects() public {
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 100);
        bytes32 role = oracle.REPORTER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        oracle.correct(filAsset, START_DAY - 1, 80);
    }

    // ------------------------------------------------------------------ latestRate

    function test_LatestRate_IsTheLatestDayReportedOnceFinal() public {
        (uint256 avg, uint256 day, bool reported) = oracle.latestRate(filAsset);
        vm.assertEq(avg, 0);
        vm.assertEq(day, 0);
        vm.assertFalse(reported);
        _report(START_DAY - 3, 30);
        _report(START_DAY - 5, 50); // an older day reported later does not become the latest
        (avg, day, reported) = oracle.latestRate(filAsset);
        vm.assertEq(avg, 30);
        vm.assertEq(day, START_DAY - 3);
        vm.assertTrue(reported);
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 10); // the latest day, still correctable
        (avg, day, reported) = oracle.latestRate(filAsset);
        vm.assertEq(avg, 0, "a correctable latest report is not answered");
        vm.assertEq(day, 0);
        vm.assertFalse(reported);
        vm.warp(block.timestamp + 1 hours);
        (avg, day, reported) = oracle.latestRate(filAsset);
        vm.assertEq(avg, 10);
        vm.assertEq(day, START_DAY - 1);
        vm.assertTrue(reported);
        (, day,) = oracle.latestRate(btcAsset);
        vm.assertEq(day, 0, "per asset");
    }

    function test_RateOf_UnreportedIsZeroAndFalse() public view {
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 0);
        vm.assertFalse(reported);
    }

    function test_Report_IsPerAssetAndDay() public {
        _report(START_DAY - 1, 5);
        (, bool sameAssetOtherDay) = oracle.rateOf(filAsset, START_DAY - 2);
        (, bool otherAssetSameDay) = oracle.rateOf(btcAsset, START_DAY - 1);
        vm.assertFalse(sameAssetOtherDay);
        vm.assertFalse(otherAssetSameDay);
    }

    function test_Report_RateIsStoredAsUint128() public {
        // documented storage width: a rate above 2^128 would be truncated (none is realistic)
        _report(START_DAY - 1, type(uint128).max);
        (uint256 avg,) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, type(uint128).max);
    }

    /// @dev The report used to be stored with a bare `uint128(avg)`: a rate of 2^128 + 5 was kept
    /// as 5 while the event announced 2^128 + 5, so deposits were judged against a wrapped average.
    function test_RevertWhen_RateDoesNotFitStorage() public {
        uint256 avg = uint256(type(uint128).max) + 6;
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 128, avg));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, avg);
        (, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertFalse(reported);
    }

    function test_RevertWhen_ReportingToday() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_DayNotOver.selector, START_DAY, START_DAY));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY, 1);
    }

    function test_RevertWhen_ReportingFutureDay() public {
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_DayNotOver.selector, START_DAY + 3, START_DAY));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY + 3, 1);
    }

    function test_RevertWhen_ReportingTwice() public {
        _report(START_DAY - 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_AlreadyReported.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 2);
        (uint256 avg,) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 1, "a second report never replaces the first");
    }

    function test_RevertWhen_ReportingTwiceWithinTheCorrectionWindow() public {
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_AlreadyReported.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 2); // correct() is the way to change it
    }

    function test_RevertWhen_NonReporterReports() public {
        bytes32 role = oracle.REPORTER_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, governor, role)
        );
        vm.prank(governor); // the admin manages reporters but is not one
        oracle.report(filAsset, START_DAY - 1, 1);
    }

    function test_ReportMany_StoresEachAssetAndEmits() public {
        uint32[] memory assets = new uint32[](2);
        (assets[0], assets[1]) = (filAsset, btcAsset);
        uint256[] memory rates = new uint256[](2);
        (rates[0], rates[1]) = (11, 22);
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateReported(filAsset, START_DAY - 1, 11, reporter);
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateReported(btcAsset, START_DAY - 1, 22, reporter);
        vm.prank(reporter);
        oracle.reportMany(assets, START_DAY - 1, rates);
        vm.warp(block.timestamp + 1 hours);
        (uint256 a,) = oracle.rateOf(filAsset, START_DAY - 1);
        (uint256 b,) = oracle.rateOf(btcAsset, START_DAY - 1);
        vm.assertEq(a, 11);
        vm.assertEq(b, 22);
    }

    function test_RevertWhen_ReportManyLengthsDiffer() public {
        uint32[] memory assets = new uint32[](2);
        uint256[] memory rates = new uint256[](1);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_LengthMismatch.selector, 2, 1));
        vm.prank(reporter);
        oracle.reportMany(assets, START_DAY - 1, rates);
    }

    function test_RevertWhen_ReportManyRepeatsAnAsset() public {
        uint32[] memory assets = new uint32[](2);
        (assets[0], assets[1]) = (filAsset, filAsset);
        uint256[] memory rates = new uint256[](2);
        (rates[0], rates[1]) = (1, 2);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_AlreadyReported.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.reportMany(assets, START_DAY - 1, rates);
    }

    function test_RevertWhen_ReportManyForToday() public {
        uint32[] memory assets = new uint32[](1);
        uint256[] memory rates = new uint256[](1);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_DayNotOver.selector, START_DAY, START_DAY));
        vm.prank(reporter);
        oracle.reportMany(assets, START_DAY, rates);
    }

    function test_RevertWhen_NonReporterReportsMany() public {
        bytes32 role = oracle.REPORTER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        oracle.reportMany(new uint32[](0), START_DAY - 1, new uint256[](0));
    }

    function test_AdminManagesReporters() public {
        MarketRateOracle o = new MarketRateOracle(governor);
        bytes32 role = o.REPORTER_ROLE();
        vm.assertTrue(o.hasRole(o.DEFAULT_ADMIN_ROLE(), governor));
        vm.prank(governor);
        o.grantRole(role, carol);
        vm.prank(carol);
        o.report(1, START_DAY - 1, 9);
        vm.prank(governor);
        o.revokeRole(role, carol);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, carol, role));
        vm.prank(carol);
        o.report(1, START_DAY - 2, 9);
    }
}
