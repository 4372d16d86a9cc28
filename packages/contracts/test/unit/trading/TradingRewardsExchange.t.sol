// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../../src/dmc/MiningReserve.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {TradingRewards} from "../../../src/trading/TradingRewards.sol";
import {Offering} from "../../../src/types/HashpowerTypes.sol";
import {ExchangeFixture} from "../../utils/ExchangeFixture.sol";

/// @notice The exchange's hook: a primary buy (and a primary auction's sale of reserved units) credits the
/// buyer with the channel fee it paid, normalised from USDT's 6 decimals; with no hook set, buys cost nothing
/// extra and still work.
contract TradingRewardsExchangeTest is ExchangeFixture {
    address internal timelock = makeAddr("timelock");
    address internal auctions = makeAddr("auctions");

    DMCToken internal dmc;
    MiningReserve internal reserve;
    TradingRewards internal rewards;

    function setUp() public virtual override {
        super.setUp();
        DMCToken.Allocation[] memory a = new DMCToken.Allocation[](1);
        a[0] = DMCToken.Allocation(address(this), 50_000_000e18, "rest");
        dmc = new DMCToken(DMCToken.MiningBuckets(30_000_000e18, 10_000_000e18, 10_000_000e18), timelock, a);
        reserve = dmc.miningReserve();
        rewards = new TradingRewards(
            timelock, dmc, IMiningReserve(address(reserve)), START_DAY * DAY, 7 days, 100_000e18, 10e18
        );
        vm.startPrank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(rewards), true);
        rewards.setSource(address(exchange), true);
        rewards.setFeeToken(address(usdt), true);
        vm.stopPrank();
    }

    function _setHook() internal {
        vm.prank(governor);
        exchange.setTradingRewards(address(rewards));
    }

    function _channelFee(uint256 units) internal view returns (uint256) {
        Offering memory o = exchange.getOffering(offeringId);
        return units * (o.pricePerUnit - o.netPricePerUnit);
    }

    function test_Exchange_BuyCreditsTheChannelFeeNormalised() public {
        _setHook();
        uint256 fee = _channelFee(10);
        vm.assertEq(fee, 19e6); // 5% of 10 x 38 USDT
        vm.expectEmit(address(rewards));
        emit ITradingRewards.FeeCredited(alice, 0, address(exchange), address(usdt), 19e6, 19e18, 19e18, 19e18);
        _buy(alice, offeringId, 10);
        _buy(bob, offeringId, 1);
        (uint256 epoch, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(epoch, 0);
        vm.assertEq(credit, 19e18);
        (, credit,) = rewards.accountRewards(bob);
        vm.assertEq(credit, 1.9e18);
        (uint256 total,,,) = rewards.epochTotals(0);
        vm.assertEq(total, 20.9e18);

        vm.warp(rewards.epochStart(1));
        vm.prank(alice);
        vm.assertEq(rewards.claim(alice), 190e18); // 10 DMC per $1 of fee
        vm.assertEq(dmc.balanceOf(alice), 190e18);
    }

    function test_Exchange_UnsetHookCreditsNothingAndBuysWork() public {
        vm.assertEq(exchange.tradingRewards(), address(0));
        uint256 before = gasleft();
        _buy(alice, offeringId, 10);
        uint256 withoutHook = before - gasleft();
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 0);
        vm.assertEq(exchange.ownerOf(1), alice);

        _setHook();
        before = gasleft();
        _buy(bob, offeringId, 10);
        uint256 withHook = before - gasleft();
        (, credit,) = rewards.accountRewards(bob);
        vm.assertEq(credit, 19e18);
        // the hook is all the difference: recordFee for a new account in an already-opened epoch
        vm.assertGt(withHook, withoutHook);
        vm.assertLt(withHook - withoutHook, 40_000);

        // unset again: back to no credit
        vm.prank(governor);
        exchange.setTradingRewards(address(0));
        _buy(carol, offeringId, 10);
        (, credit,) = rewards.accountRewards(carol);
        vm.assertEq(credit, 0);
    }

    /// @dev A fee token the rewards do not list credits nothing and never blocks the sale.
    function test_Exchange_DelistedFeeTokenDoesNotBlockBuys() public {
        _setHook();
        vm.prank(timelock);
        rewards.setFeeToken(address(usdt), false);
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 0);
    }

    /// @dev A parameter changed while live: governance removing the exchange as a source (or setting the hook
    /// before registering it) stops the credits, never the sales.
    function test_Attack_SourceRemovedWhileHookSetBlocksNoBuy() public {
        vm.prank(timelock);
        rewards.setSource(address(exchange), false);
        _setHook();
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 0);
    }

    function test_Exchange_SellReservedUnitsCreditsTheWinner() public {
        _setHook();
        vm.startPrank(governor);
        exchange.grantRole(exchange.PRIMARY_AUCTION_ROLE(), auctions);
        vm.stopPrank();
        vm.prank(auctions);
        exchange.reserveUnits(offeringId, 5, miner);
        uint256 bid = 250e6;
        vm.prank(bridge);
        usdt.mint(auctions, bid);
        vm.startPrank(auctions);
        usdt.approve(address(exchange), bid);
        uint256 tokenId = exchange.sellReservedUnits(offeringId, 5, carol, bid);
        vm.stopPrank();
        vm.assertEq(exchange.ownerOf(tokenId), carol);
        (, uint256 credit,) = rewards.accountRewards(carol);
        vm.assertEq(credit, 12.5e18); // 5% of 250 USDT
        (, credit,) = rewards.accountRewards(auctions);
        vm.assertEq(credit, 0);
        vm.assertEq(IHashpowerExchange(address(exchange)).tradingRewards(), address(rewards));
    }
}
