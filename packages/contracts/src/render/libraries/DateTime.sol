// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title DateTime
/// @notice UTC day numbers (days since 1970-01-01, `timestamp / 86400`) to proleptic Gregorian
/// calendar dates, for rendering. O(1), no loops.
/// @dev Howard Hinnant's `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html),
/// restricted to non-negative day numbers so all arithmetic is unsigned. Eras are 400-year
/// cycles of 146,097 days starting on 0000-03-01, which puts the leap day last in each year.
library DateTime {
    /// @dev Days from 0000-03-01 to 1970-01-01.
    uint256 private constant EPOCH_SHIFT = 719_468;
    uint256 private constant DAYS_PER_ERA = 146_097;

    /// @notice The calendar date of UTC day `day`.
    function toDate(uint256 day) internal pure returns (uint256 year, uint256 month, uint256 dayOfMonth) {
        uint256 z = day + EPOCH_SHIFT; // checked: only overflows for absurd inputs
        unchecked {
            uint256 era = z / DAYS_PER_ERA;
            uint256 doe = z - era * DAYS_PER_ERA; // [0, 146096]
            uint256 yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
            uint256 doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365], March-based
            uint256 mp = (5 * doy + 2) / 153; // [0, 11], March = 0
            dayOfMonth = doy - (153 * mp + 2) / 5 + 1;
            month = mp < 10 ? mp + 3 : mp - 9;
            year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        }
    }

    /// @notice `day` as an ISO 8601 date, `YYYY-MM-DD` (years past 9999 simply get more digits).
    function toIsoDate(uint256 day) internal pure returns (string memory iso) {
        (uint256 y, uint256 m, uint256 d) = toDate(day);
        uint256 yearDigits = 4;
        for (uint256 t = y / 10_000; t != 0; t /= 10) {
            ++yearDigits;
        }
        bytes memory b = new bytes(yearDigits + 6);
        unchecked {
            for (uint256 i = yearDigits; i != 0; --i) {
                b[i - 1] = bytes1(uint8(48 + (y % 10)));
                y /= 10;
            }
            b[yearDigits] = "-";
            b[yearDigits + 1] = bytes1(uint8(48 + m / 10));
            b[yearDigits + 2] = bytes1(uint8(48 + (m % 10)));
            b[yearDigits + 3] = "-";
            b[yearDigits + 4] = bytes1(uint8(48 + d / 10));
            b[yearDigits + 5] = bytes1(uint8(48 + (d % 10)));
        }
        return string(b);
    }
}
