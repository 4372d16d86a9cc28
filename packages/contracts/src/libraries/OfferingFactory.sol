// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IExchangeErrors} from "../errors/ExchangeErrors.sol";
import {IAssetRegistry} from "../interfaces/IAssetRegistry.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {EscrowMath} from "./EscrowMath.sol";
import {Offering, OfferingStatus, OfferingTerms} from "../types/HashpowerTypes.sol";

/// @title OfferingFactory
/// @notice Validates and stores a new offering. A linked (external) library: offering creation is
/// rare, so its code lives outside the exchange and keeps the exchange under the EIP-170 size limit
/// without slowing the hot paths (buy, claim, deposit, withdraw stay internal). The same checks run
/// for {IHashpowerExchange-validateTerms}, which miner applications call before a vote.
library OfferingFactory {
    uint256 private constant BPS = 10_000;
    uint256 private constant DAY = 1 days;

    /// @notice What validation needs from the exchange besides the terms.
    struct Rules {
        uint16 feeBps;
        IAssetRegistry assets; // asset existence and reward-token listings
        uint16 holdbackDays; // the current missed-days threshold
    }

    /// @notice Reverts with the first rule `terms` break; returns the net price per unit.
    function validate(
        OfferingTerms calldata terms,
        Rules calldata rules,
        mapping(address => bool) storage paymentTokens
    ) public view returns (uint256 netPrice) {
        if (terms.miner == address(0) || terms.paymentToken == address(0) || terms.rewardToken == address(0)) {
            revert IExchangeErrors.Exchange_ZeroAddress();
        }
        if (terms.assetId == 0 || terms.assetId > rules.assets.assetCount()) {
            revert IExchangeErrors.Exchange_UnknownAsset(terms.assetId);
        }
        // Listed per asset: an 18-decimal "BTC" would be judged 10^10 too generously against the oracle.
        if (!paymentTokens[terms.paymentToken]) {
            revert IExchangeErrors.Exchange_PaymentTokenNotListed(terms.paymentToken);
        }
        if (!rules.assets.isRewardToken(terms.assetId, terms.rewardToken)) {
            revert IExchangeErrors.Exchange_RewardTokenNotListed(terms.assetId, terms.rewardToken);
        }
        if (terms.unitsTotal == 0) revert IExchangeErrors.Exchange_ZeroUnitsTotal();
        if (terms.saleStart >= terms.saleEnd) {
            revert IExchangeErrors.Exchange_EmptySaleWindow(terms.saleStart, terms.saleEnd);
        }
        if (
            terms.termStartDay == 0 || terms.termStartDay >= terms.termEndDay
                || terms.termEndDay - terms.termStartDay > EscrowMath.MAX_TERM_DAYS
        ) {
            revert IExchangeErrors.Exchange_InvalidTerm(terms.termStartDay, terms.termEndDay, EscrowMath.MAX_TERM_DAYS);
        }
        // Every buyer gets the whole term it pays for: the sale closes when the term starts.
        if (uint256(terms.saleEnd) > uint256(terms.termStartDay) * DAY) {
            revert IExchangeErrors.Exchange_SaleEndsAfterTermStart(terms.saleEnd, uint256(terms.termStartDay) * DAY);
        }
        netPrice = terms.pricePerUnit - (uint256(terms.pricePerUnit) * rules.feeBps) / BPS;
        if (netPrice == 0) revert IExchangeErrors.Exchange_ZeroNetPrice(terms.pricePerUnit, rules.feeBps);
    }

    /// @notice Checks `terms`, writes them into `o` with the channel fee and the end-of-term holdback
    /// snapshotted, emits {OfferingCreated}.
    function create(
        Offering storage o,
        uint256 offeringId,
        OfferingTerms calldata terms,
        Rules calldata rules,
        mapping(address => bool) storage paymentTokens
    ) external {
        uint256 netPrice = validate(terms, rules, paymentTokens);
        uint256 termDays = terms.termEndDay - terms.termStartDay;

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
        o.holdbackDays = uint8(rules.holdbackDays < termDays ? rules.holdbackDays : termDays);
        o.pricePerUnit = terms.pricePerUnit;
        o.netPricePerUnit = uint128(netPrice);
        o.expectedDailyRewardPerUnitWad = terms.expectedDailyRewardPerUnitWad;
        o.lastCoveredDay = terms.termStartDay - 1;
        o.feeBps = rules.feeBps;
        o.minerName = terms.minerName;
        o.metadataURI = terms.metadataURI;

        emit IHashpowerExchange.OfferingCreated(offeringId, terms.miner, terms.assetId, terms, netPrice, rules.feeBps);
        emit IHashpowerExchange.HoldbackSet(offeringId, o.holdbackDays);
    }
}
