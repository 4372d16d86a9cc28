// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title EscrowMath
/// @notice Daily-release arithmetic shared by the exchange and its tests.
/// @dev A position releases `net * elapsed / duration` after `elapsed` whole days of its
/// `duration = termEndDay - startDay`. Every position of an offering ends on the same day, so
/// positions starting on the same day form a cohort with rate `net * RATE_PRECISION / duration`,
/// and the offering's release at day t is `sum(rate_c * (t - start_c))` over started cohorts:
/// `rateSum * (t - termStart) - rateDayProduct`, with `rateDayProduct = sum(rate_c * (start_c - termStart))`.
/// That is O(1) whatever the number of purchases. Rates round down, so the aggregate never
/// releases more than the exact sum (rounding favours holders); on the last day the remainder
/// is released exactly. See docs/decisions/0004-escrow-and-reward-math.md.
library EscrowMath {
    /// @notice Scale of cohort rates. 1e6 keeps the rounding below a millionth of a base unit per
    /// cohort per day while `rateSum` and `rateDayProduct` share one 256-bit slot: with terms of at
    /// most MAX_TERM_DAYS, they fit 128 bits for offerings up to ~9e28 base units.
    uint256 internal constant RATE_PRECISION = 1e6;

    /// @notice Longest term an offering may have (ten years).
    uint256 internal constant MAX_TERM_DAYS = 3_650;

    /// @notice Release rate of a cohort with `net` escrowed over `duration` days.
    function rate(uint256 net, uint256 duration) internal pure returns (uint256) {
        return Math.mulDiv(net, RATE_PRECISION, duration);
    }

    /// @notice Released amount of one position at `day`, rounded UP: refunds derived from it can
    /// never exceed what the rounded-down aggregate left in escrow.
    function positionReleasedCeil(uint256 net, uint256 startDay, uint256 endDay, uint256 day)
        internal
        pure
        returns (uint256)
    {
        if (day <= startDay) return 0;
        if (day >= endDay) return net;
        return Math.mulDiv(net, day - startDay, endDay - startDay, Math.Rounding.Ceil);
    }
}
