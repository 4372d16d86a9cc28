// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title DelinquencyMath
/// @notice How a miner's deposits are judged against the market, shared by the exchange and its tests.
/// @dev A day's share is what the deposit paid per unit as a fraction of the oracle's market average,
/// in per-mille, rounded down and capped at 1000 (a day paid above the market cannot hide a low one).
/// The last `MAX_WINDOW_DAYS` judged shares are kept newest-first in one 96-bit word beside the reward
/// accumulator, so judging a deposit writes no extra storage slot:
/// bits 0-3 count the judged days (saturating at MAX_WINDOW_DAYS), bits 4+10i hold the i-th newest share.
/// See docs/decisions/0013-buyer-protection.md.
library DelinquencyMath {
    /// @notice Most judged days the window can average.
    uint256 internal constant MAX_WINDOW_DAYS = 8;
    /// @notice A share of 100%.
    uint256 internal constant FULL_SHARE = 1_000;

    uint256 private constant COUNT_BITS = 4;
    uint256 private constant SHARE_BITS = 10;
    uint256 private constant SHARE_MASK = (1 << SHARE_BITS) - 1;
    uint256 private constant SHARES_MASK = (1 << (SHARE_BITS * MAX_WINDOW_DAYS)) - 1;
    uint256 private constant WAD = 1e18;

    /// @notice The day's share of the market in per-mille (rounded down, at most FULL_SHARE).
    /// @param dayRewardPerUnitWad What the day paid per unit, WAD-scaled.
    /// @param marketAvgPerUnitWad The market average per unit for the day, WAD-scaled (non-zero).
    function shareOf(uint256 dayRewardPerUnitWad, uint256 marketAvgPerUnitWad) internal pure returns (uint256) {
        if (dayRewardPerUnitWad >= marketAvgPerUnitWad) return FULL_SHARE;
        return Math.mulDiv(dayRewardPerUnitWad, FULL_SHARE, marketAvgPerUnitWad);
    }

    /// @notice `recent` with `share` pushed in as the newest judged day.
    function push(uint256 recent, uint256 share) internal pure returns (uint96) {
        uint256 count = recent & ((1 << COUNT_BITS) - 1);
        uint256 shares = ((((recent >> COUNT_BITS) << SHARE_BITS) | share) & SHARES_MASK);
        if (count < MAX_WINDOW_DAYS) ++count;
        return uint96((shares << COUNT_BITS) | count);
    }

    /// @notice How many judged days `recent` holds (at most MAX_WINDOW_DAYS).
    function judgedDays(uint256 recent) internal pure returns (uint256) {
        return recent & ((1 << COUNT_BITS) - 1);
    }

    /// @notice The i-th newest judged share (0 = the latest).
    function shareAt(uint256 recent, uint256 i) internal pure returns (uint256) {
        return (recent >> (COUNT_BITS + SHARE_BITS * i)) & SHARE_MASK;
    }

    /// @notice Sum of the newest `windowDays` shares, and whether that many days were judged.
    /// @dev Bounded: windowDays <= MAX_WINDOW_DAYS.
    function windowSum(uint256 recent, uint256 windowDays) internal pure returns (uint256 sum, bool full) {
        uint256 count = judgedDays(recent);
        full = count >= windowDays;
        uint256 n = full ? windowDays : count;
        for (uint256 i; i < n; ++i) {
            sum += shareAt(recent, i);
        }
    }

    /// @notice Whether the window is full and its average share is under `minRatioBps`
    /// (per-mille shares compared exactly: sum * 10 < minRatioBps * windowDays).
    function isLow(uint256 recent, uint256 windowDays, uint256 minRatioBps) internal pure returns (bool) {
        (uint256 sum, bool full) = windowSum(recent, windowDays);
        return isLowSum(sum, full, windowDays, minRatioBps);
    }

    /// @notice {isLow} from a {windowSum} already computed (the flag rule also reports the average).
    function isLowSum(uint256 sum, bool full, uint256 windowDays, uint256 minRatioBps) internal pure returns (bool) {
        return full && sum * 10 < minRatioBps * windowDays;
    }
}
