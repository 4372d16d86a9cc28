// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {Offering, OfferingTerms} from "../../../src/types/HashpowerTypes.sol";
import {ProtectionBase} from "./ProtectionBase.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";

/// @notice Late buyers and dilution: a position bought on day d started on d + 1 but shared day d's
/// reward, and the sale stayed open until the day before the term end at the full-term price. Sales
/// now close when the term starts. And listed tokens: offerings could use any reward token (an
/// 18-decimal "BTC" is judged 10^10 too generously against an oracle in satoshis).
contract SalesProtectionTest is ProtectionBase {
    address internal dave = makeAddr("dave");

    function _saleClosed(uint256 id) internal view returns (bytes memory) {
        Offering memory o = exchange.getOffering(id);
        return abi.encodeWithSelector(IExchangeErrors.Exchange_SaleClosed.selector, id, o.saleStart, o.saleEnd);
    }

    /// The old attack: buy during the term, then let the miner's deposit for an earlier day (made
    /// after the purchase) pay the new units too.
    function test_Attack_LateBuyer_CannotBuyOnceTheTermStarted() public {
        _fund(dave);
        vm.warp(TERM_START * DAY); // the term's first second
        vm.expectRevert(_saleClosed(offeringId));
        vm.prank(dave);
        exchange.buy(offeringId, 100, type(uint256).max, address(0));
        _warpToDay(TERM_START + 1);
        vm.expectRevert(_saleClosed(offeringId));
        vm.prank(dave);
        exchange.buy(offeringId, 100, type(uint256).max, address(0));
        _deposit(offeringId, FULL); // day TERM_START: the 200 units that held it share it
        vm.assertEq(exchange.claimableRewards(tokenA), FULL * 180 / UNITS);
        vm.assertEq(exchange.claimableRewards(tokenB), FULL * 20 / UNITS);
        vm.assertEq(exchange.balanceOf(dave), 0);
    }

    /// An offering whose sale would outlast the term start cannot be created (nor validated), from one
    /// second past the start to the old limit of the day before the term end.
    function test_Attack_LateBuyer_SaleCannotOutlastTheTermStart() public {
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START + 10, TERM_END);
        uint48[2] memory ends = [uint48((TERM_START + 10) * DAY + 1), uint48((TERM_END - 1) * DAY)];
        for (uint256 i; i < ends.length; ++i) {
            t.saleEnd = ends[i];
            bytes memory err = abi.encodeWithSelector(
                IExchangeErrors.Exchange_SaleEndsAfterTermStart.selector, t.saleEnd, uint256(t.termStartDay) * DAY
            );
            vm.expectRevert(err);
            exchange.validateTerms(t);
            vm.expectRevert(err);
            vm.prank(registrar);
            exchange.createOffering(t);
        }
        t.saleEnd = uint48((TERM_START + 10) * DAY);
        exchange.validateTerms(t);
        vm.prank(registrar);
        exchange.createOffering(t);
    }

    /// Every position of an offering, whenever in the sale it was bought, claims exactly
    /// units / unitsSold of each day's deposit; a buyer arriving after the start dilutes nobody.
    function test_Attack_Dilution_EveryPositionClaimsExactlyItsUnitsShareOfEachDay() public {
        _fund(dave);
        uint256 id = _createOffering(miner, 1_000, PRICE, TERM_START, TERM_END);
        address[4] memory who = [alice, bob, carol, dave];
        uint256[4] memory units = [uint256(7), 13, 1, 29]; // 50 units
        uint256[4] memory tokens;
        tokens[0] = _buy(alice, id, 7); // the sale's first day
        _warpToDay(TERM_START - 1);
        tokens[1] = _buy(bob, id, 13);
        tokens[2] = _buy(carol, id, 1);
        vm.warp(TERM_START * DAY - 1); // its last second
        tokens[3] = _buy(dave, id, 29);
        for (uint256 i; i < 4; ++i) {
            vm.assertEq(_startDayOf(tokens[i]), TERM_START);
            vm.assertLt(exchange.getPosition(tokens[i]).purchaseDay, TERM_START);
        }

        uint256[4] memory expected;
        for (uint256 d; d < 10; ++d) {
            _warpToDay(TERM_START + d + 1);
            if (d == 3) {
                vm.expectRevert(_saleClosed(id));
                vm.prank(mallory);
                exchange.buy(id, 50, type(uint256).max, address(0)); // the late buyer of old
            }
            uint256 amount = 0.1e18 + d * 0.0173e18 + 50 * d; // divisible by 50 units
            _deposit(id, amount);
            for (uint256 i; i < 4; ++i) {
                expected[i] += amount * units[i] / 50;
                vm.assertEq(exchange.claimableRewards(tokens[i]), expected[i], "units / unitsSold of every day");
            }
        }
        uint256 paid;
        for (uint256 i; i < 4; ++i) {
            vm.prank(who[i]);
            paid += exchange.claimRewards(_ids(tokens[i]));
        }
        vm.assertEq(paid, expected[0] + expected[1] + expected[2] + expected[3], "every base unit deposited is claimed");
    }

    // ------------------------------------------------------------------ listed tokens

    function _expectCreateAndValidateRevert(OfferingTerms memory t, bytes memory err) internal {
        vm.expectRevert(err);
        exchange.validateTerms(t);
        vm.expectRevert(err);
        vm.prank(registrar);
        exchange.createOffering(t);
    }

    function test_Attack_TokenListing_UnlistedEighteenDecimalBtcRewardTokenReverts() public {
        BridgedToken fakeBtc = _token("Wrapped BTC (18 decimals)", "BTC", 18);
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START, TERM_END);
        t.assetId = btcAsset;
        t.rewardToken = address(fakeBtc);
        _expectCreateAndValidateRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_RewardTokenNotListed.selector, btcAsset, address(fakeBtc))
        );
        t.rewardToken = address(wbtc); // the listed 8-decimal token
        exchange.validateTerms(t);
    }

    function test_Attack_TokenListing_UnlistedPaymentTokenReverts() public {
        BridgedToken fakeUsd = _token("Tether USD (fake)", "USDT", 6);
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START, TERM_END);
        t.paymentToken = address(fakeUsd);
        _expectCreateAndValidateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_PaymentTokenNotListed.selector, address(fakeUsd))
        );
    }

    function test_Attack_TokenListing_RewardTokenListedForFilIsNotAcceptedForBtc() public {
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START, TERM_END);
        t.assetId = btcAsset; // IFIL is listed for FIL only
        _expectCreateAndValidateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_RewardTokenNotListed.selector, btcAsset, address(ifil))
        );
    }

    /// Delisting stops new offerings only: a live offering keeps selling, taking deposits, paying
    /// claims and releasing escrow in its tokens. validateTerms reverts as createOffering does, and
    /// returns once the tokens are listed again.
    function test_Attack_TokenListing_DelistingLeavesLiveOfferingsAlone() public {
        vm.startPrank(governor);
        exchange.setPaymentToken(address(usdt), false);
        assets.setRewardToken(filAsset, address(ifil), false);
        vm.stopPrank();
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START, TERM_END);
        _expectCreateAndValidateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_PaymentTokenNotListed.selector, address(usdt))
        );

        uint256 tokenC = _buy(carol, offeringId, 50); // the live offering still sells
        _warpToDay(TERM_START + 3);
        _deposit(offeringId, 1e18);
        vm.prank(carol);
        vm.assertEq(exchange.claimRewards(_ids(tokenC)), 0.2e18);
        vm.prank(miner);
        vm.assertEq(exchange.withdrawEscrow(offeringId, miner), 250 * NET_PER_UNIT * 3 / TERM_DAYS);

        vm.prank(governor);
        exchange.setPaymentToken(address(usdt), true);
        _expectCreateAndValidateRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_RewardTokenNotListed.selector, filAsset, address(ifil))
        );
        vm.prank(governor);
        assets.setRewardToken(filAsset, address(ifil), true);
        t = _terms(miner, 100, PRICE, TERM_START + 5, TERM_END);
        exchange.validateTerms(t);
    }
}
