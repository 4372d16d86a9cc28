// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {
    DefaultThresholds,
    Offering,
    OfferingStatus,
    OfferingTerms,
    FlagReason
} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice createOffering: storage, events and every validation (assets: AssetRegistry.t.sol).
contract OfferingsTest is UnitHelpers {
    // ------------------------------------------------------------------ createOffering

    function test_CreateOffering_StoresTermsSnapshotsFeeAndEmits() public {
        OfferingTerms memory t = _terms(carol, 500, 20e6, TERM_START + 10, TERM_END);
        t.assetId = btcAsset;
        t.rewardToken = address(wbtc);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OfferingCreated(2, carol, btcAsset, t, 19e6, 500);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.HoldbackSet(2, 7);
        uint256 id = _createWith(t);

        vm.assertEq(id, 2);
        vm.assertEq(exchange.offeringCount(), 2);
        Offering memory o = exchange.getOffering(id);
        vm.assertEq(o.miner, carol);
        vm.assertEq(uint256(o.assetId), uint256(btcAsset));
        vm.assertEq(o.termStartDay, TERM_START + 10);
        vm.assertEq(o.termEndDay, TERM_END);
        vm.assertEq(o.paymentToken, address(usdt));
        vm.assertEq(o.rewardToken, address(wbtc));
        vm.assertEq(o.saleStart, t.saleStart);
        vm.assertEq(o.saleEnd, t.saleEnd);
        vm.assertEq(o.unitsTotal, 500);
        vm.assertEq(o.unitsSold, 0);
        vm.assertTrue(o.status == OfferingStatus.Active);
        vm.assertEq(o.pricePerUnit, 20e6);
        vm.assertEq(o.netPricePerUnit, 19e6);
        vm.assertEq(o.expectedDailyRewardPerUnitWad, EXPECTED_FIL_WAD);
        vm.assertEq(o.accRewardPerUnit, 0);
        vm.assertEq(o.lastCoveredDay, TERM_START + 9, "day before the term");
        vm.assertEq(o.recentShares, 0);
        vm.assertEq(o.holdbackDays, 7, "the missed-days threshold, snapshotted");
        vm.assertEq(o.frozenDay, 0);
        vm.assertEq(o.flaggedOnDay, 0);
        vm.assertTrue(o.flagReason == FlagReason.None);
        vm.assertEq(o.feeBps, 500);
        vm.assertEq(o.totalNet, 0);
        vm.assertEq(o.minerName, "Lotus Ridge Storage");
        vm.assertEq(o.metadataURI, "ipfs://disclosure");
    }

    function test_CreateOffering_AcceptsSaleEndingExactlyAtTermStart() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        // forge-lint: disable-next-line(unsafe-typecast)
        t.saleEnd = uint48(TERM_START * DAY);
        uint256 id = _createWith(t);
        vm.warp(t.saleEnd - 1); // the last moment to buy: the term's eve
        uint256 tokenId = _buy(alice, id, 1);
        vm.assertEq(_startDayOf(tokenId), TERM_START, "the last buyer gets the whole term too");
    }

    function test_CreateOffering_AllowsOneDayTerm() public {
        uint256 id = _createOffering(miner, 1, PRICE, TERM_START, TERM_START + 1);
        vm.assertEq(exchange.getOffering(id).termEndDay, TERM_START + 1);
        vm.assertEq(exchange.getOffering(id).holdbackDays, 1, "the holdback never exceeds the term");
    }

    function test_CreateOffering_HoldbackIsTheThresholdAtCreationAtMostTheTerm() public {
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(12, 7, 8_000, 5_000, 20));
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.HoldbackSet(2, 12);
        uint256 twelve = _createOffering(miner, 1, PRICE, TERM_START, TERM_END);
        uint256 short = _createOffering(miner, 1, PRICE, TERM_START, TERM_START + 5);
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(3, 7, 8_000, 5_000, 10));
        vm.assertEq(exchange.getOffering(twelve).holdbackDays, 12, "a snapshot: later changes leave it");
        vm.assertEq(exchange.getOffering(short).holdbackDays, 5);
        vm.assertEq(exchange.getOffering(offeringId).holdbackDays, 7);
        vm.assertEq(exchange.getOffering(_createOffering(miner, 1, PRICE, TERM_START, TERM_END)).holdbackDays, 3);
    }

    // ------------------------------------------------------------------ listed tokens and validateTerms

    function test_RevertWhen_PaymentTokenNotListed() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.paymentToken = address(ifil);
        _expectCreateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_PaymentTokenNotListed.selector, address(ifil))
        );
    }

    function test_RevertWhen_RewardTokenListedOnlyForAnotherAsset() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.rewardToken = address(wbtc); // listed for BTC, not FIL
        _expectCreateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_RewardTokenNotListed.selector, filAsset, address(wbtc))
        );
    }

    function test_GivenTokenDelisted_NewOfferingsRevertAndTheCheckOrderIsKept() public {
        vm.startPrank(governor);
        exchange.setPaymentToken(address(usdt), false);
        assets.setRewardToken(filAsset, address(ifil), false);
        vm.stopPrank();
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        _expectCreateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_PaymentTokenNotListed.selector, address(usdt))
        );
        _listPaymentToken(address(usdt));
        _expectCreateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_RewardTokenNotListed.selector, filAsset, address(ifil))
        );
        t.assetId = 3; // an unknown asset is reported before any listing
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownAsset.selector, 3));
    }

    function test_ValidateTerms_ReturnsForValidTermsAndCreatesNothing() public view {
        exchange.validateTerms(_terms(miner, 1, PRICE, TERM_START, TERM_END));
        vm.assertEq(exchange.offeringCount(), 1);
    }

    /// @dev validateTerms must revert exactly as createOffering does, for every rule.
    function test_ValidateTerms_RevertsWithTheErrorCreateOfferingReverts() public {
        OfferingTerms[] memory bad = new OfferingTerms[](10);
        for (uint256 i; i < bad.length; ++i) {
            bad[i] = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        }
        bad[0].miner = address(0);
        bad[1].assetId = 7;
        bad[2].paymentToken = address(wbtc);
        bad[3].rewardToken = address(usdt);
        bad[4].unitsTotal = 0;
        bad[5].saleStart = bad[5].saleEnd;
        bad[6].termEndDay = uint32(TERM_START);
        bad[7].saleEnd = uint48(TERM_START * DAY + 1);
        bad[8].pricePerUnit = 0;
        bad[9].termEndDay = uint32(TERM_START + 3_651);
        for (uint256 i; i < bad.length; ++i) {
            bytes memory viaValidate = _revertData(abi.encodeCall(exchange.validateTerms, (bad[i])), address(0));
            bytes memory viaCreate = _revertData(abi.encodeCall(exchange.createOffering, (bad[i])), registrar);
            vm.assertTrue(viaValidate.length >= 4, "validateTerms reverted");
            vm.assertEq(viaValidate, viaCreate);
        }
    }

    function _revertData(bytes memory call, address sender) internal returns (bytes memory ret) {
        bool ok;
        if (sender != address(0)) vm.prank(sender);
        (ok, ret) = address(exchange).call(call);
        vm.assertFalse(ok, "must revert");
    }

    function test_CreateOffering_AcceptsTenYearTerm() public {
        uint256 id = _createOffering(miner, 1, PRICE, TERM_START, TERM_START + 3_650);
        vm.assertEq(exchange.getOffering(id).termEndDay, TERM_START + 3_650);
    }

    function test_RevertWhen_TermLongerThanTenYears() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_START + 3_651);
        _expectCreateRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_InvalidTerm.selector, t.termStartDay, t.termEndDay, 3_650)
        );
    }

    function test_GetOffering_UnknownIdIsEmpty() public view {
        vm.assertTrue(exchange.getOffering(77).status == OfferingStatus.None);
    }

    function _expectCreateRevert(OfferingTerms memory t, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(registrar);
        exchange.createOffering(t);
    }

    function test_RevertWhen_NonRegistrarCreatesOffering() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, governor, exchange.REGISTRAR_ROLE()
            )
        );
        vm.prank(governor);
        exchange.createOffering(t);
    }

    function test_RevertWhen_OfferingMinerIsZero() public {
        OfferingTerms memory t = _terms(address(0), 1, PRICE, TERM_START, TERM_END);
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_ZeroAddress.selector));
    }

    function test_RevertWhen_OfferingPaymentTokenIsZero() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.paymentToken = address(0);
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_ZeroAddress.selector));
    }

    function test_RevertWhen_OfferingRewardTokenIsZero() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.rewardToken = address(0);
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_ZeroAddress.selector));
    }

    function test_RevertWhen_OfferingAssetIsZero() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.assetId = 0;
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownAsset.selector, 0));
    }

    function test_RevertWhen_OfferingAssetIsUnregistered() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.assetId = 3;
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownAsset.selector, 3));
    }

    function test_RevertWhen_OfferingHasZeroUnits() public {
        OfferingTerms memory t = _terms(miner, 0, PRICE, TERM_START, TERM_END);
        _expectCreateRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_ZeroUnitsTotal.selector));
    }

    function test_RevertWhen_SaleStartEqualsSaleEnd() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.saleStart = t.saleEnd;
        _expectCreateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_EmptySaleWindow.selector, t.saleStart, t.saleEnd)
        );
    }

    function test_RevertWhen_SaleStartAfterSaleEnd() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        t.saleStart = t.saleEnd + 1;
        _expectCreateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_EmptySaleWindow.selector, t.saleStart, t.saleEnd)
        );
    }

    function test_RevertWhen_TermStartDayIsZero() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, 0, TERM_END);
        (t.saleStart, t.saleEnd) = (0, 1); // a sale window that closes by day 0, so the term rule is reached
        _expectCreateRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_InvalidTerm.selector, t.termStartDay, t.termEndDay, 3_650)
        );
    }

    function test_RevertWhen_TermStartEqualsTermEnd() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_END, TERM_END);
        _expectCreateRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_InvalidTerm.selector, t.termStartDay, t.termEndDay, 3_650)
        );
    }

    function test_RevertWhen_TermStartAfterTermEnd() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_END + 1, TERM_END);
        _expectCreateRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_InvalidTerm.selector, t.termStartDay, t.termEndDay, 3_650)
        );
    }

    function test_RevertWhen_SaleEndsAfterTermStarts() public {
        OfferingTerms memory t = _terms(miner, 1, PRICE, TERM_START, TERM_END);
        // forge-lint: disable-next-line(unsafe-typecast)
        t.saleEnd = uint48(TERM_START * DAY + 1);
        _expectCreateRevert(
            t,
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_SaleEndsAfterTermStart.selector, t.saleEnd, uint256(t.termStartDay) * DAY
            )
        );
    }

    function test_RevertWhen_PriceIsZero() public {
        OfferingTerms memory t = _terms(miner, 1, 0, TERM_START, TERM_END);
        _expectCreateRevert(
            t,
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_ZeroNetPrice.selector, t.pricePerUnit, exchange.channelFeeBps()
            )
        );
    }
}
