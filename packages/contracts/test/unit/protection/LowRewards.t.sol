// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {FlagReason} from "../../../src/types/HashpowerTypes.sol";
import {ProtectionBase} from "./ProtectionBase.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";

/// @notice The ~11% miner: low days had to be consecutive and any deposit counted as coverage, so
/// 1 wei six days out of seven and exactly 80% on the seventh was never flaggable (84 days of it on
/// 7c0ae00: never) while paying 0.8 / 7 = 11.4% of what the miner owed.
contract LowRewardsProtectionTest is ProtectionBase {
    /// The same pattern now: each 1-wei deposit is under the 50% floor and reverts, covering nothing,
    /// so the days pile up as missed days and the offering is flaggable on the seventh.
    function test_Attack_ElevenPercentMiner_OneWeiDaysCoverNothingAndBecomeMissedDays() public {
        uint256 flaggedOn;
        for (uint256 k = 1; k <= 84 && flaggedOn == 0; ++k) {
            uint256 today = TERM_START + k;
            _warpToDay(today);
            _report(today - 1, MARKET_FIL_WAD);
            (bool can, FlagReason reason, uint256 missed,) = exchange.flaggable(offeringId);
            if (can) {
                vm.assertEq(uint256(reason), uint256(FlagReason.MissedDeposits));
                vm.assertEq(missed, 7);
                exchange.flag(offeringId);
                flaggedOn = today;
                break;
            }
            uint256 next = exchange.getOffering(offeringId).lastCoveredDay + 1;
            if (k % 7 == 0) {
                _depositShare(offeringId, 800); // exactly 80%
            } else {
                vm.expectRevert(
                    abi.encodeWithSelector(
                        IExchangeErrors.Exchange_DepositBelowMinimum.selector, offeringId, next, 0, 5_000
                    )
                );
                vm.prank(miner);
                exchange.depositReward(offeringId, 1);
                vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay + 1, next, "a 1-wei day stays uncovered");
            }
        }
        vm.assertEq(flaggedOn, TERM_START + 7, "flaggable on the seventh day instead of never");
        vm.assertEq(exchange.getOffering(offeringId).frozenDay, TERM_START + 7);
    }

    /// A miner paying the least a deposit may pay (50%) six days and exactly 80% on the seventh
    /// averages 54%: flaggable for low rewards as soon as the window holds seven judged days. And the
    /// rule is only stricter than "seven days running under 80%": seven days at 79.9% are low too.
    function test_Attack_ElevenPercentMiner_AtTheMinimumShareIsLowAsSoonAsTheWindowFills() public {
        uint256 snapshot = vm.snapshotState();
        for (uint256 k; k < 7; ++k) {
            _warpToDay(TERM_START + k + 1);
            _depositShare(offeringId, k == 6 ? 800 : 500);
            if (k < 6) _assertFlaggable(false, FlagReason.None, 0, 0); // the window is not full yet
        }
        _assertFlaggable(true, FlagReason.LowRewards, 0, 542); // (6 x 500 + 800) / 7
        vm.prank(carol);
        exchange.flag(offeringId);
        vm.assertTrue(exchange.getOffering(offeringId).flagReason == FlagReason.LowRewards);

        vm.revertToState(snapshot);
        for (uint256 k; k < 7; ++k) {
            _warpToDay(TERM_START + k + 1);
            _depositShare(offeringId, 799); // 79.9%
        }
        _assertFlaggable(true, FlagReason.LowRewards, 0, 799);
        exchange.flag(offeringId);

        vm.revertToState(snapshot);
        for (uint256 k; k < 8; ++k) {
            _warpToDay(TERM_START + k + 1);
            _depositShare(offeringId, k == 0 ? 500 : 850); // one low day in an otherwise good run
        }
        _assertFlaggable(false, FlagReason.None, 0, 850); // the low day left the window
    }
}
