// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, Offering} from "../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Replays the shared vectors of test/vectors/exchange-scenarios.json (written by the one
/// TypeScript copy of the money math, packages/money-math/scripts/gen-vectors.ts, and checked by its
/// vitest suite) against the real exchange: that math must give the contract's figures.
/// @dev The file must be in the format of decision 0013 (the five thresholds in `offering`,
/// `windowShare` and the packed `recentShares` per scenario; see test/vectors/README.md): a file
/// written before it (with `lowStreak`) fails here rather than being partly replayed. Every scenario
/// is replayed in full and every figure compared. Before replaying, each scenario is checked against
/// the rules a generator can break without noticing (a purchase once the sale closed at the term
/// start, a deposit under the coverage floor): such a scenario fails, naming the event, after it is
/// replayed up to that event to show the exchange reverts there with exactly the error derived here
/// from the rules.
contract VectorsTest is UnitHelpers {
    uint256 internal constant BUY = 0;
    uint256 internal constant DEPOSIT = 1;
    uint256 internal constant FLAG = 2;
    uint256 internal constant HALT = 3;
    uint256 internal constant CLAIM = 4;
    uint256 internal constant WITHDRAW = 5;

    /// @dev The fixture's coverage floor (DefaultThresholds.minCoverageBps).
    uint256 internal constant MIN_COVERAGE_BPS = 5_000;

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
        vm.assertTrue(vm.keyExistsJson(json, ".offering.minCoverageBps"), "vectors predate decision 0013: regenerate");
        DefaultThresholds memory t = exchange.defaultThresholds();
        vm.assertEq(vm.parseJsonUint(json, ".offering.missedDaysThreshold"), t.missedDaysThreshold);
        vm.assertEq(vm.parseJsonUint(json, ".offering.windowDays"), t.windowDays);
        vm.assertEq(vm.parseJsonUint(json, ".offering.minRewardRatioBps"), t.minRewardRatioBps);
        vm.assertEq(vm.parseJsonUint(json, ".offering.minCoverageBps"), t.minCoverageBps);
        vm.assertEq(vm.parseJsonUint(json, ".offering.postTermFlagDays"), t.postTermFlagDays);
        vm.assertEq(t.minCoverageBps, MIN_COVERAGE_BPS);
    }

    function test_Vectors_ContractReproducesEveryScenario() public {
        vm.assertTrue(vm.keyExistsJson(json, ".offering.minCoverageBps"), "vectors predate decision 0013: regenerate");
        uint256 count;
        while (vm.keyExistsJson(json, _key(count, ""))) {
            string memory name = vm.parseJsonString(json, _key(count, ".name"));
            uint256 snapshot = vm.snapshotState();
            (bool rejected, uint256 at, bytes memory err, string memory reason) = _firstRejectedEvent(count);
            if (rejected) {
                _applyEvents(count, at, err); // the exchange does revert there, with exactly that error
                vm.assertTrue(false, string.concat(name, ": event ", vm.toString(at), " breaks the rules: ", reason));
            }
            (uint256[] memory tokenIds, uint256 positions) = _applyEvents(count, type(uint256).max, "");
            _warpToDay(vm.parseJsonUint(json, _key(count, ".checkDay")));
            _checkOffering(count, name);
            _checkPositions(count, name, tokenIds, positions);
            vm.revertToState(snapshot);
            ++count;
        }
        vm.assertGt(count, 4, "the vector file lists the scenarios");
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
                    err = abi.encodeWithSelector(
                        IExchangeErrors.Exchange_SaleClosed.selector, offeringId, o.saleStart, o.saleEnd
                    );
                    return (true, k, err, "purchase after the term started (sales close at the term start)");
                }
                units += values[k];
            } else if (kinds[k] == DEPOSIT) {
                uint256 perUnitWad = values[k] * WAD / units;
                uint256 share = perUnitWad >= MARKET_FIL_WAD ? 1_000 : perUnitWad * 1_000 / MARKET_FIL_WAD;
                if (share * 10 < MIN_COVERAGE_BPS) {
                    err = abi.encodeWithSelector(
                        IExchangeErrors.Exchange_DepositBelowMinimum.selector,
                        offeringId,
                        nextDay,
                        share,
                        MIN_COVERAGE_BPS
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
        (bool canFlag,, uint256 missedDays, uint256 windowShare) = exchange.flaggable(offeringId);
        vm.assertEq(canFlag, vm.parseJsonBool(json, _key(i, ".canFlag")), string.concat(name, ": flaggable"));
        vm.assertEq(missedDays, vm.parseJsonUint(json, _key(i, ".missedDays")), string.concat(name, ": missed days"));
        vm.assertEq(windowShare, vm.parseJsonUint(json, _key(i, ".windowShare")), string.concat(name, ": window share"));
        vm.assertEq(
            exchange.getOffering(offeringId).recentShares,
            vm.parseJsonUint(json, _key(i, ".recentShares")),
            string.concat(name, ": packed window")
        );
    }

    function _checkPositions(uint256 i, string memory name, uint256[] memory tokenIds, uint256 positions)
        internal
        view
    {
        uint256[] memory startDays = vm.parseJsonUintArray(json, _key(i, ".startDays"));
        uint256[] memory claimable = vm.parseJsonUintArray(json, _key(i, ".claimable"));
        uint256[] memory refundable = vm.parseJsonUintArray(json, _key(i, ".refundable"));
        vm.assertEq(startDays.length, positions, string.concat(name, ": positions"));
        for (uint256 p; p < positions; ++p) {
            string memory label = string.concat(name, ": position ", vm.toString(p));
            vm.assertEq(_startDayOf(tokenIds[p]), startDays[p], string.concat(label, " start day"));
            vm.assertEq(exchange.claimableRewards(tokenIds[p]), claimable[p], string.concat(label, " claimable"));
            vm.assertEq(exchange.refundableOf(tokenIds[p]), refundable[p], string.concat(label, " refundable"));
        }
    }
}
