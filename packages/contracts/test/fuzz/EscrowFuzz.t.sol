// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {Offering} from "../../src/types/HashpowerTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice The O(1) cohort aggregate against a per-position computation done here independently.
contract EscrowFuzzTest is ExchangeFixture {
    uint256 internal constant TERM_START = START_DAY + 2;
    uint256 internal constant TERM_END = TERM_START + TERM_DAYS;

    uint256[] internal nets;
    uint256[] internal starts;

    function setUp() public override {
        super.setUp();
        offeringId = _createOffering(miner, 100_000, PRICE, TERM_START, TERM_END);
    }

    /// @dev Buys at random days (before and during the term); returns how many cohorts exist.
    function _buyRandomly(uint256 seed, uint256 count) internal returns (uint256 cohorts) {
        uint256 lastStart;
        for (uint256 i; i < count; ++i) {
            seed = uint256(keccak256(abi.encode(seed, i)));
            uint256 day = _today() + (seed % 3 == 0 ? (seed >> 8) % 20 : 0);
            if (day >= TERM_END - 1) break;
            _warpToDay(day);
            uint256 units = 1 + (seed >> 16) % 100;
            uint256 tokenId = _buy(i % 2 == 0 ? alice : bob, offeringId, units);
            nets.push(exchange.netPaidOf(tokenId));
            uint256 start = exchange.startDayOf(tokenId);
            starts.push(start);
            if (start != lastStart) cohorts++;
            lastStart = start;
        }
    }

    function _exactBounds(uint256 day) internal view returns (uint256 lower, uint256 upper) {
        for (uint256 i; i < nets.length; ++i) {
            if (day <= starts[i]) continue;
            if (day >= TERM_END) {
                lower += nets[i];
                upper += nets[i];
                continue;
            }
            uint256 elapsed = day - starts[i];
            uint256 duration = TERM_END - starts[i];
            lower += Math.mulDiv(nets[i], elapsed, duration);
            upper += Math.mulDiv(nets[i], elapsed, duration, Math.Rounding.Ceil);
        }
    }

    /// Released never exceeds the exact schedule (rounding favours holders), trails it by at most one
    /// base unit per cohort, and equals the full net once the term is over.
    function testFuzz_ReleasedMatchesPerPositionSchedule(uint256 seed, uint8 count, uint16 queryOffset) public {
        _buyRandomly(seed, 1 + count % 24);
        uint256 queryDay = _today() + queryOffset % 220;
        _warpToDay(queryDay);
        (uint256 released, uint256 releasedDay) = exchange.releasedToDate(offeringId);
        (uint256 lower, uint256 upper) = _exactBounds(queryDay);
        vm.assertLe(released, upper, "never ahead of the exact schedule");
        vm.assertGe(released + nets.length, lower, "trails by at most one unit per position");
        if (queryDay >= TERM_END) {
            vm.assertEq(released, exchange.getOffering(offeringId).totalNet, "everything at term end");
            vm.assertEq(releasedDay, TERM_END);
        }
    }

    /// After a halt at any day, refunds plus what the miner may take never exceed the escrow, and
    /// what stays behind is at most one base unit per position.
    function testFuzz_RefundsAndReleaseNeverExceedEscrow(uint256 seed, uint8 count, uint8 missedExtra) public {
        _buyRandomly(seed, 1 + count % 16);
        Offering memory o = exchange.getOffering(offeringId);
        uint256 flagDay = uint256(o.lastCoveredDay) + 8 + missedExtra % 100;
        if (flagDay >= TERM_END) flagDay = TERM_END - 1;
        if (flagDay < _today()) flagDay = _today();
        _warpToDay(flagDay);
        (bool canFlag,,,) = exchange.flaggable(offeringId);
        vm.assume(canFlag);
        exchange.flag(offeringId);
        vm.prank(governor);
        exchange.halt(offeringId);
        _warpToDay(flagDay + 30);

        (uint256 released,) = exchange.releasedToDate(offeringId);
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
        vm.assertLe(totalNet - released - refunds, positions + 1, "dust bounded");
        vm.prank(miner);
        uint256 withdrawn = exchange.withdrawEscrow(offeringId, miner);
        vm.assertEq(withdrawn, released);
        vm.assertEq(usdt.balanceOf(address(exchange)), totalNet - released - refunds + exchange.getOffering(offeringId).feesAccrued);
    }
}
