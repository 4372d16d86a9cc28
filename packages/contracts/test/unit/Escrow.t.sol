// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice Daily-release escrow: releasedToDate, withdrawableEscrow, withdrawEscrow, freezes.
contract EscrowTest is UnitHelpers {
    uint256 internal constant DAILY = NET_PER_UNIT; // 180 units over 180 days release 36.1 USDT a day

    function _released() internal view returns (uint256 released, uint256 day) {
        return exchange.releasedToDate(offeringId);
    }

    // ------------------------------------------------------------------ schedule

    function test_GivenTermNotStarted_NothingIsReleased() public {
        _buy(alice, offeringId, 180);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, 0);
        vm.assertEq(day, START_DAY);
        _warpToDay(TERM_START);
        (released, day) = _released();
        vm.assertEq(released, 0, "the start day itself releases nothing yet");
        vm.assertEq(day, TERM_START);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 0);
    }

    function test_Release_IsEqualDailyStepsFromStartDay() public {
        _buy(alice, offeringId, 180); // 6,498 USDT net
        uint256[5] memory ks = [uint256(1), 2, 10, 90, 179];
        for (uint256 i; i < ks.length; ++i) {
            _warpToDay(TERM_START + ks[i]);
            (uint256 released, uint256 day) = _released();
            vm.assertEq(released, ks[i] * DAILY);
            vm.assertEq(day, TERM_START + ks[i]);
        }
    }

    function test_GivenTermEnded_ExactlyTotalNetIsReleased() public {
        _buy(alice, offeringId, 7); // 252.7 USDT: not divisible by 180 days
        _warpToDay(TERM_START + 10);
        _buy(bob, offeringId, 3);
        _warpToDay(TERM_END);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, 10 * NET_PER_UNIT);
        vm.assertEq(day, TERM_END);
        _warpToDay(TERM_END + 400);
        (released, day) = _released();
        vm.assertEq(released, 10 * NET_PER_UNIT);
        vm.assertEq(day, TERM_END, "release day is capped at the term end");
    }

    function test_GivenIndivisibleNet_ReleaseRoundsDownInHoldersFavour() public {
        _buy(alice, offeringId, 7);
        uint256 net = 7 * NET_PER_UNIT;
        for (uint256 k = 1; k < TERM_DAYS; ++k) {
            _warpToDay(TERM_START + k);
            (uint256 released,) = _released();
            uint256 exact = _exactReleased(net, TERM_START, TERM_END, TERM_START + k);
            vm.assertLe(released, exact, "never ahead of the schedule");
            vm.assertGe(released + 1, exact, "at most one base unit behind");
        }
    }

    function test_GivenCohortsWithDifferentStartDays_ReleaseIsSumOfEachSchedule() public {
        _buy(alice, offeringId, 180); // starts TERM_START, 180 days: 36.1 a day
        _warpToDay(TERM_START + 9);
        _buy(bob, offeringId, 100); // starts TERM_START + 10, 170 days
        _buy(carol, offeringId, 70); // same day: same cohort, 170 units in all = 36.1 a day
        _warpToDay(TERM_START + 10);
        (uint256 released,) = _released();
        vm.assertEq(released, 10 * DAILY, "the new cohort has not released yet");
        _warpToDay(TERM_START + 11);
        _buy(alice, offeringId, 169); // starts TERM_START + 12, 168 days... 169 * 36.1 / 168: inexact
        _warpToDay(TERM_START + 30);
        (released,) = _released();
        uint256 exactSum = 30 * DAILY + 20 * DAILY
            + _exactReleased(169 * NET_PER_UNIT, TERM_START + 12, TERM_END, TERM_START + 30);
        vm.assertLe(released, exactSum);
        vm.assertGe(released + 1, exactSum);
        _warpToDay(TERM_END);
        (released,) = _released();
        vm.assertEq(released, (180 + 170 + 169) * NET_PER_UNIT);
    }

    function test_GivenPurchaseOnTermStartDay_PreTermCohortIsFoldedAndBothRelease() public {
        _buy(alice, offeringId, 180); // starts TERM_START: 36.1 a day over 180 days
        _warpToDay(TERM_START);
        _buy(bob, offeringId, 179); // starts TERM_START + 1: 36.1 a day over 179 days
        (uint256 atStart,) = _released();
        vm.assertEq(atStart, 0);
        _warpToDay(TERM_START + 1);
        (uint256 dayOne,) = _released();
        vm.assertEq(dayOne, DAILY, "only the pre-term cohort released on day one");
        _warpToDay(TERM_START + 10);
        (uint256 released,) = _released();
        vm.assertEq(released, 10 * DAILY + 9 * DAILY);
        _warpToDay(TERM_END - 1);
        (released,) = _released();
        vm.assertEq(released, 179 * DAILY + 178 * DAILY);
    }

    function test_GivenSameDayPurchases_TheyShareOneCohort() public {
        _warpToDay(TERM_START + 19);
        _buy(alice, offeringId, 100);
        _buy(bob, offeringId, 60); // 160 units from TERM_START + 20 over 160 days: 36.1 a day
        _warpToDay(TERM_START + 20);
        (uint256 atStart,) = _released();
        vm.assertEq(atStart, 0);
        _warpToDay(TERM_START + 100);
        (uint256 released,) = _released();
        vm.assertEq(released, 80 * DAILY);
    }

    function test_GivenLastPossiblePurchase_ItReleasesOnTheFinalDay() public {
        vm.warp((TERM_END - 1) * DAY - 1); // day TERM_END - 2, the sale's last second
        uint256 tokenId = _buy(alice, offeringId, 2);
        vm.assertEq(exchange.startDayOf(tokenId), TERM_END - 1);
        _warpToDay(TERM_END - 1);
        (uint256 released,) = _released();
        vm.assertEq(released, 0);
        _warpToDay(TERM_END);
        (released,) = _released();
        vm.assertEq(released, 2 * NET_PER_UNIT);
    }

    function test_ReleasedToDate_UnknownOfferingIsZero() public view {
        (uint256 released, uint256 day) = exchange.releasedToDate(5);
        vm.assertEq(released, 0);
        vm.assertEq(day, 0);
    }

    // ------------------------------------------------------------------ withdrawEscrow

    function test_WithdrawEscrow_PaysReleasedAndEmits() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.EscrowWithdrawn(offeringId, miner, carol, 3 * DAILY, 3 * DAILY, TERM_START + 3);
        vm.expectEmit(address(usdt));
        emit IERC20.Transfer(address(exchange), carol, 3 * DAILY);
        vm.prank(miner);
        uint256 amount = exchange.withdrawEscrow(offeringId, carol);
        vm.assertEq(amount, 3 * DAILY);
        vm.assertEq(usdt.balanceOf(carol), 10_000_000e6 + 3 * DAILY);
        vm.assertEq(exchange.getOffering(offeringId).withdrawn, 3 * DAILY);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 0);
    }

    function test_WithdrawEscrow_LaterWithdrawalPaysOnlyTheNewDays() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
        _warpToDay(TERM_START + 8);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), 5 * DAILY);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 5 * DAILY);
        _warpToDay(TERM_END + 1);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 172 * DAILY);
        vm.assertEq(usdt.balanceOf(miner), 180 * DAILY);
        vm.assertEq(usdt.balanceOf(address(exchange)), 180 * FEE_PER_UNIT, "only the uncollected fee is left");
    }

    function test_WithdrawEscrow_IsO1InThePurchaseCount() public {
        _buy(alice, offeringId, 1);
        _warpToDay(TERM_START + 2);
        vm.prank(miner);
        uint256 g0 = gasleft();
        exchange.withdrawEscrow(offeringId, miner);
        uint256 single = g0 - gasleft();

        for (uint256 d = 3; d < 63; ++d) {
            _warpToDay(TERM_START + d);
            _buy(d % 2 == 0 ? bob : carol, offeringId, 1 + d % 5);
        }
        _warpToDay(TERM_START + 70);
        vm.prank(miner);
        g0 = gasleft();
        exchange.withdrawEscrow(offeringId, miner);
        uint256 many = g0 - gasleft();
        vm.assertLe(many, single + 5_000, "withdrawal cost must not grow with purchases");
    }

    function test_RevertWhen_WithdrawingFromUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.UnknownOffering.selector, 9));
        vm.prank(miner);
        exchange.withdrawEscrow(9, miner);
    }

    function test_RevertWhen_NonMinerWithdraws() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.NotMiner.selector, offeringId, alice));
        vm.prank(alice);
        exchange.withdrawEscrow(offeringId, alice);
    }

    function test_RevertWhen_WithdrawingToZeroAddress() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.expectRevert(IHashpowerExchange.ZeroAddress.selector);
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, address(0));
    }

    function test_RevertWhen_NothingReleasedYet() public {
        _buy(alice, offeringId, 180);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    function test_RevertWhen_WithdrawingTwiceOnTheSameDay() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    function test_RevertWhen_WithdrawingFromOfferingWithoutSales() public {
        _warpToDay(TERM_START + 3);
        vm.expectRevert(abi.encodeWithSelector(IHashpowerExchange.NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    /// @dev An offering must never take more escrow than its miner can ever withdraw: `withdrawn`
    /// is 96 bits wide, so a sale that would push totalNet past 2^96 - 1 is refused (this used to
    /// succeed and strand the escrow: withdrawEscrow reverted with SafeCastOverflowedUintDowncast).
    function test_RevertWhen_SaleWouldPushEscrowPastWithdrawableRange() public {
        OfferingTerms memory t = _terms(miner, 10_000, 1e25, TERM_START, TERM_END); // 10M IFIL a unit
        t.paymentToken = address(ifil);
        uint256 id = _createWith(t);
        vm.prank(bridge);
        ifil.mint(alice, 1e29);
        vm.prank(alice);
        ifil.approve(address(exchange), type(uint256).max);
        uint256 netPerUnit = 1e25 - 1e25 * FEE_BPS / BPS; // 9.5e24
        uint256 fits = uint256(type(uint96).max) / netPerUnit; // 8,339 units
        _buy(alice, id, fits);
        vm.expectRevert(
            abi.encodeWithSelector(
                IHashpowerExchange.EscrowCapacityExceeded.selector, id, (fits + 1) * netPerUnit, type(uint96).max
            )
        );
        vm.prank(alice);
        exchange.buy(id, 1, type(uint256).max, address(0));

        _warpToDay(TERM_END);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(id, miner), fits * netPerUnit, "the largest escrow still leaves in full");
    }

    // ------------------------------------------------------------------ freezes

    function test_GivenFlagged_ReleaseFreezesAtFlagDay() public {
        _buy(alice, offeringId, 180);
        uint256 flagDay = _flagForMissedDeposits(offeringId); // TERM_START + 7
        vm.assertEq(flagDay, TERM_START + 7);
        _warpToDay(flagDay + 20);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, 7 * DAILY);
        vm.assertEq(day, flagDay);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 7 * DAILY, "withdrawal stops at the flag day");
    }

    function test_GivenResumed_PausedDaysAreReleased() public {
        _buy(alice, offeringId, 180);
        uint256 flagDay = _flagForMissedDeposits(offeringId);
        _warpToDay(flagDay + 20);
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
        vm.prank(governor);
        exchange.resume(offeringId);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, 27 * DAILY);
        vm.assertEq(day, flagDay + 20);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 20 * DAILY);
    }

    function test_GivenHalted_ReleaseStaysFrozenEvenAfterTermEnd() public {
        _buy(alice, offeringId, 180);
        uint256 flagDay = _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        _warpToDay(TERM_END + 30);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, 7 * DAILY);
        vm.assertEq(day, flagDay);
    }

    function test_GivenOneDayThreshold_FlagOnFirstMissedDayFreezesAfterOneDay() public {
        vm.prank(governor);
        exchange.setDefaultThresholds(_thresholdsOf(1, 7, 8_000));
        _buy(bob, offeringId, 180);
        _warpToDay(TERM_START);
        (bool canFlag,,,) = exchange.flaggable(offeringId);
        vm.assertFalse(canFlag, "no completed day of the term yet");
        _warpToDay(TERM_START + 1);
        exchange.flag(offeringId);
        _warpToDay(TERM_START + 50);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, DAILY);
        vm.assertEq(day, TERM_START + 1);
    }

    function _thresholdsOf(uint16 missed, uint16 streak, uint16 ratio) internal pure returns (DefaultThresholds memory) {
        return DefaultThresholds(missed, streak, ratio, 0, 60);
    }
}
