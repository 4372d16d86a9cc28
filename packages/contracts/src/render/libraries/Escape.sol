// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Escape
/// @notice Makes untrusted text (miner names, asset labels, token symbols) safe to embed in a JSON
/// string literal or in SVG/XML text and attribute values.
/// @dev One linear pass counts the output, a second writes it (no quadratic concatenation).
/// Both modes also repair the text itself: any byte that is not part of a well-formed UTF-8
/// sequence (stray continuation bytes, overlongs, surrogates, truncated sequences, > U+10FFFF)
/// becomes U+FFFD, so a hostile name cannot make the metadata undecodable.
///  - JSON: `"` and `\` are backslash-escaped, control characters U+0000..U+001F become
///    `\n`, `\r`, `\t` or `\u00XX` (RFC 8259 section 7).
///  - XML: `& < > " '` become entities; control characters (mostly illegal in XML 1.0 even as
///    character references) become a space. Optionally truncated to `maxChars` code points
///    with a trailing U+2026 so long names cannot break the card's layout.
library Escape {
    uint256 private constant NO_LIMIT = type(uint256).max;
    bytes32 private constant REPLACEMENT = "\xef\xbf\xbd"; // U+FFFD
    bytes32 private constant ELLIPSIS = "\xe2\x80\xa6"; // U+2026
    bytes16 private constant HEX = "0123456789abcdef";
    /// @dev Bytes (as bit positions) the slow path must handle: controls, non-ASCII, and per format
    /// `"` `\` (JSON) or `"` `&` `'` `<` `>` (XML).
    uint256 private constant CONTROL_AND_NON_ASCII = (type(uint256).max << 128) | 0xffffffff;
    uint256 private constant JSON_SPECIAL = CONTROL_AND_NON_ASCII | (1 << 0x22) | (1 << 0x5c);
    uint256 private constant XML_SPECIAL =
        CONTROL_AND_NON_ASCII | (1 << 0x22) | (1 << 0x26) | (1 << 0x27) | (1 << 0x3c) | (1 << 0x3e);

    /// @notice `s` escaped for the inside of a JSON string literal (quotes not included).
    function json(string memory s) internal pure returns (string memory) {
        return _escape(bytes(s), false, NO_LIMIT);
    }

    /// @notice `s` escaped for XML text or a quoted attribute value.
    function xml(string memory s) internal pure returns (string memory) {
        return _escape(bytes(s), true, NO_LIMIT);
    }

    /// @notice {xml} of at most `maxChars` code points of `s`, plus an ellipsis if it was cut.
    function xml(string memory s, uint256 maxChars) internal pure returns (string memory) {
        return _escape(bytes(s), true, maxChars);
    }

    function _escape(bytes memory s, bool isXml, uint256 maxChars) private pure returns (string memory) {
        // Fast path, the common case: no byte needs escaping or repair and nothing is cut.
        if (s.length <= maxChars && !_anySpecial(s, isXml ? XML_SPECIAL : JSON_SPECIAL)) return string(s);
        uint256 n = _pass(s, isXml, maxChars, false, "");
        // 32 bytes of slack: writes store whole words, the tail of which later writes overwrite.
        bytes memory out = new bytes(n + 32);
        _pass(s, isXml, maxChars, true, out);
        assembly ("memory-safe") {
            mstore(out, n)
        }
        return string(out);
    }

    /// @dev Whether any byte of `s` is flagged in the 256-bit set `special` (~25 gas a byte).
    function _anySpecial(bytes memory s, uint256 special) private pure returns (bool found) {
        assembly ("memory-safe") {
            let p := add(s, 32)
            let end := add(p, mload(s))
            let hits := 0
            for {} lt(p, end) { p := add(p, 1) } { hits := or(hits, shr(byte(0, mload(p)), special)) }
            found := and(hits, 1)
        }
    }

    /// @dev Counts (`write` false) or writes the escaped form of `s`; returns its length.
    function _pass(bytes memory s, bool isXml, uint256 maxChars, bool write, bytes memory out)
        private
        pure
        returns (uint256 j)
    {
        uint256 len = s.length;
        uint256 i;
        uint256 chars;
        while (i < len) {
            if (chars == maxChars) {
                j = _put(out, write, j, ELLIPSIS, 3);
                break;
            }
            unchecked {
                ++chars;
            }
            uint8 b;
            assembly ("memory-safe") {
                b := byte(0, mload(add(add(s, 32), i)))
            }
            if (b < 0x80) {
                unchecked {
                    ++i;
                }
                bytes32 r;
                uint256 rl;
                if (isXml) (r, rl) = _xmlEscape(b);
                else (r, rl) = _jsonEscape(b);
                j = rl == 0 ? _put(out, write, j, bytes32(bytes1(b)), 1) : _put(out, write, j, r, rl);
            } else {
                uint256 n = _utf8SequenceLength(s, i, len);
                if (n == 0) {
                    j = _put(out, write, j, REPLACEMENT, 3);
                    unchecked {
                        ++i;
                    }
                } else {
                    bytes32 seq;
                    assembly ("memory-safe") {
                        seq := mload(add(add(s, 32), i))
                    }
                    j = _put(out, write, j, seq, n);
                    unchecked {
                        i += n;
                    }
                }
            }
        }
    }

    /// @dev Writes the first `rl` bytes of `r` at `out[j]` (a whole word is stored; see the slack).
    function _put(bytes memory out, bool write, uint256 j, bytes32 r, uint256 rl) private pure returns (uint256) {
        if (write) {
            assembly ("memory-safe") {
                mstore(add(add(out, 32), j), r)
            }
        }
        unchecked {
            return j + rl;
        }
    }

    /// @dev The escape of ASCII byte `b` in JSON, or length 0 when it stands as is.
    function _jsonEscape(uint8 b) private pure returns (bytes32, uint256) {
        if (b == 0x22) return ('\\"', 2);
        if (b == 0x5c) return ("\\\\", 2);
        if (b >= 0x20) return (0, 0);
        if (b == 0x0a) return ("\\n", 2);
        if (b == 0x0d) return ("\\r", 2);
        if (b == 0x09) return ("\\t", 2);
        bytes32 r = bytes32("\\u00") | (bytes32(HEX[b >> 4]) >> 32) | (bytes32(HEX[b & 15]) >> 40);
        return (r, 6);
    }

    /// @dev The escape of ASCII byte `b` in XML, or length 0 when it stands as is.
    function _xmlEscape(uint8 b) private pure returns (bytes32, uint256) {
        if (b == 0x26) return ("&amp;", 5);
        if (b == 0x3c) return ("&lt;", 4);
        if (b == 0x3e) return ("&gt;", 4);
        if (b == 0x22) return ("&quot;", 6);
        if (b == 0x27) return ("&#39;", 5);
        if (b < 0x20) return (" ", 1);
        return (0, 0);
    }

    /// @dev Length of the well-formed UTF-8 sequence starting at `s[i]` (a non-ASCII byte), or 0
    /// if it is not one (Unicode table 3-7).
    function _utf8SequenceLength(bytes memory s, uint256 i, uint256 len) private pure returns (uint256 n) {
        uint8 b = uint8(s[i]);
        uint8 lo = 0x80;
        uint8 hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            n = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            n = 3;
            if (b == 0xe0) lo = 0xa0; // no overlongs
            else if (b == 0xed) hi = 0x9f; // no surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            n = 4;
            if (b == 0xf0) lo = 0x90; // no overlongs
            else if (b == 0xf4) hi = 0x8f; // nothing past U+10FFFF
        } else {
            return 0;
        }
        if (len - i < n) return 0;
        uint8 c = uint8(s[i + 1]);
        if (c < lo || c > hi) return 0;
        for (uint256 k = 2; k < n; ++k) {
            c = uint8(s[i + k]);
            if (c < 0x80 || c > 0xbf) return 0;
        }
    }
}
