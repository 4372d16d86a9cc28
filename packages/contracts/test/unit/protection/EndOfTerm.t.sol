// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, FlagReason, Offering, OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {Vm} from "../../utils/Vm.sol";
import {ProtectionBase} from "./ProtectionBase.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";

/// @notice The last days of a term: flagging stopped at the term end while the whole remaining escrow
/// was released that day, so a miner could stop paying a week before the end, withdraw 100% and never
/// be flagged. Now the last `holdbackDays` (7) release only as they are covered, flags stay possible
/// for `postTermFlagDays` (10) after the term, and missed days keep counting past its end.
contract EndOfTermProtectionTest is ProtectionBase {
    function _withdraw() internal returns (uint256) {
        vm.prank(miner);
        return exchange.withdrawEscrow(offeringId, miner);
    }

    function test_Attack_LastWeek_MinerStoppingSevenDaysBeforeTheEndIsHeldBackFlaggedAndRefunded() public {
        _warpToDay(ZONE);
        _coverThrough(offeringId, ZONE - 1, FULL); // every day before the last week, then nothing
        vm.assertEq(_withdraw(), _releasedAt(ZONE));
        _warpToDay(TERM_END - 1);
        _assertFlaggable(false, FlagReason.None, 6, 1_000);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 0, "the last week waits for its deposits");
        _warpToDay(TERM_END);
        (uint256 released, uint256 day) = exchange.releasedToDate(offeringId);
        vm.assertEq(day, ZONE);
        vm.assertEq(released, _releasedAt(ZONE), "173 of 180 days, not 100%");
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, offeringId));
        _withdraw();
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 1_000); // on the term end itself

        _warpToDay(TERM_END + 3);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingFlagged(
            offeringId, carol, TERM_END + 3, FlagReason.MissedDeposits, ZONE - 1, 1_000, ZONE
        );
        vm.prank(carol);
        exchange.flag(offeringId);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingHalted(offeringId, guardian, ZONE, released, TOTAL_NET - released);
        vm.prank(guardian);
        exchange.halt(offeringId);

        uint256 refundA = _expectedRefund(180 * NET_PER_UNIT, TERM_START, TERM_END, ZONE);
        uint256 refundB = _expectedRefund(20 * NET_PER_UNIT, TERM_START, TERM_END, ZONE);
        vm.assertEq(refundA, 7 * NET_PER_UNIT, "alice gets the seven unpaid days back");
        vm.assertEq(_claimRefund(alice, tokenA), refundA);
        vm.assertEq(_claimRefund(bob, tokenB), refundB);
        vm.assertLe(TOTAL_NET - released - refundA - refundB, 2, "dust under a unit per position");
        _warpToDay(TERM_END + 60);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 0, "the miner never gets the held-back days");
    }

    /// Missing only the last day: that day is held back on the term end; the honest miner who deposits
    /// it on the term end withdraws everything that day; one who never does is flaggable on
    /// termEnd + 6 (its seventh completed day of waiting), not before.
    function test_Attack_LastWeek_MissingOnlyTheLastDayIsHeldBackAndFlaggableOnTermEndPlusSix() public {
        _warpToDay(TERM_END);
        _coverThrough(offeringId, TERM_END - 2, FULL);
        vm.assertEq(_withdraw(), _releasedAt(TERM_END - 1), "everything but the last day");

        uint256 snapshot = vm.snapshotState();
        _deposit(offeringId, FULL); // the honest path: the last day deposited on the term end
        vm.assertEq(_withdraw(), TOTAL_NET - _releasedAt(TERM_END - 1));
        vm.assertEq(exchange.getOffering(offeringId).withdrawn, TOTAL_NET, "everything on the term end");
        _warpToDay(TERM_END + 6);
        _assertNotFlaggable();
        vm.revertToState(snapshot);

        _warpToDay(TERM_END + 5);
        _assertFlaggable(false, FlagReason.None, 6, 1_000);
        _expectNotMet(6, 1_000);
        exchange.flag(offeringId);
        _warpToDay(TERM_END + 6);
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 1_000);
        exchange.flag(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).frozenDay, TERM_END - 1);
        vm.assertEq(exchange.getOffering(offeringId).flaggedOnDay, TERM_END + 6);
        _halt(offeringId);
        vm.assertEq(_claimRefund(alice, tokenA), NET_PER_UNIT, "alice's 180 units: one day back");
    }

    function test_Attack_LastWeek_NobodyCanFlagOnceThePostTermWindowCloses() public {
        _warpToDay(ZONE);
        _coverThrough(offeringId, ZONE - 1, FULL);
        _warpToDay(TERM_END + 9);
        _assertFlaggable(true, FlagReason.MissedDeposits, 16, 1_000);
        _warpToDay(TERM_END + 10);
        _assertFlaggable(false, FlagReason.None, 17, 1_000);
        _expectNotMet(17, 1_000);
        vm.prank(carol);
        exchange.flag(offeringId);
        (, uint256 day) = exchange.releasedToDate(offeringId);
        vm.assertEq(day, ZONE, "unflagged, the held-back days still wait for their deposits");
        _deposit(offeringId, FULL); // a late deposit still releases its day
        (, day) = exchange.releasedToDate(offeringId);
        vm.assertEq(day, ZONE + 1);
    }

    function test_Attack_BoundarySeconds_FlagAtTheFirstAndLastSecondOfThePostTermWindow() public {
        _warpToDay(ZONE);
        _coverThrough(offeringId, ZONE - 1, FULL); // stops seven days before the end
        vm.warp(TERM_END * DAY - 1); // the term's last second: six completed days missed
        _assertFlaggable(false, FlagReason.None, 6, 1_000);
        vm.warp(TERM_END * DAY); // the post-term window's first second
        _assertFlaggable(true, FlagReason.MissedDeposits, 7, 1_000);
        uint256 snapshot = vm.snapshotState();
        exchange.flag(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).flaggedOnDay, TERM_END);
        vm.revertToState(snapshot);
        vm.warp((TERM_END + 10) * DAY - 1); // its last second
        _assertFlaggable(true, FlagReason.MissedDeposits, 16, 1_000);
        snapshot = vm.snapshotState();
        exchange.flag(offeringId);
        vm.assertEq(exchange.getOffering(offeringId).flaggedOnDay, TERM_END + 9);
        vm.assertEq(exchange.getOffering(offeringId).frozenDay, ZONE);
        vm.revertToState(snapshot);
        vm.warp((TERM_END + 10) * DAY); // closed
        _expectNotMet(17, 1_000);
        exchange.flag(offeringId);
    }

    /// Governance raising the missed-days threshold (the holdback's source) after the miner withdrew
    /// inside the holdback zone must not pull release back below what was withdrawn: the holdback is
    /// the offering's snapshot, and lowering the threshold does not release the held-back days early.
    function test_Attack_ThresholdChangedWhileLive_ReleaseNeverFallsBelowWithdrawn() public {
        _warpToDay(TERM_END - 3);
        _coverThrough(offeringId, TERM_END - 5, FULL);
        uint256 withdrawn = _withdraw();
        vm.assertEq(withdrawn, _releasedAt(TERM_END - 4), "released through the day after the last covered one");

        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(30, 7, 8_000, 5_000, 30));
        Offering memory o = exchange.getOffering(offeringId);
        vm.assertEq(o.holdbackDays, HOLDBACK, "the snapshot stays");
        (uint256 released, uint256 day) = exchange.releasedToDate(offeringId);
        vm.assertEq(day, TERM_END - 4);
        vm.assertGe(released, o.withdrawn, "released >= withdrawn");
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 0, "no underflow");
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, offeringId));
        _withdraw();

        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(1, 7, 8_000, 5_000, 10));
        vm.assertEq(exchange.getOffering(offeringId).holdbackDays, HOLDBACK);
        (, day) = exchange.releasedToDate(offeringId);
        vm.assertEq(day, TERM_END - 4, "a lower threshold releases no held-back day either");
        _deposit(offeringId, FULL);
        vm.assertEq(_withdraw(), _releasedAt(TERM_END - 3) - withdrawn);

        // a flag now (missed days >= 1) freezes at the held-back day, never below what was withdrawn
        _warpToDay(TERM_END);
        exchange.flag(offeringId);
        (released, day) = exchange.releasedToDate(offeringId);
        vm.assertEq(day, TERM_END - 3);
        vm.assertEq(released, exchange.getOffering(offeringId).withdrawn);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 0);
    }

    /// OfferingHalted's unreleasedEscrow is what release left in escrow: it covers every refund, and
    /// overstates their sum by under one base unit per position (each refund rounds in the miner's
    /// favour). Here with a flag after the term freezing release at a held-back day before the flag.
    function test_Attack_HaltedEscrow_UnreleasedEscrowCoversEveryRefundToUnderAUnitEach() public {
        address[7] memory who = [alice, bob, carol, alice, bob, carol, alice];
        uint256[7] memory units = [uint256(7), 13, 1, 29, 3, 101, 17];
        uint256 id = _createOffering(miner, 1_000, 7_777_777, TERM_START, TERM_START + 60);
        uint256[7] memory tokens;
        for (uint256 i; i < 7; ++i) {
            tokens[i] = _buy(who[i], id, units[i]);
        }
        _warpToDay(TERM_START + 60);
        _coverThrough(id, TERM_START + 55, 1e18); // stops four days before the end
        _warpToDay(TERM_START + 63); // seven completed days since the first uncovered one
        exchange.flag(id);
        vm.assertEq(exchange.getOffering(id).frozenDay, TERM_START + 56);

        vm.recordLogs();
        _halt(id);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 unreleased;
        bytes32 topic = IHashpowerExchange.OfferingHalted.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(exchange) && logs[i].topics[0] == topic) {
                (,, unreleased) = abi.decode(logs[i].data, (uint256, uint256, uint256));
            }
        }
        uint256 totalNet = exchange.getOffering(id).totalNet;
        vm.assertEq(unreleased, totalNet - totalNet * 56 / 60, "the event's figure");
        uint256 refunds;
        for (uint256 i; i < 7; ++i) {
            vm.prank(who[i]);
            refunds += exchange.claimRefunds(_ids(tokens[i]));
        }
        vm.assertGe(unreleased, refunds, "unreleasedEscrow >= sum of refunds");
        vm.assertLt(unreleased - refunds, 7, "under one base unit per position");
        vm.assertEq(exchange.getOffering(id).status == OfferingStatus.Halted, true);
        vm.assertEq(
            usdt.balanceOf(address(exchange)) - exchange.getOffering(id).feesAccrued
                - exchange.getOffering(offeringId).feesAccrued - TOTAL_NET,
            totalNet - refunds,
            "refunds paid, release kept"
        );
    }
}
