// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {Offering, OfferingStatus} from "../types/HashpowerTypes.sol";

/// @title EscrowMath
/// @notice Daily-release arithmetic shared by the exchange and its tests.
/// @dev Every position of an offering is bought before the term and starts on `termStartDay`, so the
/// offering releases `totalNet * elapsed / termDays` after `elapsed` whole days, rounded down, and a
/// position `net * elapsed / termDays`, rounded up: the refunds derived from positions can never exceed
/// what the rounded-down aggregate left in escrow. On the last day everything is released exactly.
/// See docs/decisions/0004-escrow-and-reward-math.md and 0013-buyer-protection.md.
library EscrowMath {
    /// @notice Longest term an offering may have (ten years).
    uint256 internal constant MAX_TERM_DAYS = 3_650;

    /// @notice Released amount of an offering's `totalNet` at `day`, rounded down.
    function released(uint256 totalNet, uint256 startDay, uint256 endDay, uint256 day) internal pure returns (uint256) {
        if (day <= startDay) return 0;
        if (day >= endDay) return totalNet;
        return Math.mulDiv(totalNet, day - startDay, endDay - startDay);
    }

    /// @notice Released amount of one position at `day`, rounded UP.
    function positionReleasedCeil(uint256 net, uint256 startDay, uint256 endDay, uint256 day)
        internal
        pure
        returns (uint256)
    {
        if (day <= startDay) return 0;
        if (day >= endDay) return net;
        return Math.mulDiv(net, day - startDay, endDay - startDay, Math.Rounding.Ceil);
    }

    /// @notice The day release has reached at `day` under the end-of-term holdback: within the last
    /// `holdbackDays` of the term, release never passes the day after the last covered one, so the
    /// final days are paid out only once their rewards are deposited.
    function holdbackDay(uint256 day, uint256 endDay, uint256 holdbackDays, uint256 lastCoveredDay)
        internal
        pure
        returns (uint256)
    {
        uint256 zoneStart = endDay - holdbackDays;
        if (day <= zoneStart) return day;
        uint256 cap = lastCoveredDay + 1 > zoneStart ? lastCoveredDay + 1 : zoneStart;
        return day < cap ? day : cap;
    }

    /// @notice {holdbackDay} for an offering; reads its coverage only inside the holdback zone, so
    /// mid-term withdrawals pay for no extra storage slot.
    function heldBackDay(Offering storage o, uint256 day) internal view returns (uint256) {
        uint256 endDay = o.termEndDay;
        uint256 holdback = o.holdbackDays;
        if (day + holdback <= endDay) return day;
        return holdbackDay(day, endDay, holdback, o.lastCoveredDay);
    }

    /// @notice What an offering has released by now, and the day release has reached: today (held back
    /// in the term's last days until they are covered) while active, frozen where it stood once flagged.
    function releasedToDate(Offering storage o) internal view returns (uint256 amount, uint256 day) {
        day = block.timestamp / 1 days;
        if (o.status != OfferingStatus.Active && o.frozenDay < day) day = o.frozenDay;
        else day = heldBackDay(o, day);
        uint256 endDay = o.termEndDay;
        if (day >= endDay) return (o.totalNet, endDay);
        amount = released(o.totalNet, o.termStartDay, endDay, day);
    }
}
