// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice Replays the shared vectors of test/vectors/exchange-scenarios.json (written by the web
/// app's lib, apps/web/scripts/gen-vectors.ts, and checked by its vitest suite) against the real
/// exchange: the web app's escrow, reward and default math must give the contract's figures.
contract VectorsTest is UnitHelpers {
    uint256 internal constant BUY = 0;
    uint256 internal constant DEPOSIT = 1;
    uint256 internal constant FLAG = 2;
    uint256 internal constant HALT = 3;
    uint256 internal constant CLAIM = 4;
    uint256 internal constant WITHDRAW = 5;

    string internal json;

    function setUp() public override {
        super.setUp();
        json = vm.readFile(string.concat(vm.projectRoot(), "/test/vectors/exchange-scenarios.json"));
    }

    function test_Vectors_FixtureMatchesTheRecordedOffering() public view {
        vm.assertEq(vm.parseJsonUint(json, ".offering.termStartDay"), TERM_START);
        vm.assertEq(vm.parseJsonUint(json, ".offering.termEndDay"), TERM_END);
        vm.assertEq(vm.parseJsonUint(json, ".offering.pricePerUnit"), PRICE);
        vm.assertEq(vm.parseJsonUint(json, ".offering.feeBps"), FEE_BPS);
        vm.assertEq(vm.parseJsonUint(json, ".offering.marketAvgWad"), MARKET_FIL_WAD);
    }

    function test_Vectors_ContractReproducesEveryScenario() public {
        uint256 count;
        while (vm.keyExistsJson(json, _key(count, ""))) {
            uint256 snapshot = vm.snapshotState();
            _replay(count);
            vm.revertToState(snapshot);
            ++count;
        }
        vm.assertGt(count, 4, "the vector file lists the scenarios");
    }

    function _key(uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".scenarios[", vm.toString(i), "]", field);
    }

    function _replay(uint256 i) internal {
        string memory name = vm.parseJsonString(json, _key(i, ".name"));
        (uint256[] memory tokenIds, uint256 positions) = _applyEvents(i);
        _warpToDay(vm.parseJsonUint(json, _key(i, ".checkDay")));
        _checkOffering(i, name);
        _checkPositions(i, name, tokenIds, positions);
    }

    function _applyEvents(uint256 i) internal returns (uint256[] memory tokenIds, uint256 positions) {
        uint256[] memory kinds = vm.parseJsonUintArray(json, _key(i, ".kinds"));
        uint256[] memory onDay = vm.parseJsonUintArray(json, _key(i, ".days"));
        uint256[] memory values = vm.parseJsonUintArray(json, _key(i, ".values"));
        address[3] memory buyers = [alice, bob, carol];
        tokenIds = new uint256[](kinds.length);
        for (uint256 k; k < kinds.length; ++k) {
            if (_today() != onDay[k]) _warpToDay(onDay[k]);
            if (kinds[k] == BUY) {
                tokenIds[positions] = _buy(buyers[positions % 3], offeringId, values[k]);
                ++positions;
            } else if (kinds[k] == DEPOSIT) {
                _deposit(offeringId, values[k]);
            } else if (kinds[k] == FLAG) {
                exchange.flag(offeringId);
            } else if (kinds[k] == HALT) {
                vm.prank(governor);
                exchange.halt(offeringId);
            } else if (kinds[k] == CLAIM) {
                uint256 tokenId = tokenIds[values[k]];
                vm.prank(exchange.ownerOf(tokenId));
                exchange.claimRewards(_ids(tokenId));
            } else if (kinds[k] == WITHDRAW) {
                vm.prank(miner);
                exchange.withdrawEscrow(offeringId, miner);
            } else {
                revert("unknown event kind");
            }
        }
    }

    function _checkOffering(uint256 i, string memory name) internal view {
        (uint256 released, uint256 releasedDay) = exchange.releasedToDate(offeringId);
        vm.assertEq(released, vm.parseJsonUint(json, _key(i, ".released")), string.concat(name, ": released"));
        vm.assertEq(releasedDay, vm.parseJsonUint(json, _key(i, ".releasedDay")), string.concat(name, ": released day"));
        vm.assertEq(
            exchange.withdrawableEscrow(offeringId),
            vm.parseJsonUint(json, _key(i, ".withdrawable")),
            string.concat(name, ": withdrawable")
        );
        vm.assertEq(
            exchange.getOffering(offeringId).accRewardPerUnit,
            vm.parseJsonUint(json, _key(i, ".accRewardPerUnit")),
            string.concat(name, ": accumulator")
        );
        (bool canFlag,, uint256 missedDays, uint256 lowStreak) = exchange.flaggable(offeringId);
        vm.assertEq(canFlag, vm.parseJsonBool(json, _key(i, ".canFlag")), string.concat(name, ": flaggable"));
        vm.assertEq(missedDays, vm.parseJsonUint(json, _key(i, ".missedDays")), string.concat(name, ": missed days"));
        vm.assertEq(lowStreak, vm.parseJsonUint(json, _key(i, ".recentShares")), string.concat(name, ": low streak"));
    }

    function _checkPositions(uint256 i, string memory name, uint256[] memory tokenIds, uint256 positions) internal view {
        uint256[] memory startDays = vm.parseJsonUintArray(json, _key(i, ".startDays"));
        uint256[] memory claimable = vm.parseJsonUintArray(json, _key(i, ".claimable"));
        uint256[] memory refundable = vm.parseJsonUintArray(json, _key(i, ".refundable"));
        vm.assertEq(startDays.length, positions, string.concat(name, ": positions"));
        for (uint256 p; p < positions; ++p) {
            string memory label = string.concat(name, ": position ", vm.toString(p));
            vm.assertEq(exchange.startDayOf(tokenIds[p]), startDays[p], string.concat(label, " start day"));
            vm.assertEq(exchange.claimableRewards(tokenIds[p]), claimable[p], string.concat(label, " claimable"));
            vm.assertEq(exchange.refundableOf(tokenIds[p]), refundable[p], string.concat(label, " refundable"));
        }
    }
}
