// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {Offering} from "../../src/types/HashpowerTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice The offering's single release schedule (every unit is bought before the term) against a
/// per-position computation done here independently, with the end-of-term holdback and halts.
contract EscrowFuzzTest is ExchangeFixture {
    uint256 internal constant TERM_START = START_DAY + 2;
    uint256 internal constant TERM_END = TERM_START + TERM_DAYS;
    uint256 internal constant HOLDBACK = 7;

    uint256[] internal nets;

    function setUp() public override {
        super.setUp();
        offeringId = _createOffering(miner, 100_000, PRICE, TERM_START, TERM_END);
    }

    /// @dev Buys at random moments of the sale (the fixture's first day, the eve of the term, its
    /// last second): every position starts on TERM_START whatever the moment.
    function _buyRandomly(uint256 seed, uint256 count) internal {
        for (uint256 i; i < count; ++i) {
            seed = uint256(keccak256(abi.encode(seed, i)));
            uint256 moment = seed % 3;
            if (moment == 1 && _today() < TERM_START - 1) _warpToDay(TERM_START - 1);
            if (moment == 2) vm.warp(TERM_START * DAY - 1 - (seed >> 200) % 100);
            uint256 units = 1 + (seed >> 16) % 100;
            uint256 tokenId = _buy(i % 2 == 0 ? alice : bob, offeringId, units);
            nets.push(_netPaidOf(tokenId));
            vm.assertEq(_startDayOf(tokenId), TERM_START);
        }
    }

    function _exactBounds(uint256 day) internal view returns (uint256 lower, uint256 upper) {
        for (uint256 i; i < nets.length; ++i) {
            if (day <= TERM_START) continue;
            if (day >= TERM_END) {
                lower += nets[i];
                upper += nets[i];
                continue;
            }
            lower += Math.mulDiv(nets[i], day - TERM_START, TERM_DAYS);
            upper += Math.mulDiv(nets[i], day - TERM_START, TERM_DAYS, Math.Rounding.Ceil);
        }
    }

    /// Released is the positions' exact schedules summed, within rounding (never below the floors,
    /// never above the ceilings), at the day the holdback lets release reach; nothing is covered here,
    /// so release stops where the last week starts, and never reaches the total.
    function testFuzz_ReleasedMatchesPerPositionSchedule(uint256 seed, uint8 count, uint16 queryOffset) public {
        _buyRandomly(seed, 1 + count % 24);
        uint256 queryDay = _today() + queryOffset % 220;
        _warpToDay(queryDay);
        (uint256 released, uint256 releasedDay) = exchange.releasedToDate(offeringId);
        uint256 day = queryDay < TERM_END - HOLDBACK ? queryDay : TERM_END - HOLDBACK;
        vm.assertEq(releasedDay, day, "held back at the zone start");
        (uint256 lower, uint256 upper) = _exactBounds(day);
        vm.assertLe(released, upper, "never ahead of the exact schedule");
        vm.assertGe(released, lower, "never behind the positions' floors");
        vm.assertLe(released - lower, nets.length, "within a unit per position");
        uint256 totalNet = exchange.getOffering(offeringId).totalNet;
        vm.assertEq(released, Math.mulDiv(totalNet, day > TERM_START ? day - TERM_START : 0, TERM_DAYS));
    }

    /// After a flag at any day it is possible on (in the term or the post-term window) and a halt,
    /// refunds plus what the miner may take never exceed the escrow, and what stays behind is under
    /// one base unit per position.
    function testFuzz_RefundsAndReleaseNeverExceedEscrow(uint256 seed, uint8 count, uint8 missedExtra) public {
        _buyRandomly(seed, 1 + count % 16);
        Offering memory o = exchange.getOffering(offeringId);
        uint256 flagDay = uint256(o.lastCoveredDay) + 8 + missedExtra % 200;
        if (flagDay >= TERM_END + 10) flagDay = TERM_END + 9; // the post-term window's last day
        _warpToDay(flagDay);
        (bool canFlag,,,) = exchange.flaggable(offeringId);
        vm.assertTrue(canFlag, "no deposit at all: flaggable from the seventh missed day to the window's end");
        exchange.flag(offeringId);
        vm.prank(governor);
        exchange.halt(offeringId);
        _warpToDay(flagDay + 30);

        (uint256 released, uint256 releasedDay) = exchange.releasedToDate(offeringId);
        vm.assertEq(
            releasedDay, flagDay < TERM_END - HOLDBACK ? flagDay : TERM_END - HOLDBACK, "frozen at the held-back day"
        );
        uint256 refunds;
        uint256 positions = exchange.positionCount();
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            address owner = exchange.ownerOf(tokenId);
            uint256 before = usdt.balanceOf(owner);
            vm.prank(owner);
            exchange.claimRefunds(_ids(tokenId));
            refunds += usdt.balanceOf(owner) - before;
        }
        uint256 totalNet = exchange.getOffering(offeringId).totalNet;
        vm.assertLe(released + refunds, totalNet, "no over-refund");
        vm.assertLe(totalNet - released - refunds, positions, "dust under a unit per position");
        vm.prank(miner);
        uint256 withdrawn = exchange.withdrawEscrow(offeringId, miner);
        vm.assertEq(withdrawn, released);
        vm.assertEq(
            usdt.balanceOf(address(exchange)),
            totalNet - released - refunds + exchange.getOffering(offeringId).feesAccrued
        );
    }
}
