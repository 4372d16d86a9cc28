// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DateTime} from "../../src/render/libraries/DateTime.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice The renderer's day-number-to-date routine: fixed vectors checked by hand against Unix
/// timestamps, and fuzzing against two independent algorithms (Fliegel & Van Flandern's Julian-day
/// conversion, and the day-successor rule of the Gregorian calendar).
contract DateTimeTest is TestBase {
    /// @dev The exchange stores days as uint32.
    uint256 internal constant MAX_DAY = type(uint32).max;

    function test_IsoDate_KnownDays() public pure {
        vm.assertEq(DateTime.toIsoDate(0), "1970-01-01");
        vm.assertEq(DateTime.toIsoDate(1), "1970-01-02");
        vm.assertEq(DateTime.toIsoDate(20_000), "2024-10-04"); // the fixture's start day
        vm.assertEq(DateTime.toIsoDate(20_182), "2025-04-04"); // the fixture's term end
        vm.assertEq(DateTime.toIsoDate(19_723), "2024-01-01"); // 1704067200 / 86400
        vm.assertEq(DateTime.toIsoDate(24_855), "2038-01-19"); // 2^31 - 1 seconds
        vm.assertEq(DateTime.toIsoDate(10_956), "1999-12-31"); // 946684800 / 86400 - 1
    }

    function test_IsoDate_LeapYears() public pure {
        vm.assertEq(DateTime.toIsoDate(19_781), "2024-02-28");
        vm.assertEq(DateTime.toIsoDate(19_782), "2024-02-29"); // divisible by 4
        vm.assertEq(DateTime.toIsoDate(19_783), "2024-03-01");
        vm.assertEq(DateTime.toIsoDate(11_016), "2000-02-29"); // divisible by 400: leap
        vm.assertEq(DateTime.toIsoDate(11_017), "2000-03-01");
        vm.assertEq(DateTime.toIsoDate(47_540), "2100-02-28"); // divisible by 100: not leap
        vm.assertEq(DateTime.toIsoDate(47_541), "2100-03-01"); // 4102444800 / 86400 + 59
        vm.assertEq(DateTime.toIsoDate(19_722), "2023-12-31");
        vm.assertEq(DateTime.toIsoDate(20_088), "2024-12-31"); // day 366 of a leap year
    }

    function test_IsoDate_FarFuture() public pure {
        vm.assertEq(DateTime.toIsoDate(2_932_896), "9999-12-31"); // 253402300799 / 86400
        vm.assertEq(DateTime.toIsoDate(2_932_897), "10000-01-01"); // five-digit years just grow
        vm.assertEq(DateTime.toIsoDate(MAX_DAY), "11761191-01-20");
    }

    function test_ToDate_MatchesJulianDayAlgorithm_Vectors() public pure {
        uint256[6] memory daysList = [uint256(0), 59, 365, 11_016, 47_541, 20_000];
        for (uint256 i; i < daysList.length; ++i) {
            _checkAgainstFliegel(daysList[i]);
        }
    }

    function testFuzz_ToDate_MatchesJulianDayAlgorithm(uint256 day) public pure {
        _checkAgainstFliegel(bound(day, 0, MAX_DAY));
    }

    function testFuzz_ToDate_RoundTripsThroughDaysFromDate(uint256 day) public pure {
        day = bound(day, 0, MAX_DAY);
        (uint256 y, uint256 m, uint256 d) = DateTime.toDate(day);
        vm.assertEq(_daysFromCivil(y, m, d), day);
    }

    /// @dev The next day is the calendar successor: same month +1 day, or the 1st of the next month
    /// (after 28/29/30/31 days by the Gregorian leap rule), or the 1st of January.
    function testFuzz_ToDate_NextDayIsCalendarSuccessor(uint256 day) public pure {
        day = bound(day, 0, MAX_DAY - 1);
        (uint256 y, uint256 m, uint256 d) = DateTime.toDate(day);
        (uint256 y2, uint256 m2, uint256 d2) = DateTime.toDate(day + 1);
        vm.assertTrue(m >= 1 && m <= 12 && d >= 1 && d <= _monthLength(y, m), "valid date");
        if (d < _monthLength(y, m)) {
            vm.assertTrue(y2 == y && m2 == m && d2 == d + 1, "same month");
        } else if (m < 12) {
            vm.assertTrue(y2 == y && m2 == m + 1 && d2 == 1, "next month");
        } else {
            vm.assertTrue(y2 == y + 1 && m2 == 1 && d2 == 1, "next year");
        }
    }

    function testFuzz_IsoDate_FormatsTheDate(uint256 day) public pure {
        day = bound(day, 0, 2_932_896); // four-digit years
        (uint256 y, uint256 m, uint256 d) = DateTime.toDate(day);
        bytes memory iso = bytes(DateTime.toIsoDate(day));
        vm.assertEq(iso.length, 10);
        vm.assertTrue(iso[4] == "-" && iso[7] == "-", "separators");
        vm.assertEq(_digits(iso, 0, 4), y);
        vm.assertEq(_digits(iso, 5, 7), m);
        vm.assertEq(_digits(iso, 8, 10), d);
    }

    // ------------------------------------------------------------------ independent references

    /// @dev Fliegel & Van Flandern (1968), via Julian day numbers, in signed arithmetic.
    function _checkAgainstFliegel(uint256 day) internal pure {
        int256 l = int256(day) + 68_569 + 2_440_588;
        int256 n = (4 * l) / 146_097;
        l = l - (146_097 * n + 3) / 4;
        int256 year = (4000 * (l + 1)) / 1_461_001;
        l = l - (1461 * year) / 4 + 31;
        int256 month = (80 * l) / 2447;
        int256 dayOfMonth = l - (2447 * month) / 80;
        l = month / 11;
        month = month + 2 - 12 * l;
        year = 100 * (n - 49) + year + l;

        (uint256 y, uint256 m, uint256 d) = DateTime.toDate(day);
        vm.assertEq(y, uint256(year), "year");
        vm.assertEq(m, uint256(month), "month");
        vm.assertEq(d, uint256(dayOfMonth), "day");
    }

    /// @dev Inverse direction, also Fliegel & Van Flandern.
    function _daysFromCivil(uint256 year, uint256 month, uint256 day) internal pure returns (uint256) {
        int256 y = int256(year);
        int256 m = int256(month);
        int256 d = int256(day);
        int256 jd = d - 32_075 + (1461 * (y + 4800 + (m - 14) / 12)) / 4 + (367 * (m - 2 - ((m - 14) / 12) * 12)) / 12
            - (3 * ((y + 4900 + (m - 14) / 12) / 100)) / 4;
        return uint256(jd - 2_440_588);
    }

    function _monthLength(uint256 y, uint256 m) internal pure returns (uint256) {
        if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
        if (m == 4 || m == 6 || m == 9 || m == 11) return 30;
        return 31;
    }

    function _digits(bytes memory s, uint256 from, uint256 to) internal pure returns (uint256 n) {
        for (uint256 i = from; i < to; ++i) {
            uint8 c = uint8(s[i]);
            require(c >= 48 && c <= 57, "digit");
            n = n * 10 + (c - 48);
        }
    }
}
