// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {FlagReason} from "../../../src/types/HashpowerTypes.sol";
import {UnitHelpers} from "../UnitHelpers.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";

/// @notice Shared setup of the buyer-protection regression tests (issue 9, decision 0013): the
/// fixture offering with 200 units sold before the term (alice 180, bob 20) and an outsider,
/// mallory, holding reward tokens and allowing the exchange to pull them.
/// @dev Every `test_Attack_*` test replays one attack of the security review; each fails on the
/// exchange of commit 7c0ae00 (the attack worked there) and passes now.
abstract contract ProtectionBase is UnitHelpers {
    address internal mallory = makeAddr("mallory");
    address internal guardian = makeAddr("guardian");
    uint256 internal tokenA; // alice, 180 units
    uint256 internal tokenB; // bob, 20 units
    uint256 internal constant UNITS = 200;
    /// @dev A day paying exactly the fixture market to 200 units: 0.4 IFIL (100%).
    uint256 internal constant FULL = 0.4e18;
    uint256 internal constant TOTAL_NET = UNITS * NET_PER_UNIT; // 7,220 USDT
    uint256 internal constant HOLDBACK = 7;
    uint256 internal constant ZONE = TERM_END - HOLDBACK; // the first day release can be held back

    function setUp() public virtual override {
        super.setUp();
        tokenA = _buy(alice, offeringId, 180);
        tokenB = _buy(bob, offeringId, 20);
        vm.prank(bridge);
        ifil.mint(mallory, 1e18);
        vm.prank(mallory);
        ifil.approve(address(exchange), type(uint256).max);
        bytes32 role = exchange.HALT_GUARDIAN_ROLE();
        vm.prank(governor);
        exchange.grantRole(role, guardian);
    }

    /// @dev Warps to `secondsIntoDay` of `day`.
    function _at(uint256 day, uint256 secondsIntoDay) internal {
        vm.warp(day * DAY + secondsIntoDay);
    }

    /// @dev The reporter publishes `avgWad` for `day` now (final an hour from now).
    function _oracleReportsNow(uint256 day, uint256 avgWad) internal {
        vm.prank(reporter);
        oracle.report(filAsset, day, avgWad);
    }

    function _assertNotFlaggable() internal view {
        (bool can,,,) = exchange.flaggable(offeringId);
        vm.assertFalse(can, "not flaggable");
    }

    function _expectNotMet(uint256 missed, uint256 windowShare) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_DefaultConditionsNotMet.selector, offeringId, missed, windowShare
            )
        );
    }

    /// @dev Released amount of the fixture offering with release at `day` (one schedule, rounded down).
    function _releasedAt(uint256 day) internal pure returns (uint256) {
        return _exactReleased(TOTAL_NET, TERM_START, TERM_END, day);
    }

    function _claimRefund(address owner, uint256 tokenId) internal returns (uint256) {
        vm.prank(owner);
        return exchange.claimRefunds(_ids(tokenId));
    }
}
