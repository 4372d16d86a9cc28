// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice Reward accumulator precision with 18- and 8-decimal reward tokens.
contract RewardsFuzzTest is ExchangeFixture {
    function _wbtcOffering() internal returns (uint256 id) {
        OfferingTerms memory terms = _terms(miner, 1_000_000, 1e6, START_DAY + 1, START_DAY + 200);
        terms.assetId = btcAsset;
        terms.rewardToken = address(wbtc);
        vm.prank(registrar);
        id = exchange.createOffering(terms);
        vm.prank(bridge);
        wbtc.mint(miner, 1e18);
        vm.prank(miner);
        wbtc.approve(address(exchange), type(uint256).max);
    }

    function _run(uint256 id, BridgedToken token, uint32 asset, uint256 seed, uint256 positions, uint256 deposits)
        internal
    {
        for (uint256 i; i < positions; ++i) {
            uint256 units = 1 + uint256(keccak256(abi.encode(seed, "u", i))) % 5_000;
            _buy(i % 3 == 0 ? alice : (i % 3 == 1 ? bob : carol), id, units);
        }
        uint256 deposited;
        for (uint256 d; d < deposits; ++d) {
            _warpToDay(exchange.getOffering(id).lastCoveredDay + 2);
            uint256 day = exchange.getOffering(id).lastCoveredDay + 1;
            _reportFor(asset, day, 1); // final: a market of 1 judges every amount as a full day
            // Amounts from one base unit up, so small deposits test precision too.
            uint256 amount = 1 + uint256(keccak256(abi.encode(seed, "a", d))) % (10 ** (d % 12 + 1));
            vm.prank(miner);
            exchange.depositReward(id, amount);
            deposited += amount;
        }
        uint256 claimable;
        for (uint256 tokenId = 1; tokenId <= exchange.positionCount(); ++tokenId) {
            claimable += exchange.claimableRewards(tokenId);
        }
        vm.assertLe(claimable, deposited, "never more than deposited");
        vm.assertLe(deposited - claimable, deposits + positions, "dust: one unit per deposit and per position");

        uint256 paid;
        for (uint256 tokenId = 1; tokenId <= exchange.positionCount(); ++tokenId) {
            address owner = exchange.ownerOf(tokenId);
            uint256 before = token.balanceOf(owner);
            vm.prank(owner);
            exchange.claimRewards(_ids(tokenId));
            paid += token.balanceOf(owner) - before;
        }
        vm.assertEq(paid, claimable, "claims pay exactly what was claimable");
        vm.assertEq(token.balanceOf(address(exchange)), deposited - paid, "the rest stays in the contract");
    }

    function testFuzz_FilRewardsConserved(uint256 seed, uint8 positions, uint8 deposits) public {
        uint256 id = _createOffering(miner, 100_000, PRICE, START_DAY + 1, START_DAY + 200);
        _run(id, ifil, filAsset, seed, 1 + positions % 12, 1 + deposits % 15);
    }

    function testFuzz_WbtcRewardsConserved(uint256 seed, uint8 positions, uint8 deposits) public {
        _run(_wbtcOffering(), wbtc, btcAsset, seed, 1 + positions % 12, 1 + deposits % 15);
    }

    /// Price, fee and escrow always add up, whatever the price, units and fee.
    function testFuzz_FeeAndNetAddUp(uint128 price, uint40 units, uint16 feeBps) public {
        price = uint128(bound(price, 1, 1e19));
        units = uint40(bound(units, 1, 1e9)); // up to 1e28 base units: within the escrow capacity (2^96)
        feeBps = uint16(bound(feeBps, 0, exchange.MAX_CHANNEL_FEE_BPS()));
        vm.prank(governor);
        exchange.setChannelFee(feeBps);
        uint256 id = _createOffering(miner, units, price, START_DAY + 2, START_DAY + 100);
        uint256 totalPrice = uint256(units) * price;
        vm.prank(bridge);
        usdt.mint(alice, totalPrice);
        uint256 tokenId = _buy(alice, id, units);
        uint256 fee = exchange.getOffering(id).feesAccrued;
        vm.assertEq(fee + _netPaidOf(tokenId), totalPrice);
        vm.assertEq(fee, uint256(units) * ((uint256(price) * feeBps) / 10_000));
        vm.assertLe(fee * 10_000, totalPrice * feeBps, "fee never above its rate");
    }
}
