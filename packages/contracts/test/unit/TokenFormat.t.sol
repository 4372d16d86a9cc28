// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TokenFormat} from "../../src/render/libraries/TokenFormat.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @dev Tokens with broken or unusual metadata, as an offering may name any token.
contract Bytes32SymbolToken {
    function symbol() external pure returns (bytes32) {
        return "MKR";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }
}

contract RevertingMetadataToken {
    function symbol() external pure returns (string memory) {
        revert("no");
    }

    function decimals() external pure returns (uint8) {
        revert("no");
    }
}

contract GarbageMetadataToken {
    /// @dev A string head whose offset points past the return data.
    function symbol() external pure returns (uint256, uint256) {
        return (type(uint256).max, 5);
    }

    function decimals() external pure returns (uint256) {
        return 1_000;
    }
}

contract TokenFormatTest is TestBase {
    function test_FormatUnits_Usdt6() public pure {
        vm.assertEq(TokenFormat.formatUnits(36_100_000, 6), "36.1");
        vm.assertEq(TokenFormat.formatUnits(361_000_000, 6), "361");
        vm.assertEq(TokenFormat.formatUnits(1, 6), "0.000001");
        vm.assertEq(TokenFormat.formatUnits(999_999, 6), "0.999999");
        vm.assertEq(TokenFormat.formatUnits(1_000_001, 6), "1.000001");
        vm.assertEq(TokenFormat.formatUnits(0, 6), "0");
    }

    function test_FormatUnits_Ifil18() public pure {
        vm.assertEq(TokenFormat.formatUnits(1e18, 18), "1");
        vm.assertEq(TokenFormat.formatUnits(0.02e18, 18), "0.02");
        vm.assertEq(TokenFormat.formatUnits(1, 18), "0.000000000000000001");
        vm.assertEq(TokenFormat.formatUnits(1_234_567.891e18, 18), "1234567.891");
        vm.assertEq(
            TokenFormat.formatUnits(type(uint256).max, 18),
            "115792089237316195423570985008687907853269984665640564039457.584007913129639935"
        );
    }

    function test_FormatUnits_ZeroAndHugeDecimals() public pure {
        vm.assertEq(TokenFormat.formatUnits(12_345, 0), "12345");
        vm.assertEq(TokenFormat.formatUnits(5, 100), string.concat("0.", _zeros(99), "5")); // no 10**d overflow
    }

    /// @dev Reading the string back as a fixed-point number gives the amount.
    function testFuzz_FormatUnits_ParsesBack(uint128 amount, uint8 decimals) public pure {
        uint256 d = bound(decimals, 0, 30);
        bytes memory s = bytes(TokenFormat.formatUnits(amount, d));
        uint256 value;
        uint256 fracDigits;
        bool point;
        for (uint256 i; i < s.length; ++i) {
            if (s[i] == ".") {
                vm.assertFalse(point, "one point");
                point = true;
                continue;
            }
            value = value * 10 + (uint8(s[i]) - 48);
            if (point) ++fracDigits;
        }
        if (point) vm.assertTrue(s[s.length - 1] != "0", "no trailing zero");
        vm.assertLe(fracDigits, d);
        vm.assertEq(value * 10 ** (d - fracDigits), amount);
    }

    function test_Metadata_ToleratesOddTokens() public {
        address b32 = address(new Bytes32SymbolToken());
        vm.assertEq(TokenFormat.symbolOf(b32), "MKR");
        vm.assertEq(TokenFormat.decimalsOf(b32), 18);

        address reverting = address(new RevertingMetadataToken());
        vm.assertEq(TokenFormat.symbolOf(reverting), "?");
        vm.assertEq(TokenFormat.decimalsOf(reverting), 0);

        address garbage = address(new GarbageMetadataToken());
        vm.assertEq(TokenFormat.symbolOf(garbage), "?");
        vm.assertEq(TokenFormat.decimalsOf(garbage), 0);

        address eoa = address(0xBEEF);
        vm.assertEq(TokenFormat.symbolOf(eoa), "?");
        vm.assertEq(TokenFormat.decimalsOf(eoa), 0);
    }

    function _zeros(uint256 n) private pure returns (string memory) {
        bytes memory z = new bytes(n);
        for (uint256 i; i < n; ++i) {
            z[i] = "0";
        }
        return string(z);
    }
}
