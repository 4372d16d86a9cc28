// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../../src/dmc/MiningReserve.sol";
import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {PositionListings} from "../../../src/trading/PositionListings.sol";
import {TradingRewards} from "../../../src/trading/TradingRewards.sol";
import {ExchangeFixture} from "../../utils/ExchangeFixture.sol";

/// @notice The wash trade of issue 11 on the real contracts: two accounts sell one position back and forth
/// through `PositionListings` (2% fee) for four epochs with the deploy parameters (100,000 DMC per epoch, cap
/// 10 DMC per $1 of fee), then claim. Their DMC is worth at most the fees at $0.10 and less below.
contract TradingRewardsListingsTest is ExchangeFixture {
    uint256 internal constant TRADING_FEE_BPS = 200;
    uint256 internal constant LIST_PRICE = 380e6; // 10 units at 38 USDT

    address internal timelock = makeAddr("timelock");
    address internal feeSink = makeAddr("feeSink");

    DMCToken internal dmc;
    MiningReserve internal reserve;
    TradingRewards internal rewards;
    PositionListings internal listings;
    uint256 internal tokenId;

    function setUp() public override {
        super.setUp();
        DMCToken.Allocation[] memory a = new DMCToken.Allocation[](1);
        a[0] = DMCToken.Allocation(address(this), 50_000_000e18, "rest");
        dmc = new DMCToken(DMCToken.MiningBuckets(30_000_000e18, 10_000_000e18, 10_000_000e18), timelock, a);
        reserve = dmc.miningReserve();
        rewards = new TradingRewards(
            timelock, dmc, IMiningReserve(address(reserve)), START_DAY * DAY, 7 days, 100_000e18, 10e18
        );
        ProtocolParameters params = new ProtocolParameters(governor, uint16(TRADING_FEE_BPS), 100);
        listings = new PositionListings(exchange, params, ITradingRewards(address(rewards)), governor, feeSink);
        vm.startPrank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(rewards), true);
        rewards.setSource(address(listings), true);
        rewards.setFeeToken(address(usdt), true);
        vm.stopPrank();
        tokenId = _buy(alice, offeringId, 10); // the exchange hook is unset: only the wash earns here
        vm.prank(alice);
        usdt.approve(address(listings), type(uint256).max);
        vm.prank(bob);
        usdt.approve(address(listings), type(uint256).max);
    }

    function _sell(address seller, address buyer) internal {
        vm.startPrank(seller);
        exchange.approve(address(listings), tokenId);
        listings.list(tokenId, address(usdt), LIST_PRICE, block.timestamp + 1 days);
        vm.stopPrank();
        vm.prank(buyer);
        listings.buy(tokenId, LIST_PRICE, 0, address(0));
    }

    function _wash(uint256 tradesPerEpoch) internal returns (uint256 usdtLost, uint256 dmcEarned) {
        uint256 start = usdt.balanceOf(alice) + usdt.balanceOf(bob);
        address holder = alice;
        for (uint256 e; e < 4; ++e) {
            vm.warp(rewards.epochStart(e) + 13 hours);
            for (uint256 t; t < tradesPerEpoch; ++t) {
                address buyer = holder == alice ? bob : alice;
                _sell(holder, buyer);
                holder = buyer;
            }
        }
        vm.assertEq(exchange.ownerOf(tokenId), holder);
        vm.warp(rewards.epochStart(4));
        usdtLost = start - usdt.balanceOf(alice) - usdt.balanceOf(bob);
        vm.prank(alice);
        dmcEarned = rewards.claim(alice);
        vm.prank(bob);
        dmcEarned += rewards.claim(bob);
        vm.assertEq(dmc.balanceOf(alice) + dmc.balanceOf(bob), dmcEarned);
    }

    function test_WashTrading_ThroughListings_LosesMoneyBelowTenCents(uint256 priceWad) public {
        priceWad = bound(priceWad, 0, 0.1e18 - 1);
        (uint256 lost, uint256 earned) = _wash(6);
        vm.assertEq(lost, 4 * 6 * 7.6e6, "they lost exactly the 2% fees");
        vm.assertEq(usdt.balanceOf(address(listings)), lost, "the fees sit in the listings contract");
        vm.assertEq(earned, 10 * lost * 1e12, "the cap binds: 10 DMC per $1 of fees");
        vm.assertLe(earned * 0.1e18, lost * 1e12 * 1e18, "at $0.10 the DMC is worth at most the fees");
        vm.assertLt(earned * priceWad, lost * 1e12 * 1e18, "below $0.10 it is worth less");
    }

    /// @dev Alone in their epochs, the budget share would pay them 50,000 DMC each per epoch: the cap holds
    /// them to 10 DMC per $1 of fee.
    function test_WashTrading_ThroughListings_CapBindsWhenAlone() public {
        (uint256 lost, uint256 earned) = _wash(2);
        (uint256 total, uint256 budget,,) = rewards.epochTotals(0);
        vm.assertEq(total, 2 * 7.6e18);
        vm.assertEq(budget * (total / 2) / total, 50_000e18);
        vm.assertEq(earned, 10 * lost * 1e12);
        vm.assertLt(earned, 4 * budget);
    }
}
