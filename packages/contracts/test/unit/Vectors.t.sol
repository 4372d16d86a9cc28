// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, Offering} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";

/// @notice Replays the shared vectors of test/vectors/exchange-scenarios.json (written by the web
/// app's lib, apps/web/scripts/gen-vectors.ts, and checked by its vitest suite) against the real
/// exchange: the web app's escrow, reward and default math must give the contract's figures.
/// @dev Two file formats. The current one (decision 0013: `offering.minCoverageBps` present) must
/// replay every scenario and gives each one's `windowShare` and packed `recentShares`. The legacy
/// one (written before 0013, still in the repository until the generator is updated) holds
/// scenarios the new rules reject — purchases after the term start, deposits under the coverage
/// floor. Nothing is skipped silently: each legacy scenario that breaks a rule must be named in
/// `_knownStale`, and is replayed up to the event the rules reject, which must revert with exactly
/// the error derived here from the rules (SaleClosed, DepositBelowMinimum); every other scenario is
/// replayed in full. The legacy `lowStreak` field has no counterpart any more (flaggable's fourth
/// value is the window's average share) and is the one field not compared; a {FieldNotCompared}
/// event says so for each scenario.
contract VectorsTest is UnitHelpers {
    uint256 internal constant BUY = 0;
    uint256 internal constant DEPOSIT = 1;
    uint256 internal constant FLAG = 2;
    uint256 internal constant HALT = 3;
    uint256 internal constant CLAIM = 4;
    uint256 internal constant WITHDRAW = 5;

    /// @dev The fixture's coverage floor (DefaultThresholds.minCoverageBps).
    uint256 internal constant MIN_COVERAGE_BPS = 5_000;

    /// @notice A legacy scenario the new rules reject, replayed up to the rejected event.
    event StaleVector(string name, uint256 eventIndex, string reason);
    /// @notice A field of a legacy scenario the contract has no counterpart for.
    event FieldNotCompared(string name, string field);

    string internal json;

    function setUp() public override {
        super.setUp();
        json = vm.readFile(string.concat(vm.projectRoot(), "/test/vectors/exchange-scenarios.json"));
    }

    /// @dev The legacy scenarios that break decision 0013's rules (see the contract notes).
    function _knownStale() internal pure returns (string[5] memory) {
        return [
            "same-day cohort before the term, deposits split by units, buy mid-term",
            "indivisible nets, pending cohort folded by a later buy, withdrawal",
            "term over: exactly the total net is released",
            "missed deposits: flag, halt, refunds rounded in the holders' favour",
            "a deposit at the threshold resets the low streak"
        ];
    }

    function _isKnownStale(string memory name) internal pure returns (bool) {
        string[5] memory stale = _knownStale();
        for (uint256 i; i < stale.length; ++i) {
            if (keccak256(bytes(stale[i])) == keccak256(bytes(name))) return true;
        }
        return false;
    }

    function _currentFormat() internal view returns (bool) {
        return vm.keyExistsJson(json, ".offering.minCoverageBps");
    }

    function test_Vectors_FixtureMatchesTheRecordedOffering() public view {
        vm.assertEq(vm.parseJsonUint(json, ".offering.termStartDay"), TERM_START);
        vm.assertEq(vm.parseJsonUint(json, ".offering.termEndDay"), TERM_END);
        vm.assertEq(vm.parseJsonUint(json, ".offering.pricePerUnit"), PRICE);
        vm.assertEq(vm.parseJsonUint(json, ".offering.feeBps"), FEE_BPS);
        vm.assertEq(vm.parseJsonUint(json, ".offering.marketAvgWad"), MARKET_FIL_WAD);
        if (_currentFormat()) {
            DefaultThresholds memory t = exchange.defaultThresholds();
            vm.assertEq(vm.parseJsonUint(json, ".offering.missedDaysThreshold"), t.missedDaysThreshold);
            vm.assertEq(vm.parseJsonUint(json, ".offering.windowDays"), t.windowDays);
            vm.assertEq(vm.parseJsonUint(json, ".offering.minRewardRatioBps"), t.minRewardRatioBps);
            vm.assertEq(vm.parseJsonUint(json, ".offering.minCoverageBps"), t.minCoverageBps);
            vm.assertEq(vm.parseJsonUint(json, ".offering.postTermFlagDays"), t.postTermFlagDays);
            vm.assertEq(t.minCoverageBps, MIN_COVERAGE_BPS);
        }
    }

    function test_Vectors_ContractReproducesEveryScenario() public {
        bool current = _currentFormat();
        uint256 count;
        uint256 replayed;
        uint256 stale;
        while (vm.keyExistsJson(json, _key(count, ""))) {
            string memory name = vm.parseJsonString(json, _key(count, ".name"));
            (bool rejected, uint256 at, bytes memory err, string memory reason) = _firstRejectedEvent(count);
            uint256 snapshot = vm.snapshotState();
            if (rejected) {
                vm.assertFalse(current, string.concat(name, ": a current-format vector breaks the rules"));
                vm.assertTrue(_isKnownStale(name), string.concat(name, ": breaks the rules but is not a known stale vector"));
                _applyEvents(count, at, err);
                emit StaleVector(name, at, reason);
                ++stale;
            } else {
                vm.assertFalse(_isKnownStale(name), string.concat(name, ": replays now, drop it from _knownStale"));
                (uint256[] memory tokenIds, uint256 positions) = _applyEvents(count, type(uint256).max, "");
                _warpToDay(vm.parseJsonUint(json, _key(count, ".checkDay")));
                _checkOffering(count, name, current);
                _checkPositions(count, name, tokenIds, positions);
                ++replayed;
            }
            vm.revertToState(snapshot);
            ++count;
        }
        vm.assertGt(count, 4, "the vector file lists the scenarios");
        vm.assertGt(replayed, 0, "at least one scenario replays in full");
        if (!current) vm.assertEq(stale, _knownStale().length, "every known stale vector was found and rejected");
    }

    function _key(uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".scenarios[", vm.toString(i), "]", field);
    }

    /// @dev The first event of scenario `i` the rules reject, and the exact error the exchange must
    /// give, derived from the rules (not by calling the exchange): a purchase once the sale closed at
    /// the term start; a deposit worth under the coverage floor of the fixture's market.
    function _firstRejectedEvent(uint256 i)
        internal
        view
        returns (bool rejected, uint256 at, bytes memory err, string memory reason)
    {
        uint256[] memory kinds = vm.parseJsonUintArray(json, _key(i, ".kinds"));
        uint256[] memory onDay = vm.parseJsonUintArray(json, _key(i, ".days"));
        uint256[] memory values = vm.parseJsonUintArray(json, _key(i, ".values"));
        Offering memory o = exchange.getOffering(offeringId);
        uint256 units;
        uint256 nextDay = TERM_START;
        for (uint256 k; k < kinds.length; ++k) {
            if (kinds[k] == BUY) {
                // _warpToDay lands at noon: on or after TERM_START that is past saleEnd = TERM_START * DAY
                if (onDay[k] >= TERM_START) {
                    err = abi.encodeWithSelector(IHashpowerExchange.SaleClosed.selector, offeringId, o.saleStart, o.saleEnd);
                    return (true, k, err, "purchase after the term started (sales close at the term start)");
                }
                units += values[k];
            } else if (kinds[k] == DEPOSIT) {
                uint256 perUnitWad = values[k] * WAD / units;
                uint256 share = perUnitWad >= MARKET_FIL_WAD ? 1_000 : perUnitWad * 1_000 / MARKET_FIL_WAD;
                if (share * 10 < MIN_COVERAGE_BPS) {
                    err = abi.encodeWithSelector(
                        IHashpowerExchange.DepositBelowMinimum.selector, offeringId, nextDay, share, MIN_COVERAGE_BPS
                    );
                    return (true, k, err, "deposit under the 50% coverage floor");
                }
                ++nextDay;
            }
        }
    }

    /// @dev Applies the events of scenario `i`; the event at `rejectAt` must revert with `err`, and
    /// replay stops there.
    function _applyEvents(uint256 i, uint256 rejectAt, bytes memory err)
        internal
        returns (uint256[] memory tokenIds, uint256 positions)
    {
        uint256[] memory kinds = vm.parseJsonUintArray(json, _key(i, ".kinds"));
        uint256[] memory onDay = vm.parseJsonUintArray(json, _key(i, ".days"));
        uint256[] memory values = vm.parseJsonUintArray(json, _key(i, ".values"));
        address[3] memory buyers = [alice, bob, carol];
        tokenIds = new uint256[](kinds.length);
        for (uint256 k; k < kinds.length; ++k) {
            if (_today() != onDay[k]) _warpToDay(onDay[k]);
            if (k == rejectAt) {
                if (kinds[k] == DEPOSIT) _report(exchange.getOffering(offeringId).lastCoveredDay + 1, MARKET_FIL_WAD);
                vm.expectRevert(err);
            }
            if (kinds[k] == BUY) {
                vm.prank(buyers[positions % 3]);
                tokenIds[positions] = exchange.buy(offeringId, values[k], type(uint256).max, address(0));
                ++positions;
            } else if (kinds[k] == DEPOSIT) {
                if (k == rejectAt) {
                    vm.prank(miner);
                    exchange.depositReward(offeringId, values[k]);
                } else {
                    _deposit(offeringId, values[k]);
                }
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
            if (k == rejectAt) return (tokenIds, positions);
        }
    }

    function _checkOffering(uint256 i, string memory name, bool current) internal {
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
        (bool canFlag,, uint256 missedDays, uint256 windowShare) = exchange.flaggable(offeringId);
        vm.assertEq(canFlag, vm.parseJsonBool(json, _key(i, ".canFlag")), string.concat(name, ": flaggable"));
        vm.assertEq(missedDays, vm.parseJsonUint(json, _key(i, ".missedDays")), string.concat(name, ": missed days"));
        if (current) {
            vm.assertEq(
                windowShare, vm.parseJsonUint(json, _key(i, ".windowShare")), string.concat(name, ": window share")
            );
            vm.assertEq(
                exchange.getOffering(offeringId).recentShares,
                vm.parseJsonUint(json, _key(i, ".recentShares")),
                string.concat(name, ": packed window")
            );
        } else {
            vm.assertTrue(vm.keyExistsJson(json, _key(i, ".lowStreak")), string.concat(name, ": legacy lowStreak"));
            emit FieldNotCompared(name, "lowStreak");
        }
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
