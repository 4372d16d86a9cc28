// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {IAssetRegistry} from "../../src/interfaces/IAssetRegistry.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {IMarketRateOracle} from "../../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../../src/oracle/MarketRateOracle.sol";
import {DefaultThresholds} from "../../src/types/HashpowerTypes.sol";
import {MockRenderer} from "../mocks/MockRenderer.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Constructor, governance setters (caps, events, access) and the remaining views.
contract GovernanceTest is UnitHelpers {
    bytes32 internal governorRole;

    function setUp() public override {
        super.setUp();
        governorRole = exchange.GOVERNOR_ROLE();
    }

    function _expectUnauthorized(address who) internal {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, governorRole)
        );
        vm.prank(who);
    }

    function _registry() internal view returns (IAssetRegistry) {
        return IAssetRegistry(address(assets));
    }

    // ------------------------------------------------------------------ constructor

    function test_Constructor_SetsRolesParametersAndEmits() public {
        vm.expectEmit();
        emit IHashpowerExchange.FeeRecipientSet(address(0), treasury);
        vm.expectEmit();
        emit IHashpowerExchange.OracleSet(address(oracle));
        vm.expectEmit();
        emit IHashpowerExchange.ChannelFeeSet(0, 250);
        vm.expectEmit();
        emit IHashpowerExchange.DefaultThresholdsSet(7, 7, 8_000, 5_000, 10);
        HashpowerExchange x =
            new HashpowerExchange(governor, treasury, IMarketRateOracle(address(oracle)), _registry(), 250);

        vm.assertTrue(x.hasRole(x.DEFAULT_ADMIN_ROLE(), governor));
        vm.assertTrue(x.hasRole(x.GOVERNOR_ROLE(), governor));
        vm.assertFalse(x.hasRole(x.REGISTRAR_ROLE(), governor));
        vm.assertEq(x.feeRecipient(), treasury);
        vm.assertEq(address(x.oracle()), address(oracle));
        vm.assertEq(uint256(x.channelFeeBps()), 250);
        DefaultThresholds memory t = x.defaultThresholds();
        vm.assertEq(t.missedDaysThreshold, 7);
        vm.assertEq(t.windowDays, 7);
        vm.assertEq(t.minRewardRatioBps, 8_000);
        vm.assertEq(t.minCoverageBps, 5_000);
        vm.assertEq(t.postTermFlagDays, 10);
        vm.assertEq(x.name(), "DMEX Hashpower Position");
        vm.assertEq(x.symbol(), "DMEX-HP");
        vm.assertEq(uint256(x.MAX_CHANNEL_FEE_BPS()), 1_000);
        vm.assertEq(x.REWARD_PRECISION(), 1e12);
        vm.assertEq(x.positionCount(), 0);
        vm.assertEq(x.offeringCount(), 0);
        vm.assertEq(address(x.assets()), address(assets));
    }

    function test_Constructor_AcceptsMaximumFee() public {
        HashpowerExchange x =
            new HashpowerExchange(governor, treasury, IMarketRateOracle(address(oracle)), _registry(), 1_000);
        vm.assertEq(uint256(x.channelFeeBps()), 1_000);
    }

    function test_RevertWhen_ConstructedWithZeroAdmin() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        new HashpowerExchange(address(0), treasury, IMarketRateOracle(address(oracle)), _registry(), 500);
    }

    function test_RevertWhen_ConstructedWithZeroFeeRecipient() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        new HashpowerExchange(governor, address(0), IMarketRateOracle(address(oracle)), _registry(), 500);
    }

    function test_RevertWhen_ConstructedWithZeroOracle() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        new HashpowerExchange(governor, treasury, IMarketRateOracle(address(0)), _registry(), 500);
    }

    function test_RevertWhen_ConstructedWithZeroAssetRegistry() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        new HashpowerExchange(governor, treasury, IMarketRateOracle(address(oracle)), IAssetRegistry(address(0)), 500);
    }

    function test_RevertWhen_ConstructedWithFeeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_FeeTooHigh.selector, 1_001, 1_000));
        new HashpowerExchange(governor, treasury, IMarketRateOracle(address(oracle)), _registry(), 1_001);
    }

    // ------------------------------------------------------------------ setChannelFee

    function test_SetChannelFee_UpdatesAndEmits() public {
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.ChannelFeeSet(500, 1_000);
        vm.prank(governor);
        exchange.setChannelFee(1_000);
        vm.assertEq(uint256(exchange.channelFeeBps()), 1_000);
    }

    function test_RevertWhen_ChannelFeeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_FeeTooHigh.selector, 1_001, 1_000));
        vm.prank(governor);
        exchange.setChannelFee(1_001);
    }

    function test_RevertWhen_NonGovernorSetsChannelFee() public {
        _expectUnauthorized(alice);
        exchange.setChannelFee(1);
    }

    // ------------------------------------------------------------------ setFeeRecipient

    function test_SetFeeRecipient_UpdatesAndEmits() public {
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.FeeRecipientSet(treasury, carol);
        vm.prank(governor);
        exchange.setFeeRecipient(carol);
        vm.assertEq(exchange.feeRecipient(), carol);
    }

    function test_RevertWhen_FeeRecipientIsZero() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        vm.prank(governor);
        exchange.setFeeRecipient(address(0));
    }

    function test_RevertWhen_NonGovernorSetsFeeRecipient() public {
        _expectUnauthorized(treasury);
        exchange.setFeeRecipient(treasury);
    }

    // ------------------------------------------------------------------ setDefaultThresholds

    function test_SetDefaultThresholds_UpdatesAndEmits() public {
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.DefaultThresholdsSet(3, 5, 10_000, 0, 60);
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(3, 5, 10_000, 0, 60));
        DefaultThresholds memory t = exchange.defaultThresholds();
        vm.assertEq(t.missedDaysThreshold, 3);
        vm.assertEq(t.windowDays, 5);
        vm.assertEq(t.minRewardRatioBps, 10_000);
        vm.assertEq(t.minCoverageBps, 0);
        vm.assertEq(t.postTermFlagDays, 60);
    }

    function test_SetDefaultThresholds_AcceptsEveryBound() public {
        vm.startPrank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(1, 1, 1, 0, 1)); // the lowest of each
        exchange.setDefaultThresholds(DefaultThresholds(30, 8, 10_000, 10_000, 60)); // the highest
        exchange.setDefaultThresholds(DefaultThresholds(7, 7, 8_000, 8_000, 7)); // coverage = ratio, post-term = missed
        vm.stopPrank();
        DefaultThresholds memory t = exchange.defaultThresholds();
        vm.assertEq(t.minCoverageBps, 8_000);
        vm.assertEq(t.postTermFlagDays, 7);
    }

    function _expectInvalidThresholds(DefaultThresholds memory t) internal {
        vm.expectRevert(IExchangeErrors.Exchange_InvalidThresholds.selector);
        vm.prank(governor);
        exchange.setDefaultThresholds(t);
    }

    function test_RevertWhen_MissedDaysThresholdIsZero() public {
        _expectInvalidThresholds(DefaultThresholds(0, 7, 8_000, 0, 60));
    }

    function test_RevertWhen_MissedDaysThresholdAboveThirty() public {
        _expectInvalidThresholds(DefaultThresholds(31, 7, 8_000, 0, 60));
    }

    function test_RevertWhen_WindowDaysIsZero() public {
        _expectInvalidThresholds(DefaultThresholds(7, 0, 8_000, 0, 60));
    }

    function test_RevertWhen_WindowDaysAboveWhatTheWindowHolds() public {
        _expectInvalidThresholds(DefaultThresholds(7, 9, 8_000, 0, 60));
    }

    function test_RevertWhen_CoverageFloorAboveRewardRatio() public {
        _expectInvalidThresholds(DefaultThresholds(7, 7, 8_000, 8_001, 60));
    }

    function test_RevertWhen_PostTermFlagDaysShorterThanMissedDays() public {
        // an uncovered last day must still become flaggable after the term
        _expectInvalidThresholds(DefaultThresholds(7, 7, 8_000, 5_000, 6));
    }

    function test_RevertWhen_PostTermFlagDaysAboveSixty() public {
        _expectInvalidThresholds(DefaultThresholds(7, 7, 8_000, 5_000, 61));
    }

    function test_RevertWhen_MinRewardRatioIsZero() public {
        _expectInvalidThresholds(DefaultThresholds(7, 7, 0, 0, 60));
    }

    function test_RevertWhen_MinRewardRatioAboveOneHundredPercent() public {
        _expectInvalidThresholds(DefaultThresholds(7, 7, 10_001, 0, 60));
    }

    function test_RevertWhen_NonGovernorSetsThresholds() public {
        _expectUnauthorized(miner);
        exchange.setDefaultThresholds(DefaultThresholds(30, 30, 1, 0, 60));
    }

    // ------------------------------------------------------------------ token listings

    function test_SetPaymentToken_ListsDelistsAndEmits() public {
        vm.assertTrue(exchange.isPaymentToken(address(usdt)), "the fixture listed USDT");
        vm.assertFalse(exchange.isPaymentToken(address(ifil)));
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.PaymentTokenSet(address(ifil), true);
        vm.prank(governor);
        exchange.setPaymentToken(address(ifil), true);
        vm.assertTrue(exchange.isPaymentToken(address(ifil)));
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.PaymentTokenSet(address(ifil), false);
        vm.prank(governor);
        exchange.setPaymentToken(address(ifil), false);
        vm.assertFalse(exchange.isPaymentToken(address(ifil)));
    }

    function test_RevertWhen_ListingZeroAddressPaymentToken() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        vm.prank(governor);
        exchange.setPaymentToken(address(0), true);
    }

    function test_RevertWhen_NonGovernorListsPaymentToken() public {
        _expectUnauthorized(registrar);
        exchange.setPaymentToken(address(ifil), true);
    }

    // ------------------------------------------------------------------ setRenderer / tokenURI

    function test_SetRenderer_EmitsAndRefreshesAllMetadata() public {
        _buy(alice, offeringId, 1);
        _buy(bob, offeringId, 1);
        MockRenderer r = new MockRenderer();
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RendererSet(address(r));
        vm.expectEmit(address(exchange));
        emit IERC4906.BatchMetadataUpdate(1, 2);
        vm.prank(governor);
        exchange.setRenderer(address(r));
        vm.assertEq(address(exchange.renderer()), address(r));
        vm.assertEq(exchange.tokenURI(2), string.concat("data:test,", Strings.toHexString(address(exchange)), "/2"));
    }

    function test_GivenNoPositions_SetRendererEmitsNoBatchUpdate() public {
        vm.recordLogs();
        vm.prank(governor);
        exchange.setRenderer(address(1));
        vm.assertEq(vm.getRecordedLogs().length, 1, "RendererSet only");
    }

    function test_GivenNoRenderer_TokenUriIsEmpty() public {
        _buy(alice, offeringId, 1);
        vm.assertEq(exchange.tokenURI(1), "");
        address r = address(new MockRenderer());
        vm.prank(governor);
        exchange.setRenderer(r);
        vm.assertTrue(bytes(exchange.tokenURI(1)).length != 0);
        vm.prank(governor);
        exchange.setRenderer(address(0)); // unset again
        vm.assertEq(exchange.tokenURI(1), "");
    }

    function test_RevertWhen_TokenUriOfNonexistentPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 1));
        exchange.tokenURI(1);
    }

    function test_RevertWhen_NonGovernorSetsRenderer() public {
        _expectUnauthorized(alice);
        exchange.setRenderer(alice);
    }

    // ------------------------------------------------------------------ setOracle

    function test_SetOracle_SwitchesTheJudge() public {
        MarketRateOracle next = new MarketRateOracle(governor);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.OracleSet(address(next));
        vm.prank(governor);
        exchange.setOracle(address(next));
        vm.assertEq(address(exchange.oracle()), address(next));

        _buy(alice, offeringId, 10);
        _warpToDay(TERM_START + 1);
        _report(TERM_START, MARKET_FIL_WAD); // reported to the old oracle only
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_MarketRateNotReported.selector, filAsset, TERM_START)
        );
        vm.prank(miner);
        exchange.depositReward(offeringId, 1e18);
    }

    function test_RevertWhen_OracleIsZero() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        vm.prank(governor);
        exchange.setOracle(address(0));
    }

    function test_RevertWhen_NonGovernorSetsOracle() public {
        _expectUnauthorized(reporter);
        exchange.setOracle(reporter);
    }

    // ------------------------------------------------------------------ roles and views

    function test_AdminGrantsRegistrarAndGuardianRoles() public {
        bytes32 role = exchange.REGISTRAR_ROLE();
        vm.prank(governor);
        exchange.grantRole(role, carol);
        vm.prank(carol);
        exchange.createOffering(_terms(miner, 1, PRICE, TERM_START, TERM_END));
        vm.assertEq(exchange.offeringCount(), 2);
    }

    function test_RevertWhen_NonAdminGrantsRoles() public {
        bytes32 role = exchange.REGISTRAR_ROLE();
        bytes32 admin = exchange.DEFAULT_ADMIN_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, registrar, admin)
        );
        vm.prank(registrar);
        exchange.grantRole(role, carol);
    }

    function test_CurrentDay_IsTimestampOverDay() public {
        vm.assertEq(_currentDay(), START_DAY);
        vm.warp((START_DAY + 5) * DAY - 1);
        vm.assertEq(_currentDay(), START_DAY + 4);
        vm.warp((START_DAY + 5) * DAY);
        vm.assertEq(_currentDay(), START_DAY + 5);
    }

    function test_SupportsInterface_Erc721Erc4906AccessControlErc165() public view {
        vm.assertTrue(exchange.supportsInterface(0x80ac58cd), "ERC-721");
        vm.assertTrue(exchange.supportsInterface(0x5b5e139f), "ERC-721 metadata");
        vm.assertTrue(exchange.supportsInterface(0x49064906), "ERC-4906");
        vm.assertTrue(exchange.supportsInterface(type(IAccessControl).interfaceId), "AccessControl");
        vm.assertTrue(exchange.supportsInterface(0x01ffc9a7), "ERC-165");
        vm.assertFalse(exchange.supportsInterface(0xffffffff));
        vm.assertFalse(exchange.supportsInterface(type(IHashpowerExchange).interfaceId));
    }

    function test_RevertWhen_GettingNonexistentPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        exchange.getPosition(5);
    }

    function test_Views_PositionsEscrowNetPriceAndStartWithTheTerm() public {
        _warpToDay(TERM_START - 1);
        uint256 t = _buy(carol, offeringId, 3);
        vm.assertEq(_netPaidOf(t), 3 * NET_PER_UNIT);
        vm.assertEq(_startDayOf(t), TERM_START, "every position starts with its term");
        _warpToDay(TERM_START + 40);
        vm.assertEq(_startDayOf(t), TERM_START);
    }
}
