// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {DateTime} from "./DateTime.sol";
import {Escape} from "./Escape.sol";

/// @notice Everything a position card shows, gathered once from the exchange. Text fields are
/// raw (unescaped): each output format escapes them for itself.
struct CardData {
    uint256 tokenId;
    uint256 offeringId;
    uint256 units;
    uint256 termStartDay;
    uint256 termEndDay;
    uint256 purchaseDay;
    uint256 daysLeft;
    /// @dev Share of the term elapsed, in basis points [0, 10000].
    uint256 elapsedBps;
    address miner;
    string minerName;
    string assetSymbol;
    string unitLabel;
    string status;
    /// @dev `#rrggbb` of the status pill and progress bar; a constant, never user data.
    string statusColor;
    /// @dev Escrowed amount, e.g. "36.1 USDT" (symbol unescaped).
    string escrowed;
    /// @dev Claimable rewards, e.g. "0.02 IFIL" (symbol unescaped).
    string claimable;
}

/// @title SvgCard
/// @notice The SVG card of a position (400x560): dark gradient, DMEX wordmark, asset symbol, big
/// units with their label, miner name, term dates with a progress bar of the term elapsed, status
/// pill in its status color, token and offering ids. Every piece of user text is XML-escaped and
/// cut to fit the layout.
library SvgCard {
    uint256 private constant BAR_WIDTH = 336;

    function render(CardData memory c) internal pure returns (string memory) {
        return string.concat(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 560" width="400" height="560" '
            'font-family="Helvetica,Arial,sans-serif">',
            '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b1020"/>'
            '<stop offset="1" stop-color="#1a2440"/></linearGradient></defs>'
            '<rect width="400" height="560" rx="24" fill="url(#bg)"/>'
            '<rect x="12" y="12" width="376" height="536" rx="16" fill="none" stroke="#fff" stroke-opacity=".08"/>',
            _header(c),
            _body(c),
            _term(c),
            _footer(c),
            "</svg>"
        );
    }

    function _header(CardData memory c) private pure returns (string memory) {
        return string.concat(
            '<text x="32" y="62" fill="#fff" font-size="28" font-weight="800" letter-spacing="6">DMEX</text>'
            '<text x="368" y="62" fill="#94a3b8" font-size="16" text-anchor="end">#',
            Strings.toString(c.tokenId),
            '</text><text x="32" y="88" fill="#64748b" font-size="11" letter-spacing="3">HASHPOWER POSITION</text>'
        );
    }

    function _body(CardData memory c) private pure returns (string memory) {
        string memory units = Strings.toString(c.units);
        uint256 digits = bytes(units).length;
        string memory size = digits <= 5 ? "72" : digits <= 8 ? "48" : "30";
        return string.concat(
            '<text x="32" y="170" fill="#38bdf8" font-size="22" font-weight="700" letter-spacing="2">',
            Escape.xml(c.assetSymbol, 12),
            '</text><text x="32" y="250" fill="#fff" font-weight="700" font-size="',
            size,
            '">',
            units,
            '<tspan dx="10" font-size="26" font-weight="400" fill="#94a3b8">',
            Escape.xml(c.unitLabel, 10),
            '</tspan></text><text x="32" y="296" fill="#cbd5e1" font-size="17">',
            Escape.xml(c.minerName, 30),
            "</text>"
        );
    }

    function _term(CardData memory c) private pure returns (string memory) {
        uint256 filled = (BAR_WIDTH * c.elapsedBps) / 10_000;
        return string.concat(
            '<text x="32" y="372" fill="#64748b" font-size="11" letter-spacing="2">TERM</text>'
            '<text x="32" y="396" fill="#e2e8f0" font-size="15">',
            DateTime.toIsoDate(c.termStartDay),
            " \xe2\x86\x92 ", // U+2192 rightwards arrow
            DateTime.toIsoDate(c.termEndDay),
            '</text><rect x="32" y="414" width="336" height="8" rx="4" fill="#1e293b"/><rect x="32" y="414" width="',
            Strings.toString(filled),
            '" height="8" rx="4" fill="',
            c.statusColor,
            '"/><text x="32" y="444" fill="#94a3b8" font-size="12">',
            Strings.toString(c.elapsedBps / 100),
            '% elapsed</text><text x="368" y="444" fill="#94a3b8" font-size="12" text-anchor="end">',
            Strings.toString(c.daysLeft),
            " days left</text>"
        );
    }

    function _footer(CardData memory c) private pure returns (string memory) {
        return string.concat(
            '<rect x="32" y="484" width="116" height="30" rx="15" fill="',
            c.statusColor,
            '" fill-opacity=".15" stroke="',
            c.statusColor,
            '"/><text x="90" y="504" fill="',
            c.statusColor,
            '" font-size="13" font-weight="700" text-anchor="middle">',
            c.status,
            '</text><text x="368" y="504" fill="#64748b" font-size="12" text-anchor="end">Offering #',
            Strings.toString(c.offeringId),
            "</text>"
        );
    }
}
