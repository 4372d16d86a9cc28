// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Test-only RFC 4648 base64 decoder (standard alphabet, `=` padding required), to read
/// back the renderer's data URIs. Reverts on any malformed input, so a test also proves the
/// encoding is well formed.
library Base64Decode {
    function decode(string memory s) internal pure returns (bytes memory out) {
        bytes memory b = bytes(s);
        require(b.length % 4 == 0, "base64: length");
        if (b.length == 0) return out;
        uint256 pad;
        if (b[b.length - 1] == "=") ++pad;
        if (b[b.length - 2] == "=") ++pad;
        out = new bytes((b.length / 4) * 3 - pad);
        uint256 j;
        for (uint256 i; i < b.length; i += 4) {
            uint256 n = (_value(b[i]) << 18) | (_value(b[i + 1]) << 12);
            bool last = i + 4 == b.length;
            bool pad2 = last && pad >= 1;
            bool pad1 = last && pad == 2;
            if (!pad1) n |= _value(b[i + 2]) << 6;
            else require(b[i + 2] == "=", "base64: padding");
            if (!pad2) n |= _value(b[i + 3]);
            out[j++] = bytes1(uint8(n >> 16));
            if (!pad1) out[j++] = bytes1(uint8(n >> 8));
            if (!pad2) out[j++] = bytes1(uint8(n));
        }
    }

    /// @notice The payload of `uri` after `prefix` (which it must start with), decoded.
    function decodeDataUri(string memory uri, string memory prefix) internal pure returns (string memory) {
        bytes memory u = bytes(uri);
        bytes memory p = bytes(prefix);
        require(u.length >= p.length, "data uri: too short");
        for (uint256 i; i < p.length; ++i) {
            require(u[i] == p[i], "data uri: prefix");
        }
        bytes memory payload = new bytes(u.length - p.length);
        for (uint256 i; i < payload.length; ++i) {
            payload[i] = u[p.length + i];
        }
        return string(decode(string(payload)));
    }

    function _value(bytes1 c) private pure returns (uint256) {
        uint8 x = uint8(c);
        if (x >= 65 && x <= 90) return x - 65; // A-Z
        if (x >= 97 && x <= 122) return x - 71; // a-z
        if (x >= 48 && x <= 57) return x + 4; // 0-9
        if (x == 43) return 62; // +
        if (x == 47) return 63; // /
        revert("base64: character");
    }
}
