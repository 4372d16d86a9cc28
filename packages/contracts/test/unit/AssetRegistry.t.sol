// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IAssetRegistryErrors} from "../../src/errors/AssetErrors.sol";
import {AssetRegistry} from "../../src/assets/AssetRegistry.sol";
import {IAssetRegistry} from "../../src/interfaces/IAssetRegistry.sol";
import {Asset, OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice The asset registry: roles, registerAsset, setRewardToken and their views, events and validation.
contract AssetRegistryTest is UnitHelpers {
    function _expectUnauthorized(address who) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, who, assets.GOVERNOR_ROLE()
            )
        );
        vm.prank(who);
    }

    // ------------------------------------------------------------------ constructor

    function test_Constructor_GivesAdminAndGovernorRolesAndStartsEmpty() public {
        AssetRegistry r = new AssetRegistry(governor);
        vm.assertTrue(r.hasRole(r.DEFAULT_ADMIN_ROLE(), governor));
        vm.assertTrue(r.hasRole(r.GOVERNOR_ROLE(), governor));
        vm.assertEq(r.GOVERNOR_ROLE(), keccak256("GOVERNOR_ROLE"));
        vm.assertEq(uint256(r.assetCount()), 0);
        vm.assertEq(r.getAsset(1).symbol, "");
    }

    function test_RevertWhen_ConstructedWithZeroAdmin() public {
        vm.expectRevert(IAssetRegistryErrors.Assets_ZeroAddress.selector);
        new AssetRegistry(address(0));
    }

    function test_Exchange_ReadsThisRegistry() public view {
        vm.assertEq(address(exchange.assets()), address(assets));
    }

    // ------------------------------------------------------------------ registerAsset

    function test_RegisterAsset_AssignsNextIdStoresLabelsAndEmits() public {
        vm.expectEmit(address(assets));
        emit IAssetRegistry.AssetRegistered(3, "ALEO", "Mc/s");
        vm.prank(governor);
        uint32 id = assets.registerAsset("ALEO", "Mc/s");
        vm.assertEq(uint256(id), 3);
        vm.assertEq(uint256(assets.assetCount()), 3);
        Asset memory a = assets.getAsset(3);
        vm.assertEq(a.symbol, "ALEO");
        vm.assertEq(a.unitLabel, "Mc/s");
        vm.assertEq(assets.getAsset(filAsset).symbol, "FIL");
        vm.assertEq(assets.getAsset(btcAsset).unitLabel, "TH/s");
    }

    function test_RevertWhen_RegisteringAssetWithEmptySymbol() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistryErrors.Assets_EmptyLabel.selector));
        vm.prank(governor);
        assets.registerAsset("", "TiB");
    }

    function test_RevertWhen_RegisteringAssetWithEmptyUnitLabel() public {
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistryErrors.Assets_EmptyLabel.selector));
        vm.prank(governor);
        assets.registerAsset("FIL", "");
    }

    function test_RevertWhen_NonGovernorRegistersAsset() public {
        _expectUnauthorized(registrar);
        assets.registerAsset("X", "Y");
        vm.assertEq(uint256(assets.assetCount()), 2);
    }

    function test_ExchangeGovernorHasNoPowerOverTheRegistryByItself() public {
        address exchangeOnly = makeAddr("exchangeOnly");
        vm.startPrank(governor);
        exchange.grantRole(exchange.GOVERNOR_ROLE(), exchangeOnly);
        vm.stopPrank();
        _expectUnauthorized(exchangeOnly);
        assets.registerAsset("X", "Y");
    }

    // ------------------------------------------------------------------ setRewardToken

    function test_SetRewardToken_IsPerAssetAndEmits() public {
        vm.assertTrue(assets.isRewardToken(filAsset, address(ifil)));
        vm.assertFalse(assets.isRewardToken(btcAsset, address(ifil)), "listed for FIL only");
        vm.expectEmit(address(assets));
        emit IAssetRegistry.RewardTokenSet(btcAsset, address(ifil), true);
        vm.prank(governor);
        assets.setRewardToken(btcAsset, address(ifil), true);
        vm.assertTrue(assets.isRewardToken(btcAsset, address(ifil)));
        vm.expectEmit(address(assets));
        emit IAssetRegistry.RewardTokenSet(btcAsset, address(ifil), false);
        vm.prank(governor);
        assets.setRewardToken(btcAsset, address(ifil), false);
        vm.assertFalse(assets.isRewardToken(btcAsset, address(ifil)));
        vm.assertTrue(assets.isRewardToken(filAsset, address(ifil)), "the other asset's listing is untouched");
    }

    function test_RevertWhen_ListingZeroAddressOrForUnknownAsset() public {
        vm.expectRevert(IAssetRegistryErrors.Assets_ZeroAddress.selector);
        vm.prank(governor);
        assets.setRewardToken(filAsset, address(0), true);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistryErrors.Assets_UnknownAsset.selector, 0));
        vm.prank(governor);
        assets.setRewardToken(0, address(ifil), true);
        vm.expectRevert(abi.encodeWithSelector(IAssetRegistryErrors.Assets_UnknownAsset.selector, 3));
        vm.prank(governor);
        assets.setRewardToken(3, address(ifil), true);
    }

    function test_RevertWhen_NonGovernorListsRewardToken() public {
        _expectUnauthorized(miner);
        assets.setRewardToken(btcAsset, address(ifil), true);
    }

    function test_ANewAssetWithAListedToken_CanBeOfferedOnTheExchange() public {
        vm.startPrank(governor);
        uint32 aleo = assets.registerAsset("ALEO", "Mc/s");
        assets.setRewardToken(aleo, address(ifil), true);
        vm.stopPrank();
        OfferingTerms memory t = _terms(miner, 10, PRICE, TERM_START, TERM_END);
        t.assetId = aleo;
        vm.prank(registrar);
        uint256 id = exchange.createOffering(t);
        vm.assertEq(uint256(exchange.getOffering(id).assetId), uint256(aleo));
    }
}
