// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DelinquencyMath} from "../../src/libraries/DelinquencyMath.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice DelinquencyMath against straightforward models: the packed window against a newest-first
/// array, shareOf against the definition "per-mille of the market, rounded down, capped at 1000".
contract DelinquencyFuzzTest is TestBase {
    uint256 internal constant MAX = 8;

    /// @dev Pushes `n` shares drawn from `seed` into both the packed word and an array (newest first),
    /// checking after every push.
    function testFuzz_Window_MatchesArrayModel(uint256 seed, uint8 n, uint8 windowDays, uint16 ratioBps) public pure {
        uint256 pushes = n % 24;
        uint256 w = 1 + windowDays % MAX;
        uint256 ratio = 1 + ratioBps % 10_000;
        uint256[] memory model = new uint256[](pushes); // model[0] is the newest
        uint256 packed;
        for (uint256 k; k < pushes; ++k) {
            uint256 share = uint256(keccak256(abi.encode(seed, k))) % 1_001;
            if (k % 5 == 0) share = k % 2 == 0 ? 0 : 1_000; // the extremes, often
            for (uint256 j = k; j > 0; --j) {
                model[j] = model[j - 1];
            }
            model[0] = share;
            packed = DelinquencyMath.push(packed, share);
            _checkAgainstModel(packed, model, k + 1, w, ratio);
        }
    }

    function _checkAgainstModel(uint256 packed, uint256[] memory model, uint256 pushed, uint256 w, uint256 ratio)
        internal
        pure
    {
        uint256 count = pushed < MAX ? pushed : MAX;
        vm.assertEq(DelinquencyMath.judgedDays(packed), count, "judged count saturates at 8");
        vm.assertLt(packed, 2 ** 84, "4 count bits and 8 x 10 share bits");
        for (uint256 i; i < count; ++i) {
            vm.assertEq(DelinquencyMath.shareAt(packed, i), model[i], "i-th newest");
        }
        for (uint256 i = count; i < MAX; ++i) {
            vm.assertEq(DelinquencyMath.shareAt(packed, i), 0, "empty slots");
        }
        uint256 sum;
        uint256 m = count < w ? count : w;
        for (uint256 i; i < m; ++i) {
            sum += model[i];
        }
        (uint256 s, bool full) = DelinquencyMath.windowSum(packed, w);
        vm.assertEq(s, sum, "window sum");
        vm.assertEq(full, count >= w, "full once w days are judged");
        vm.assertEq(DelinquencyMath.isLow(packed, w, ratio), full && sum * 10 < ratio * w, "low rule");
        // the average-under-80% rule is stricter than "every day under 80%"
        bool allUnder = full;
        for (uint256 i; i < m; ++i) {
            if (model[i] * 10 >= ratio) allUnder = false;
        }
        if (allUnder) vm.assertTrue(DelinquencyMath.isLow(packed, w, ratio), "every day under the ratio is low");
    }

    function testFuzz_ShareOf_RoundsDownAndCaps(uint256 paid, uint256 market) public pure {
        paid = bound(paid, 0, 2 ** 160);
        market = bound(market, 1, 2 ** 160);
        uint256 share = DelinquencyMath.shareOf(paid, market);
        vm.assertLe(share, 1_000, "capped");
        if (paid >= market) {
            vm.assertEq(share, 1_000);
        } else {
            vm.assertLe(share * market, paid * 1_000, "never above what was paid");
            vm.assertGt((share + 1) * market, paid * 1_000, "rounded down by under one per-mille");
        }
        // monotone in what was paid
        if (paid > 0) vm.assertLe(DelinquencyMath.shareOf(paid - 1, market), share);
    }

    function testFuzz_ShareOf_ExactPerMilleIsExact(uint16 perMille, uint128 market) public pure {
        uint256 p = bound(perMille, 0, 1_000);
        uint256 m = bound(market, 1, type(uint128).max) * 1_000; // divisible, so p/1000 of it is exact
        vm.assertEq(DelinquencyMath.shareOf(m * p / 1_000, m), p);
        if (p > 0) vm.assertEq(DelinquencyMath.shareOf(m * p / 1_000 - 1, m), p - 1, "one base unit less rounds down");
    }
}
