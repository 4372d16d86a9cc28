// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {EscrowMath} from "../../src/libraries/EscrowMath.sol";
import {Offering} from "../../src/types/HashpowerTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice The end-of-term holdback and refunds: the pure rules (EscrowMath) under any figures, and a
/// live offering driven through random days and deposits against the model of the spec.
contract HoldbackFuzzTest is ExchangeFixture {
    /// @dev Released at `day` under the holdback, from the spec (docs/decisions/0013), written here.
    function _modelReleased(
        uint256 totalNet,
        uint256 start,
        uint256 end,
        uint256 holdback,
        uint256 covered,
        uint256 day
    ) internal pure returns (uint256 released, uint256 releaseDay) {
        releaseDay = day;
        if (day + holdback > end) {
            uint256 cap = covered + 1 > end - holdback ? covered + 1 : end - holdback;
            if (releaseDay > cap) releaseDay = cap;
        }
        if (releaseDay >= end) return (totalNet, end);
        released = releaseDay <= start ? 0 : totalNet * (releaseDay - start) / (end - start);
    }

    struct Case {
        uint256 totalNet;
        uint256 start;
        uint256 end;
        uint256 holdback;
    }

    function _case(uint256 totalNet, uint16 termDays, uint8 holdback) internal pure returns (Case memory c) {
        c.totalNet = bound(totalNet, 0, type(uint96).max);
        c.start = 20_000;
        c.end = c.start + bound(termDays, 1, 3_650);
        c.holdback = bound(holdback, 1, 30);
        if (c.holdback > c.end - c.start) c.holdback = c.end - c.start; // the snapshot: at most the term
    }

    function _releasedAt(Case memory c, uint256 covered, uint256 day) internal pure returns (uint256) {
        return EscrowMath.released(c.totalNet, c.start, c.end, EscrowMath.holdbackDay(day, c.end, c.holdback, covered));
    }

    /// Release is monotone in time and in coverage, never above the total, never past today, and
    /// equal to the model.
    function testFuzz_Holdback_MonotoneNeverAboveTotal(
        uint256 totalNet,
        uint16 termDays,
        uint8 holdback,
        uint16[4] memory raw
    ) public pure {
        Case memory c = _case(totalNet, termDays, holdback);
        uint256 d1 = c.start - 5 + raw[0] % (c.end - c.start + 40);
        uint256 d2 = d1 + raw[1] % 40;
        uint256 c1 = c.start - 1 + raw[2] % (c.end - c.start + 1); // lastCoveredDay: start - 1 .. end - 1
        uint256 c2 = c1 + raw[3] % (c.end - c1);
        uint256 h = EscrowMath.holdbackDay(d1, c.end, c.holdback, c1);
        vm.assertLe(h, d1, "never ahead of today");
        if (d1 + c.holdback <= c.end) vm.assertEq(h, d1, "no holdback before the zone");
        vm.assertGe(h, d1 < c.end - c.holdback ? d1 : c.end - c.holdback, "never before the zone starts");
        vm.assertLe(_releasedAt(c, c1, d1), _releasedAt(c, c1, d2), "monotone in time");
        vm.assertLe(_releasedAt(c, c1, d2), _releasedAt(c, c2, d2), "monotone in coverage");
        vm.assertLe(_releasedAt(c, c2, d2), c.totalNet, "never above the total");
        (uint256 model,) = _modelReleased(c.totalNet, c.start, c.end, c.holdback, c1, d1);
        vm.assertEq(_releasedAt(c, c1, d1), model, "the model");
    }

    /// At (or after) the term end everything is released exactly when every term day is covered.
    function testFuzz_Holdback_FullAtTermEndIffCovered(
        uint256 totalNet,
        uint16 termDays,
        uint8 holdback,
        uint16 raw,
        uint16 late
    ) public pure {
        Case memory c = _case(totalNet, termDays, holdback);
        c.totalNet = bound(c.totalNet, 1, type(uint96).max);
        uint256 covered = c.start - 1 + raw % (c.end - c.start + 1);
        uint256 day = c.end + late % 100;
        bool full = _releasedAt(c, covered, day) == c.totalNet;
        vm.assertEq(full, covered == c.end - 1, "full iff the last term day is covered");
        vm.assertEq(
            _releasedAt(c, c.end - 1, c.end), c.totalNet, "a miner covering every day gets everything on the term end"
        );
    }

    /// For any frozen day (any held-back day a flag can freeze at), the positions' refunds plus the
    /// offering's release never exceed the escrow, and leave under one base unit per position.
    function testFuzz_RefundsPlusReleasedWithinTotal(uint256 seed, uint8 n, uint16 termDays, uint16 frozenRaw)
        public
        pure
    {
        uint256 start = 20_000;
        uint256 end = start + bound(termDays, 1, 3_650);
        uint256 frozen = start - 3 + frozenRaw % (end - start + 10);
        uint256 positions = 1 + n % 12;
        uint256 totalNet;
        uint256 refunds;
        for (uint256 i; i < positions; ++i) {
            uint256 net = uint256(keccak256(abi.encode(seed, i))) % 1e30;
            totalNet += net;
            refunds += net - EscrowMath.positionReleasedCeil(net, start, end, frozen);
        }
        uint256 released = EscrowMath.released(totalNet, start, end, frozen);
        vm.assertLe(released + refunds, totalNet, "never more than escrowed");
        vm.assertLe(totalNet - released - refunds, positions, "dust under a unit per position");
        if (frozen <= start) vm.assertEq(refunds, totalNet, "frozen before any release: everything back");
        if (frozen >= end) vm.assertEq(refunds, 0, "frozen at the end: nothing left to refund");
    }

    // ------------------------------------------------------------------ a live offering

    /// Drives a 12-day offering (holdback 7) through random days, deposits (some missing) and
    /// withdrawals, past the term end: after every step release equals the model, never decreases,
    /// never exceeds the total, withdrawals never exceed it; at the end it is full iff every day was covered.
    function testFuzz_Holdback_LiveOfferingFollowsTheModel(uint256 seed) public {
        uint256 start = START_DAY + 2;
        uint256 end = start + 12;
        uint256 id = _createOffering(miner, 1_000, PRICE, start, end);
        _buy(alice, id, 1 + seed % 200);
        _buy(bob, id, 1 + (seed >> 8) % 200);
        uint256 totalNet = exchange.getOffering(id).totalNet;
        uint256 last;
        for (uint256 step; step < 40; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            if (r % 3 == 0) _warpToDay(_today() + 1 + (r >> 8) % 3);
            Offering memory o = exchange.getOffering(id);
            uint256 next = uint256(o.lastCoveredDay) + 1;
            if (r % 3 == 1 && next < _today() && next < end && (r >> 16) % 4 != 0) _deposit(id, 1e18);
            if (r % 5 == 4 && exchange.withdrawableEscrow(id) != 0) {
                vm.prank(miner);
                exchange.withdrawEscrow(id, miner);
            }
            o = exchange.getOffering(id);
            (uint256 released, uint256 releaseDay) = exchange.releasedToDate(id);
            (uint256 model, uint256 modelDay) = _modelReleased(totalNet, start, end, 7, o.lastCoveredDay, _today());
            vm.assertEq(released, model, "the model");
            vm.assertEq(releaseDay, modelDay, "the model's day");
            vm.assertGe(released, last, "never decreases");
            vm.assertLe(released, totalNet);
            vm.assertLe(o.withdrawn, released);
            last = released;
        }
        _warpToDay(end + 20);
        (uint256 finalReleased,) = exchange.releasedToDate(id);
        vm.assertEq(finalReleased == totalNet, exchange.getOffering(id).lastCoveredDay == end - 1, "full iff covered");
    }
}
