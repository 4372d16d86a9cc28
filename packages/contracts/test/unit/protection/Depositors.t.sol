// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {FlagReason, Offering} from "../../../src/types/HashpowerTypes.sol";
import {ProtectionBase} from "./ProtectionBase.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";

/// @notice Griefing by dust: an outsider used to cover an honest miner's days with 1 wei each, get
/// them judged low, make the miner's real deposit revert (NothingToCover) and, after seven such days,
/// have the offering flagged (and the council fast-track the halt). Only the miner or a depositor it
/// approved may deposit now.
contract DepositorsProtectionTest is ProtectionBase {
    function _expectOutsiderRejected(address who) internal {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMinerOrDepositor.selector, offeringId, who));
    }

    /// A miner depositing every day, 5 minutes after the oracle's report is final; the outsider tries
    /// 1 wei in the very second the report becomes final, seven days running.
    function test_Attack_DustGriefing_DailyMiner_OutsiderCannotCoverItsDays() public {
        for (uint256 k; k < 7; ++k) {
            uint256 day = TERM_START + k;
            _at(day + 1, 2 hours);
            _oracleReportsNow(day, MARKET_FIL_WAD); // final at 03:00
            _at(day + 1, 3 hours);
            _expectOutsiderRejected(mallory);
            vm.prank(mallory);
            exchange.depositReward(offeringId, 1);
            _at(day + 1, 3 hours + 5 minutes);
            vm.prank(miner);
            vm.assertEq(exchange.depositReward(offeringId, FULL), day, "the miner's deposit covers its own day");
            _assertNotFlaggable();
        }
        Offering memory o = exchange.getOffering(offeringId);
        vm.assertEq(o.lastCoveredDay, TERM_START + 6);
        vm.assertEq(o.recentShares, _window(_sharesOf(1_000, 7)), "seven full days judged");
        _assertFlaggable(false, FlagReason.None, 0, 1_000);
        _expectNotMet(0, 1_000);
        exchange.flag(offeringId);
        vm.assertEq(ifil.balanceOf(mallory), 1e18, "the outsider moved nothing");
        vm.assertEq(ifil.balanceOf(address(exchange)), 7 * FULL);
        vm.assertEq(exchange.claimableRewards(tokenA), 7 * FULL * 180 / UNITS, "holders got the miner's rewards");
    }

    /// A miner that pays once a week: on the eighth day, as soon as the last day's report is final,
    /// it deposits the seven days of the week in a batch. Through the week its oldest day waits at
    /// most six completed days; the outsider tries to cover that backlog with dust every day.
    /// @dev The eighth day itself is the seventh completed day of waiting, so from its 00:00 the
    /// offering is flaggable until the batch lands (here at 03:00, when the report is final): a
    /// weekly miner must land the batch first thing on that day, or pay every sixth day.
    function test_Attack_DustGriefing_WeeklyMiner_OutsiderCannotCoverItsBacklog() public {
        for (uint256 week; week < 3; ++week) {
            uint256 first = TERM_START + 7 * week;
            for (uint256 k; k < 7; ++k) {
                uint256 day = first + k;
                _at(day + 1, 2 hours);
                _oracleReportsNow(day, MARKET_FIL_WAD);
                if (k == 6) break; // the eighth day: the batch
                _at(day + 1, 3 hours);
                _expectOutsiderRejected(mallory); // dust for the oldest uncovered day
                vm.prank(mallory);
                exchange.depositReward(offeringId, 1);
                (bool can,, uint256 missed,) = exchange.flaggable(offeringId);
                vm.assertFalse(can, "six missed days are allowed");
                vm.assertEq(missed, k + 1);
            }
            _at(first + 7, 3 hours);
            for (uint256 k; k < 7; ++k) {
                vm.prank(miner);
                vm.assertEq(exchange.depositReward(offeringId, FULL), first + k, "the batch covers the week in order");
            }
            _assertFlaggable(false, FlagReason.None, 0, 1_000);
        }
        vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay, TERM_START + 20);
        vm.assertEq(ifil.balanceOf(mallory), 1e18);
        vm.assertEq(exchange.claimableRewards(tokenB), 21 * FULL * 20 / UNITS);
    }

    /// A depositor the miner approved (its pool's payout address) may deposit; once revoked it cannot;
    /// nobody but the miner — not an outsider, not governance — may approve one.
    function test_Attack_Depositors_OnlyTheMinerChoosesWhoMayDeposit() public {
        address pool = makeAddr("pool");
        vm.prank(bridge);
        ifil.mint(pool, 10e18);
        vm.prank(pool);
        ifil.approve(address(exchange), type(uint256).max);
        _warpToDay(TERM_START + 3);
        _report(TERM_START, MARKET_FIL_WAD);
        _report(TERM_START + 1, MARKET_FIL_WAD);
        _report(TERM_START + 2, MARKET_FIL_WAD);

        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMiner.selector, offeringId, mallory));
        vm.prank(mallory);
        exchange.setDepositor(offeringId, mallory, true);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMiner.selector, offeringId, governor));
        vm.prank(governor);
        exchange.setDepositor(offeringId, pool, true);
        vm.assertFalse(exchange.isDepositor(offeringId, mallory));
        _expectOutsiderRejected(pool);
        vm.prank(pool);
        exchange.depositReward(offeringId, FULL);

        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.DepositorSet(offeringId, pool, true);
        vm.prank(miner);
        exchange.setDepositor(offeringId, pool, true);
        vm.expectEmit(true, true, true, false, address(exchange));
        emit IHashpowerExchange.RewardDeposited(offeringId, pool, TERM_START, 0, 0, 0, 0, 0, false, 0, 0);
        vm.prank(pool);
        exchange.depositReward(offeringId, FULL);
        _expectOutsiderRejected(mallory); // approving one depositor opens nothing to others
        vm.prank(mallory);
        exchange.depositReward(offeringId, 1);

        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.DepositorSet(offeringId, pool, false);
        vm.prank(miner);
        exchange.setDepositor(offeringId, pool, false);
        _expectOutsiderRejected(pool);
        vm.prank(pool);
        exchange.depositReward(offeringId, FULL);
        vm.prank(miner);
        vm.assertEq(exchange.depositReward(offeringId, FULL), TERM_START + 1, "the miner itself always may");
        vm.assertEq(ifil.balanceOf(pool), 10e18 - FULL);
        vm.assertEq(ifil.balanceOf(mallory), 1e18);
    }
}
