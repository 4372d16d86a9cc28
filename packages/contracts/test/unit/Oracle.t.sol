// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IMarketRateOracle} from "../../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../../src/oracle/MarketRateOracle.sol";
import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice MarketRateOracle: reporter role, completed days only, final reports, reportMany.
contract OracleTest is UnitHelpers {
    function test_Report_StoresRateAndEmits() public {
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateReported(filAsset, START_DAY - 1, 123, reporter);
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 123);
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 123);
        vm.assertTrue(reported);
    }

    function test_Report_ZeroRateIsStillAReport() public {
        _report(START_DAY - 1, 0);
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 0);
        vm.assertTrue(reported);
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
        vm.expectRevert(abi.encodeWithSelector(IMarketRateOracle.DayNotOver.selector, START_DAY, START_DAY));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY, 1);
    }

    function test_RevertWhen_ReportingFutureDay() public {
        vm.expectRevert(abi.encodeWithSelector(IMarketRateOracle.DayNotOver.selector, START_DAY + 3, START_DAY));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY + 3, 1);
    }

    function test_RevertWhen_ReportingTwice() public {
        _report(START_DAY - 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IMarketRateOracle.AlreadyReported.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.report(filAsset, START_DAY - 1, 2);
        (uint256 avg,) = oracle.rateOf(filAsset, START_DAY - 1);
        vm.assertEq(avg, 1, "reports are final");
    }

    function test_RevertWhen_NonReporterReports() public {
        bytes32 role = oracle.REPORTER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, governor, role));
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
        (uint256 a,) = oracle.rateOf(filAsset, START_DAY - 1);
        (uint256 b,) = oracle.rateOf(btcAsset, START_DAY - 1);
        vm.assertEq(a, 11);
        vm.assertEq(b, 22);
    }

    function test_RevertWhen_ReportManyLengthsDiffer() public {
        uint32[] memory assets = new uint32[](2);
        uint256[] memory rates = new uint256[](1);
        vm.expectRevert(IMarketRateOracle.LengthMismatch.selector);
        vm.prank(reporter);
        oracle.reportMany(assets, START_DAY - 1, rates);
    }

    function test_RevertWhen_ReportManyRepeatsAnAsset() public {
        uint32[] memory assets = new uint32[](2);
        (assets[0], assets[1]) = (filAsset, filAsset);
        uint256[] memory rates = new uint256[](2);
        vm.expectRevert(abi.encodeWithSelector(IMarketRateOracle.AlreadyReported.selector, filAsset, START_DAY - 1));
        vm.prank(reporter);
        oracle.reportMany(assets, START_DAY - 1, rates);
    }

    function test_RevertWhen_ReportManyForToday() public {
        uint32[] memory assets = new uint32[](1);
        uint256[] memory rates = new uint256[](1);
        vm.expectRevert(abi.encodeWithSelector(IMarketRateOracle.DayNotOver.selector, START_DAY, START_DAY));
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
