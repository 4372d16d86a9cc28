// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title TokenFormat
/// @notice Token amounts as human decimals ("36.1", "0.000001") and tolerant reads of ERC-20
/// metadata. Payment and reward tokens are chosen per offering, so a token that lacks
/// `symbol`/`decimals`, reverts, or returns malformed data must not break rendering.
library TokenFormat {
    /// @notice `amount` base units of a token with `decimals` decimals, without trailing zeros of
    /// the fraction (and without a point when there is no fraction). Works for any `decimals`
    /// (no `10 ** decimals`), in time linear in the digits.
    function formatUnits(uint256 amount, uint256 decimals) internal pure returns (string memory) {
        bytes memory digits = bytes(Strings.toString(amount));
        if (decimals == 0 || amount == 0) return string(digits);
        uint256 len = digits.length;
        // integer part: the digits before the last `decimals`, or a single 0
        uint256 intLen = len > decimals ? len - decimals : 0;
        uint256 leadingZeros = len > decimals ? 0 : decimals - len; // fraction zeros before the digits
        uint256 end = len; // fraction digits up to the last non-zero one
        while (end > intLen && digits[end - 1] == "0") --end;
        uint256 fracLen = end - intLen; // digits of the fraction taken from `digits`
        uint256 outIntLen = intLen == 0 ? 1 : intLen;
        uint256 outLen = outIntLen + (fracLen == 0 ? 0 : 1 + leadingZeros + fracLen);
        bytes memory out = new bytes(outLen);
        uint256 j;
        if (intLen == 0) out[j++] = "0";
        for (uint256 i; i < intLen; ++i) {
            out[j++] = digits[i];
        }
        if (fracLen != 0) {
            out[j++] = ".";
            for (uint256 i; i < leadingZeros; ++i) {
                out[j++] = "0";
            }
            for (uint256 i = intLen; i < end; ++i) {
                out[j++] = digits[i];
            }
        }
        return string(out);
    }

    /// @notice The token's `decimals()`, or 0 (amounts shown in base units) if it has none.
    function decimalsOf(address token) internal view returns (uint256) {
        (bool ok, bytes memory ret) = token.staticcall(abi.encodeCall(IERC20Metadata.decimals, ()));
        if (!ok || ret.length < 32) return 0;
        uint256 d = abi.decode(ret, (uint256));
        return d > type(uint8).max ? 0 : d;
    }

    /// @notice The token's `symbol()` (a string, or a bytes32 as some old tokens return), or
    /// "?" if it has none. Unescaped: the caller escapes it for where it goes.
    function symbolOf(address token) internal view returns (string memory) {
        (bool ok, bytes memory ret) = token.staticcall(abi.encodeCall(IERC20Metadata.symbol, ()));
        if (ok) {
            if (ret.length >= 64) {
                (uint256 offset) = abi.decode(ret, (uint256));
                if (offset <= ret.length - 32) {
                    uint256 strLen;
                    assembly ("memory-safe") {
                        strLen := mload(add(add(ret, 32), offset))
                    }
                    if (strLen != 0 && strLen <= ret.length - 32 - offset) {
                        bytes memory out = new bytes(strLen);
                        for (uint256 i; i < strLen; ++i) {
                            out[i] = ret[offset + 32 + i];
                        }
                        return string(out);
                    }
                }
            } else if (ret.length == 32) {
                bytes32 word = bytes32(ret);
                uint256 n;
                while (n < 32 && word[n] != 0) ++n;
                if (n != 0) {
                    bytes memory out = new bytes(n);
                    for (uint256 i; i < n; ++i) {
                        out[i] = word[i];
                    }
                    return string(out);
                }
            }
        }
        return "?";
    }
}
