// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

contract SmokeTest is ExchangeFixture {
    function test_BuyReleaseClaim() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        vm.assertEq(_netPaidOf(tokenId), 10 * (PRICE - PRICE * 500 / 10_000));
        _warpToDay(START_DAY + 2 + 10);
        (uint256 released,) = exchange.releasedToDate(offeringId);
        vm.assertApproxEqAbs(released, _netPaidOf(tokenId) * 10 / TERM_DAYS, 1);
        for (uint256 i; i < 9; ++i) {
            _deposit(offeringId, 1e18);
        }
        vm.assertApproxEqAbs(exchange.claimableRewards(tokenId), 9e18, 1e7);
    }
}
