// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {IPositionRenderer} from "../interfaces/IPositionRenderer.sol";
import {Asset, Offering, OfferingStatus, Position} from "../types/HashpowerTypes.sol";
import {DateTime} from "./libraries/DateTime.sol";
import {Escape} from "./libraries/Escape.sol";
import {CardData, SvgCard} from "./libraries/SvgCard.sol";
import {TokenFormat} from "./libraries/TokenFormat.sol";

/// @title PositionRenderer
/// @notice Fully on-chain ERC-721 metadata of DMEX hashpower positions: a base64 JSON data URI
/// with an SVG card as its image. Stateless; reads only the exchange's external views, so one
/// deployment serves any exchange and can be swapped by governance ({IHashpowerExchange-setRenderer}).
/// @dev Offering text (miner name), asset labels and token symbols are untrusted: each is escaped
/// for the format it lands in (JSON here, XML in {SvgCard}), never concatenated raw.
/// Status, by precedence: Refunded (position refunded) > Halted > Flagged (offering) > Locked
/// (position held by a locker) > Term ended (today >= term end) > Active.
contract PositionRenderer is IPositionRenderer {
    /// @inheritdoc IPositionRenderer
    /// @dev Reverts for a token that does not exist (the exchange's `getPosition` does).
    function tokenURI(address exchange, uint256 tokenId) external view returns (string memory) {
        CardData memory c = _load(IHashpowerExchange(exchange), tokenId);
        string memory image = Base64.encode(bytes(SvgCard.render(c)));
        // From here on the text fields hold their JSON-escaped forms, escaped once each.
        c.minerName = Escape.json(c.minerName);
        c.assetSymbol = Escape.json(c.assetSymbol);
        c.unitLabel = Escape.json(c.unitLabel);
        c.escrowed = Escape.json(c.escrowed);
        c.claimable = Escape.json(c.claimable);
        bytes memory json = bytes(
            string.concat(
                '{"name":"DMEX Hashpower #',
                Strings.toString(tokenId),
                " - ",
                Strings.toString(c.units),
                " ",
                c.unitLabel,
                " ",
                c.assetSymbol,
                '","description":"',
                _description(c),
                '","image":"data:image/svg+xml;base64,',
                image,
                '","attributes":[',
                _attributes(c),
                "]}"
            )
        );
        return string.concat("data:application/json;base64,", Base64.encode(json));
    }

    function _load(IHashpowerExchange ex, uint256 tokenId) private view returns (CardData memory c) {
        Position memory p = ex.getPosition(tokenId);
        Offering memory o = ex.getOffering(p.offeringId);
        Asset memory a = ex.assets().getAsset(o.assetId);
        uint256 today = block.timestamp / 1 days;

        c.tokenId = tokenId;
        c.offeringId = p.offeringId;
        c.units = p.units;
        c.termStartDay = o.termStartDay;
        c.termEndDay = o.termEndDay;
        c.purchaseDay = p.purchaseDay;
        c.miner = o.miner;
        c.minerName = o.minerName;
        c.assetSymbol = a.symbol;
        c.unitLabel = a.unitLabel;

        uint256 from = today > o.termStartDay ? today : o.termStartDay;
        c.daysLeft = o.termEndDay > from ? o.termEndDay - from : 0;
        uint256 termLength = o.termEndDay - o.termStartDay; // the exchange enforces start < end
        c.elapsedBps = termLength == 0 ? 0 : ((termLength - c.daysLeft) * 10_000) / termLength;

        (c.status, c.statusColor) = _status(p, o, ex.lockedBy(tokenId) != address(0), today);
        c.escrowed = _amount(o.paymentToken, ex.positionNet(tokenId));
        c.claimable = _amount(o.rewardToken, ex.claimableRewards(tokenId));
    }

    function _status(Position memory p, Offering memory o, bool locked, uint256 today)
        private
        pure
        returns (string memory, string memory)
    {
        if (p.refunded) return ("Refunded", "#a78bfa");
        if (o.status == OfferingStatus.Halted) return ("Halted", "#ef4444");
        if (o.status == OfferingStatus.Flagged) return ("Flagged", "#f59e0b");
        if (locked) return ("Locked", "#38bdf8");
        if (today >= o.termEndDay) return ("Term ended", "#94a3b8");
        return ("Active", "#22c55e");
    }

    function _amount(address token, uint256 amount) private view returns (string memory) {
        return
            string.concat(
                TokenFormat.formatUnits(amount, TokenFormat.decimalsOf(token)), " ", TokenFormat.symbolOf(token)
            );
    }

    /// @dev `c` text fields already JSON-escaped.
    function _description(CardData memory c) private pure returns (string memory) {
        return string.concat(
            Strings.toString(c.units),
            " ",
            c.unitLabel,
            " of ",
            c.assetSymbol,
            " hashpower from ",
            c.minerName,
            ", term ",
            DateTime.toIsoDate(c.termStartDay),
            " to ",
            DateTime.toIsoDate(c.termEndDay),
            ". The payment is escrowed and released to the miner day by day; mining rewards follow this NFT."
        );
    }

    /// @dev `c` text fields already JSON-escaped.
    function _attributes(CardData memory c) private pure returns (string memory) {
        return string.concat(
            string.concat(
                _text("Miner", c.minerName),
                ",",
                _text("Miner address", Strings.toHexString(c.miner)),
                ",",
                _text("Asset", c.assetSymbol),
                ",",
                _number("Units", c.units),
                ",",
                _text("Unit", c.unitLabel),
                ",",
                _text("Term start", DateTime.toIsoDate(c.termStartDay)),
                ",",
                _text("Term end", DateTime.toIsoDate(c.termEndDay)),
                ","
            ),
            _number("Days left", c.daysLeft),
            ",",
            _text("Status", c.status),
            ",",
            _number("Offering id", c.offeringId),
            ",",
            _text("Purchase day", DateTime.toIsoDate(c.purchaseDay)),
            ",",
            _text("Escrowed", c.escrowed),
            ",",
            _text("Claimable rewards", c.claimable)
        );
    }

    /// @dev `value` must already be JSON-escaped.
    function _text(string memory trait, string memory value) private pure returns (string memory) {
        return string.concat('{"trait_type":"', trait, '","value":"', value, '"}');
    }

    function _number(string memory trait, uint256 value) private pure returns (string memory) {
        return
            string.concat('{"trait_type":"', trait, '","display_type":"number","value":', Strings.toString(value), "}");
    }
}
