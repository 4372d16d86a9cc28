// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {PositionListings} from "../../../src/trading/PositionListings.sol";
import {UnitHelpers} from "../UnitHelpers.sol";

/// @notice A fee source's cheapest rewards contract: accepts the credit and stores nothing, so the figure
/// with it is the listing's own cost plus the call (the real TradingRewards adds its bookkeeping).
contract NoopRewards {
    function recordFee(address, address, address, uint256) external {}
}

/// @notice The measured paths of the gas report (`list`, `buyListing`, `cancelListing`) in the state a
/// user meets them in: the seller and buyer already hold USDT and positions, fees have accrued before.
/// Run with `forge test --match-path test/unit/trading/PositionListingsGas.t.sol --isolate --gas-report`
/// so each call is its own transaction (cold storage, 21k base).
contract PositionListingsGasTest is UnitHelpers {
    ProtocolParameters internal params;
    PositionListings internal listings;
    uint256 internal tokenA;
    uint256 internal tokenB;
    uint256 internal tokenC;
    uint256 internal expiry;

    function setUp() public override {
        super.setUp();
        params = new ProtocolParameters(governor, 200, 100);
        listings =
            new PositionListings(exchange, params, ITradingRewards(address(new NoopRewards())), governor, treasury);
        tokenA = _buy(alice, offeringId, 10);
        tokenB = _buy(bob, offeringId, 30);
        tokenC = _buy(alice, offeringId, 5);
        vm.prank(bob);
        usdt.approve(address(listings), type(uint256).max);
        expiry = block.timestamp + 7 days;
        // A first sale, so the fee balance and feesAccrued are already non-zero as in steady state.
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenC);
        listings.list(tokenC, address(usdt), 100e6, expiry);
        vm.stopPrank();
        vm.prank(bob);
        listings.buy(tokenC, 100e6, 0, address(0));
        vm.prank(alice);
        exchange.approve(address(listings), tokenA);
    }

    function test_Gas_List() public {
        vm.prank(alice);
        listings.list(tokenA, address(usdt), 400e6, expiry);
    }

    function test_Gas_ListThenBuy() public {
        vm.prank(alice);
        listings.list(tokenA, address(usdt), 400e6, expiry);
        vm.prank(bob);
        listings.buy(tokenA, 400e6, 0, address(0));
    }

    /// @dev A buyer holding no position yet pays the exchange's fresh ERC-721 balance slot (about 20k more).
    function test_Gas_ListThenBuyByFirstTimeHolder() public {
        address newcomer = makeAddr("newcomer");
        _fund(newcomer);
        vm.prank(newcomer);
        usdt.approve(address(listings), type(uint256).max);
        vm.prank(alice);
        listings.list(tokenA, address(usdt), 400e6, expiry);
        vm.prank(newcomer);
        listings.buy(tokenA, 400e6, 0, address(0));
    }

    function test_Gas_ListThenCancel() public {
        vm.prank(alice);
        listings.list(tokenA, address(usdt), 400e6, expiry);
        vm.prank(alice);
        listings.cancelListing(tokenA);
    }
}
