// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IMarketRateOracle} from "../../../src/interfaces/IMarketRateOracle.sol";
import {FlagReason} from "../../../src/types/HashpowerTypes.sol";
import {ProtectionBase} from "./ProtectionBase.sol";
import {IOracleErrors} from "../../../src/errors/OracleErrors.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";

/// @notice The oracle: a day it reported late was not judged at all (a free pass for any deposit), a
/// report was used the moment it was made and could never be corrected, and 0 passed every deposit.
contract OracleProtectionTest is ProtectionBase {
    uint256 internal constant SIXTY = 0.24e18; // 60% of the market for 200 units

    function _expectNotReported(uint256 day) internal {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_MarketRateNotReported.selector, filAsset, day));
    }

    /// A day the oracle never reports blocks its deposit while the oracle is at most a day late; once
    /// it is over a day late the day is judged against its latest final report: dust still reverts,
    /// and a low deposit still counts low (here until the offering is flaggable for low rewards).
    function test_Attack_OracleLate_UnreportedDayIsJudgedAgainstTheLatestFinalReport() public {
        _warpToDay(TERM_START + 1);
        _report(TERM_START, MARKET_FIL_WAD);
        _deposit(offeringId, FULL);
        // the oracle never reports TERM_START + 1 (nor any later day)
        _at(TERM_START + 2, 0);
        _expectNotReported(TERM_START + 1);
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);
        _at(TERM_START + 3, 0); // the oracle is now over a day late
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_DepositBelowMinimum.selector, offeringId, TERM_START + 1, 0, 5_000
            )
        );
        vm.prank(miner);
        exchange.depositReward(offeringId, 1);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId,
            miner,
            TERM_START + 1,
            SIXTY,
            UNITS,
            (FULL + SIXTY) * PRECISION / UNITS,
            SIXTY * WAD / UNITS,
            MARKET_FIL_WAD, // the latest final report, TERM_START's
            false,
            600,
            _window(_shares(600, 1_000))
        );
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);

        _warpToDay(TERM_START + 8);
        for (uint256 k; k < 5; ++k) {
            vm.prank(miner);
            exchange.depositReward(offeringId, SIXTY);
        }
        _assertFlaggable(true, FlagReason.LowRewards, 1, 657); // (1000 + 6 x 600) / 7
    }

    /// A report inside its one-hour correction window is not used: rateOf says unreported and a
    /// deposit reverts; the corrected figure is what the day is judged against once final. The same
    /// holds for the latest report a late day falls back to.
    function test_Attack_OracleCorrection_ReportInsideItsWindowIsNotUsedAndTheCorrectionIsJudged() public {
        _at(TERM_START + 1, 2 hours);
        _oracleReportsNow(TERM_START, MARKET_FIL_WAD / 10); // a wrong figure: any 10%+ deposit would pass as full
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, TERM_START);
        vm.assertEq(avg, 0);
        vm.assertFalse(reported);
        _at(TERM_START + 1, 2 hours + 30 minutes);
        _expectNotReported(TERM_START);
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateCorrected(filAsset, TERM_START, MARKET_FIL_WAD / 10, MARKET_FIL_WAD, reporter);
        vm.prank(reporter);
        oracle.correct(filAsset, TERM_START, MARKET_FIL_WAD);
        _at(TERM_START + 1, 3 hours - 1);
        _expectNotReported(TERM_START);
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);
        _at(TERM_START + 1, 3 hours);
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);
        vm.assertEq(exchange.getOffering(offeringId).recentShares, _window(_shares(600)), "judged on the correction");

        // TERM_START + 1 is never reported; on TERM_START + 3 the oracle reports TERM_START + 2: the late
        // day falls back to the latest report, which is still correctable for an hour
        _at(TERM_START + 3, 2 hours);
        _oracleReportsNow(TERM_START + 2, MARKET_FIL_WAD / 10);
        _expectNotReported(TERM_START + 1);
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);
        vm.prank(reporter);
        oracle.correct(filAsset, TERM_START + 2, MARKET_FIL_WAD);
        _at(TERM_START + 3, 3 hours);
        vm.prank(miner);
        exchange.depositReward(offeringId, SIXTY);
        vm.assertEq(exchange.getOffering(offeringId).recentShares, _window(_shares(600, 600)));
    }

    /// A report of 0 (which would pass every deposit) reverts; a correction emits and is possible only
    /// within the hour; a correction to 0 reverts too.
    function test_Attack_OracleZeroReport_RevertsAndCorrectionsCloseAfterAnHour() public {
        _warpToDay(TERM_START + 1);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_ZeroRate.selector, filAsset, TERM_START));
        vm.prank(reporter);
        oracle.report(filAsset, TERM_START, 0);
        uint32[] memory assets = new uint32[](2);
        (assets[0], assets[1]) = (btcAsset, filAsset);
        uint256[] memory rates = new uint256[](2);
        rates[0] = MARKET_BTC_WAD;
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_ZeroRate.selector, filAsset, TERM_START));
        vm.prank(reporter);
        oracle.reportMany(assets, TERM_START, rates);

        _oracleReportsNow(TERM_START, MARKET_FIL_WAD);
        uint256 finalAt = block.timestamp + 1 hours;
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_ZeroRate.selector, filAsset, TERM_START));
        vm.prank(reporter);
        oracle.correct(filAsset, TERM_START, 0);
        vm.warp(finalAt - 1);
        vm.expectEmit(address(oracle));
        emit IMarketRateOracle.MarketRateCorrected(filAsset, TERM_START, MARKET_FIL_WAD, MARKET_FIL_WAD / 2, reporter);
        vm.prank(reporter);
        oracle.correct(filAsset, TERM_START, MARKET_FIL_WAD / 2);
        vm.warp(finalAt);
        vm.expectRevert(
            abi.encodeWithSelector(IOracleErrors.Oracle_ReportFinal.selector, filAsset, TERM_START, finalAt)
        );
        vm.prank(reporter);
        oracle.correct(filAsset, TERM_START, MARKET_FIL_WAD);
        (uint256 avg, bool reported) = oracle.rateOf(filAsset, TERM_START);
        vm.assertEq(avg, MARKET_FIL_WAD / 2);
        vm.assertTrue(reported);
        vm.expectRevert(abi.encodeWithSelector(IOracleErrors.Oracle_AlreadyReported.selector, filAsset, TERM_START));
        vm.prank(reporter);
        oracle.report(filAsset, TERM_START, MARKET_FIL_WAD); // nor can a second report replace it
    }

    /// The first second of day + 1: the day is over (no NothingToCover any more) but its report cannot
    /// be final before an hour has passed; and the first second the oracle is over a day late.
    function test_Attack_BoundarySeconds_DepositAtTheFirstSecondOfTheNextDay() public {
        vm.warp((TERM_START + 1) * DAY - 1); // the last second of TERM_START
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToCover.selector, offeringId, TERM_START, TERM_START)
        );
        vm.prank(miner);
        exchange.depositReward(offeringId, FULL);
        vm.warp((TERM_START + 1) * DAY); // its first second after: the oracle reports at once
        _oracleReportsNow(TERM_START, MARKET_FIL_WAD);
        _expectNotReported(TERM_START);
        vm.prank(miner);
        exchange.depositReward(offeringId, FULL);
        vm.warp((TERM_START + 1) * DAY + 1 hours - 1);
        _expectNotReported(TERM_START);
        vm.prank(miner);
        exchange.depositReward(offeringId, FULL);
        vm.warp((TERM_START + 1) * DAY + 1 hours);
        vm.prank(miner);
        vm.assertEq(exchange.depositReward(offeringId, FULL), TERM_START);

        // TERM_START + 1 is never reported: blocked to the last second of TERM_START + 2, judged after
        vm.warp((TERM_START + 3) * DAY - 1);
        _expectNotReported(TERM_START + 1);
        vm.prank(miner);
        exchange.depositReward(offeringId, FULL);
        vm.warp((TERM_START + 3) * DAY);
        vm.prank(miner);
        vm.assertEq(exchange.depositReward(offeringId, FULL), TERM_START + 1);
    }
}
