// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IExchangeErrors} from "../errors/ExchangeErrors.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {LockPayouts, Offering, OfferingStatus, Position} from "../types/HashpowerTypes.sol";

/// @title PrimaryAuctionSales
/// @notice The exchange's side of primary auctions: reserving units of an offering for an auction, and
/// selling them to its winner into the daily-release escrow (or releasing them). A linked library like
/// DefaultMonitor: auctions are rare next to buys, so this code lives outside the exchange's size limit;
/// the exchange keeps only the mint. See docs/decisions/0017-trading.md.
library PrimaryAuctionSales {
    uint256 private constant BPS = 10_000;
    uint256 private constant DAY = 1 days;

    /// @notice Reserves `units` of `miner`'s active offering while its sale is open; they count as sold.
    function reserve(
        Offering storage o,
        mapping(uint256 => uint256) storage reserved,
        uint256 offeringId,
        uint256 units,
        address miner
    ) public returns (address paymentToken, uint256 saleEnd) {
        if (o.status != OfferingStatus.Active) {
            if (o.status == OfferingStatus.None) {
                revert IExchangeErrors.Exchange_UnknownOffering(offeringId);
            }
            revert IExchangeErrors.Exchange_OfferingNotActive(offeringId, o.status);
        }
        if (block.timestamp < o.saleStart || block.timestamp >= o.saleEnd) {
            revert IExchangeErrors.Exchange_SaleClosed(offeringId, o.saleStart, o.saleEnd);
        }
        if (o.miner != miner) revert IExchangeErrors.Exchange_NotMiner(offeringId, miner);
        if (units == 0) revert IExchangeErrors.Exchange_ZeroUnits();
        uint256 available = o.unitsTotal - o.unitsSold;
        if (units > available) revert IExchangeErrors.Exchange_InsufficientUnits(offeringId, units, available);
        o.unitsSold = uint40(o.unitsSold + units);
        reserved[offeringId] += units;
        emit IHashpowerExchange.UnitsReserved(offeringId, msg.sender, units);
        return (o.paymentToken, o.saleEnd);
    }

    /// @notice Takes reserved units back. Returns true if they must instead be minted to the miner at no
    /// price: once a deposit was made, the units already shared it, and taking them back would strand it.
    function release(
        Offering storage o,
        mapping(uint256 => uint256) storage reserved,
        uint256 offeringId,
        uint256 units
    ) public returns (bool mintToMiner) {
        if (o.lastCoveredDay >= o.termStartDay) return true;
        _take(reserved, offeringId, units);
        o.unitsSold = uint40(o.unitsSold - units);
        emit IHashpowerExchange.ReservedUnitsReleased(offeringId, msg.sender, units);
    }

    /// @dev One sale's figures, grouped to keep the stack shallow.
    struct Sold {
        uint256 offeringId;
        uint256 tokenId;
        uint256 units;
        uint256 paid;
        uint256 fee;
        uint256 net;
        uint256 today;
        uint256 startDay;
    }

    /// @notice Books the sale of reserved units for `paid` (the fee is the offering's snapshot, rounded
    /// down as in a fixed-price sale) and writes the new position `tokenId`; the exchange mints it and
    /// records `paid - fee` as the position's escrowed net.
    /// @return fee The channel fee taken from `paid`.
    function sell(
        Offering storage o,
        Position storage p,
        mapping(uint256 => uint256) storage reserved,
        uint256 offeringId,
        uint256 tokenId,
        uint256 units,
        address buyer,
        uint256 paid
    ) public returns (uint256 fee) {
        _take(reserved, offeringId, units);
        Sold memory sold = Sold(offeringId, tokenId, units, paid, 0, 0, block.timestamp / DAY, o.termStartDay);
        sold.fee = (paid * o.feeBps) / BPS;
        sold.net = paid - sold.fee;
        uint256 totalNet = o.totalNet + sold.net;
        if (totalNet > type(uint96).max) {
            revert IExchangeErrors.Exchange_EscrowCapacityExceeded(offeringId, totalNet, type(uint96).max);
        }
        o.totalNet = uint128(totalNet);
        o.feesAccrued += SafeCast.toUint128(sold.fee);
        // Every unit started on termStartDay and has shared every deposit since: no snapshot to take.
        p.offeringId = uint32(offeringId);
        p.units = uint40(units);
        p.purchaseDay = uint32(sold.today);
        p.lockPayouts = LockPayouts.TO_OWNER;
        _emitSold(sold, buyer);
        return sold.fee;
    }

    function _emitSold(Sold memory s, address buyer) private {
        emit IHashpowerExchange.PositionPurchased(
            s.tokenId, s.offeringId, buyer, address(0), s.units, s.paid, s.fee, s.net, s.today, s.startDay, 0
        );
    }

    function _take(mapping(uint256 => uint256) storage reserved, uint256 offeringId, uint256 units) private {
        uint256 left = reserved[offeringId];
        if (units == 0 || units > left) revert IExchangeErrors.Exchange_InsufficientUnits(offeringId, units, left);
        reserved[offeringId] = left - units;
    }
}
