// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {EscrowMath} from "./EscrowMath.sol";
import {Offering, OfferingStatus, OfferingTerms} from "../types/HashpowerTypes.sol";

/// @title OfferingFactory
/// @notice Validates and stores a new offering. A linked (external) library: offering creation is
/// rare, so its code lives outside the exchange and keeps the exchange under the EIP-170 size limit
/// without slowing the hot paths (buy, claim, deposit, withdraw stay internal).
library OfferingFactory {
    uint256 private constant BPS = 10_000;
    uint256 private constant DAY = 1 days;

    /// @notice Checks `terms`, writes them into `o` with the channel fee snapshotted, emits {OfferingCreated}.
    function create(
        Offering storage o,
        uint256 offeringId,
        OfferingTerms calldata terms,
        uint16 feeBps,
        uint32 assetCount
    ) external {
        if (terms.miner == address(0) || terms.paymentToken == address(0) || terms.rewardToken == address(0)) {
            revert IHashpowerExchange.ZeroAddress();
        }
        if (terms.assetId == 0 || terms.assetId > assetCount) revert IHashpowerExchange.UnknownAsset(terms.assetId);
        if (terms.unitsTotal == 0) revert IHashpowerExchange.InvalidTerms("unitsTotal");
        if (terms.saleStart >= terms.saleEnd) revert IHashpowerExchange.InvalidTerms("sale window");
        if (
            terms.termStartDay == 0 || terms.termStartDay >= terms.termEndDay
                || terms.termEndDay - terms.termStartDay > EscrowMath.MAX_TERM_DAYS
        ) {
            revert IHashpowerExchange.InvalidTerms("term");
        }
        // The last buyer must still get a release day: purchase day + 1 < termEndDay.
        if (uint256(terms.saleEnd) > (uint256(terms.termEndDay) - 1) * DAY) {
            revert IHashpowerExchange.InvalidTerms("sale ends too late");
        }
        uint256 netPrice = terms.pricePerUnit - (uint256(terms.pricePerUnit) * feeBps) / BPS;
        if (netPrice == 0) revert IHashpowerExchange.InvalidTerms("price");

        o.miner = terms.miner;
        o.assetId = terms.assetId;
        o.termStartDay = terms.termStartDay;
        o.termEndDay = terms.termEndDay;
        o.paymentToken = terms.paymentToken;
        o.saleStart = terms.saleStart;
        o.saleEnd = terms.saleEnd;
        o.rewardToken = terms.rewardToken;
        o.unitsTotal = terms.unitsTotal;
        o.status = OfferingStatus.Active;
        o.pricePerUnit = terms.pricePerUnit;
        o.netPricePerUnit = uint128(netPrice);
        o.expectedDailyRewardPerUnitWad = terms.expectedDailyRewardPerUnitWad;
        o.lastCoveredDay = terms.termStartDay - 1;
        o.feeBps = feeBps;
        o.minerName = terms.minerName;
        o.metadataURI = terms.metadataURI;

        emit IHashpowerExchange.OfferingCreated(offeringId, terms.miner, terms.assetId, terms, netPrice, feeBps);
    }
}
