// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Daily-release escrow: releasedToDate, withdrawableEscrow, withdrawEscrow, the end-of-term
/// holdback, freezes. Every unit is bought before the term, so an offering releases on one schedule.
contract EscrowTest is UnitHelpers {
    uint256 internal constant DAILY = NET_PER_UNIT; // 180 units over 180 days release 36.1 USDT a day
    uint256 internal constant HOLDBACK = 7; // the fixture offering's snapshot of the missed-days threshold
    uint256 internal constant ZONE = TERM_END - HOLDBACK; // first day release may be held back

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
        uint256[5] memory ks = [uint256(1), 2, 10, 90, TERM_DAYS - HOLDBACK]; // up to the holdback zone
        for (uint256 i; i < ks.length; ++i) {
            _warpToDay(TERM_START + ks[i]);
            (uint256 released, uint256 day) = _released();
            vm.assertEq(released, ks[i] * DAILY);
            vm.assertEq(day, TERM_START + ks[i]);
        }
    }

    function test_GivenTermEnded_ExactlyTotalNetIsReleased() public {
        _buy(alice, offeringId, 7); // 252.7 USDT: not divisible by 180 days
        _warpToDay(TERM_START - 1);
        _buy(bob, offeringId, 3);
        _warpToDay(TERM_END);
        _coverThrough(offeringId, TERM_END - 1, 1e18); // the last day deposited on the term end
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
            if (TERM_START + k > ZONE) _coverThrough(offeringId, TERM_START + k - 1, 1e18); // a paying miner
            (uint256 released,) = _released();
            uint256 exact = _exactReleased(net, TERM_START, TERM_END, TERM_START + k);
            vm.assertLe(released, exact, "never ahead of the schedule");
            vm.assertGe(released + 1, exact, "at most one base unit behind");
        }
    }

    function test_GivenSeveralPurchases_OneScheduleReleasesTheirSum() public {
        _buy(alice, offeringId, 180);
        _warpToDay(START_DAY + 1);
        _buy(bob, offeringId, 100);
        _buy(carol, offeringId, 70);
        vm.warp(TERM_START * DAY - 1); // the sale's last second
        _buy(alice, offeringId, 169);
        uint256 totalNet = 519 * NET_PER_UNIT;
        _warpToDay(TERM_START + 30);
        (uint256 released,) = _released();
        vm.assertEq(released, totalNet * 30 / TERM_DAYS, "one schedule over the offering's total");
        uint256 perPosition = 30 * DAILY + _exactReleased(100 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 30)
            + _exactReleased(70 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 30)
            + _exactReleased(169 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 30);
        vm.assertGe(released, perPosition, "never behind the positions' own schedules");
        vm.assertLe(released, perPosition + 3, "ahead of them by under a unit per position");
        for (uint256 tokenId = 1; tokenId <= 4; ++tokenId) {
            vm.assertEq(_startDayOf(tokenId), TERM_START);
        }
    }

    function test_GivenLastSecondPurchase_ItReleasesLikeTheFirst() public {
        _buy(alice, offeringId, 180);
        vm.warp(TERM_START * DAY - 1);
        _buy(bob, offeringId, 180);
        _warpToDay(TERM_START);
        (uint256 atStart,) = _released();
        vm.assertEq(atStart, 0);
        _warpToDay(TERM_START + 1);
        (uint256 dayOne,) = _released();
        vm.assertEq(dayOne, 2 * DAILY, "both positions released their first day");
        _warpToDay(TERM_START + 10);
        (uint256 released,) = _released();
        vm.assertEq(released, 20 * DAILY);
        _warpToDay(ZONE);
        (released,) = _released();
        vm.assertEq(released, 2 * (TERM_DAYS - HOLDBACK) * DAILY);
    }

    function test_GivenPurchasesOnDifferentPreTermDays_TheyShareOneSchedule() public {
        _buy(alice, offeringId, 100);
        _warpToDay(START_DAY + 1);
        _buy(bob, offeringId, 80); // 180 units from TERM_START over 180 days: 36.1 a day
        _warpToDay(TERM_START + 100);
        (uint256 released,) = _released();
        vm.assertEq(released, 100 * DAILY);
    }

    // ------------------------------------------------------------------ end-of-term holdback

    function test_GivenLastWeekUncovered_ReleaseStopsWhereTheHoldbackZoneStarts() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_END - 1);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, (TERM_DAYS - HOLDBACK) * DAILY);
        vm.assertEq(day, ZONE);
        _warpToDay(TERM_END + 30);
        (released, day) = _released();
        vm.assertEq(released, (TERM_DAYS - HOLDBACK) * DAILY, "still held back after the term");
        vm.assertEq(day, ZONE);
    }

    function test_GivenCoverageInsideTheZone_ReleaseReachesTheDayAfterTheLastCoveredDay() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_END - 1);
        _coverThrough(offeringId, ZONE + 2, 1e18); // three of the seven held-back days covered
        (uint256 released, uint256 day) = _released();
        vm.assertEq(day, ZONE + 3);
        vm.assertEq(released, (TERM_DAYS - HOLDBACK + 3) * DAILY);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), (TERM_DAYS - HOLDBACK + 3) * DAILY);
        _coverThrough(offeringId, TERM_END - 2, 1e18); // every day that is over
        (released, day) = _released();
        vm.assertEq(day, TERM_END - 1, "today: release is never ahead of time either");
        vm.assertEq(released, (TERM_DAYS - 1) * DAILY);
    }

    function test_GivenEveryDayCovered_EverythingIsWithdrawnOnTheTermEnd() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_END);
        _coverThrough(offeringId, TERM_END - 2, 1e18);
        vm.assertEq(
            exchange.withdrawableEscrow(offeringId), (TERM_DAYS - 1) * DAILY, "the last day waits for its deposit"
        );
        _deposit(offeringId, 1e18); // the last term day, deposited on the term end
        (uint256 released, uint256 day) = _released();
        vm.assertEq(released, TERM_DAYS * DAILY);
        vm.assertEq(day, TERM_END);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), TERM_DAYS * DAILY);
    }

    function test_GivenCoverageBeforeTheZone_ItDoesNotMatterOutsideIt() public {
        _buy(alice, offeringId, 180);
        _warpToDay(ZONE);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(day, ZONE, "nothing was ever covered, yet the days before the zone are released");
        vm.assertEq(released, (TERM_DAYS - HOLDBACK) * DAILY);
    }

    function test_GivenFlagInsideTheZone_ReleaseFreezesAtTheHeldBackDay() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_END - 3);
        _coverThrough(offeringId, ZONE, 1e18); // the miner stops paying after the zone's first day
        _warpToDay(ZONE + 8); // TERM_END + 1: eight days missed
        exchange.flag(offeringId);
        (uint256 released, uint256 day) = _released();
        vm.assertEq(exchange.getOffering(offeringId).frozenDay, ZONE + 1);
        vm.assertEq(exchange.getOffering(offeringId).flaggedOnDay, ZONE + 8);
        vm.assertEq(day, ZONE + 1);
        vm.assertEq(released, (TERM_DAYS - HOLDBACK + 1) * DAILY);
    }

    function test_GivenOneDayTerm_ItsOnlyDayIsHeldBack() public {
        uint256 id = _createOffering(miner, 10, PRICE, TERM_START, TERM_START + 1);
        _buy(alice, id, 10);
        _warpToDay(TERM_START + 5);
        (uint256 released, uint256 day) = exchange.releasedToDate(id);
        vm.assertEq(released, 0);
        vm.assertEq(day, TERM_START);
        _deposit(id, 1e18);
        (released, day) = exchange.releasedToDate(id);
        vm.assertEq(released, 10 * NET_PER_UNIT);
        vm.assertEq(day, TERM_START + 1);
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
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 165 * DAILY, "the uncovered last week is held back");
        _coverThrough(offeringId, TERM_END - 1, 1e18);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 7 * DAILY);
        vm.assertEq(usdt.balanceOf(miner), 180 * DAILY);
        vm.assertEq(usdt.balanceOf(address(exchange)), 180 * FEE_PER_UNIT, "only the uncollected fee is left");
    }

    function test_WithdrawEscrow_IsO1InThePurchaseCount() public {
        uint256 few = _createOffering(miner, 1_000, PRICE, TERM_START, TERM_END);
        _buy(alice, few, 1);
        for (uint256 i; i < 60; ++i) {
            _buy(i % 2 == 0 ? bob : carol, offeringId, 1 + i % 5);
        }
        _warpToDay(TERM_START + 2);
        vm.prank(miner);
        uint256 g0 = gasleft();
        exchange.withdrawEscrow(few, miner);
        uint256 single = g0 - gasleft();
        vm.prank(miner);
        g0 = gasleft();
        exchange.withdrawEscrow(offeringId, miner);
        uint256 many = g0 - gasleft();
        vm.assertLe(many, single + 5_000, "withdrawal cost must not grow with purchases");
    }

    function test_RevertWhen_WithdrawingFromUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 9));
        vm.prank(miner);
        exchange.withdrawEscrow(9, miner);
    }

    function test_RevertWhen_NonMinerWithdraws() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMiner.selector, offeringId, alice));
        vm.prank(alice);
        exchange.withdrawEscrow(offeringId, alice);
    }

    function test_RevertWhen_WithdrawingToZeroAddress() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, address(0));
    }

    function test_RevertWhen_NothingReleasedYet() public {
        _buy(alice, offeringId, 180);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    function test_RevertWhen_WithdrawingTwiceOnTheSameDay() public {
        _buy(alice, offeringId, 180);
        _warpToDay(TERM_START + 3);
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    function test_RevertWhen_WithdrawingFromOfferingWithoutSales() public {
        _warpToDay(TERM_START + 3);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    /// @dev An offering must never take more escrow than its miner can ever withdraw: `withdrawn`
    /// is 96 bits wide, so a sale that would push totalNet past 2^96 - 1 is refused (this used to
    /// succeed and strand the escrow: withdrawEscrow reverted with SafeCastOverflowedUintDowncast).
    function test_RevertWhen_SaleWouldPushEscrowPastWithdrawableRange() public {
        _listPaymentToken(address(ifil));
        // 10M IFIL a unit, a one-day term (so its one held-back day is quick to cover)
        OfferingTerms memory t = _terms(miner, 10_000, 1e25, TERM_START, TERM_START + 1);
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
                IExchangeErrors.Exchange_EscrowCapacityExceeded.selector, id, (fits + 1) * netPerUnit, type(uint96).max
            )
        );
        vm.prank(alice);
        exchange.buy(id, 1, type(uint256).max, address(0));

        _warpToDay(TERM_START + 1);
        _deposit(id, 100e18);
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

    function _thresholdsOf(uint16 missed, uint16 streak, uint16 ratio)
        internal
        pure
        returns (DefaultThresholds memory)
    {
        return DefaultThresholds(missed, streak, ratio, 0, 60);
    }
}
