// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Errors, IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DefaultThresholds, OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {Vm} from "../utils/Vm.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice depositReward (who may deposit, judging, the window of shares, oracle lateness) and
/// claimRewards (owners, approvals, runs).
contract RewardsTest is UnitHelpers {
    uint256 internal tokenA; // alice, 10 units, bought before the term

    function setUp() public override {
        super.setUp();
        tokenA = _buy(alice, offeringId, 10);
        vm.prank(bridge);
        ifil.mint(bob, 1_000e18);
        _warpToDay(TERM_START + 2);
    }

    function _depositAs(address who, uint256 amount) internal returns (uint256) {
        vm.prank(who);
        return exchange.depositReward(offeringId, amount);
    }

    /// @dev Sales close when the term starts: tests that need more holders buy them here, back on the
    /// fixture's first day (nothing has happened since setUp), then return to TERM_START + 2.
    function _buyBeforeTerm(address buyer, uint256 id, uint256 units) internal returns (uint256 tokenId) {
        uint256 now_ = block.timestamp;
        vm.warp(START_DAY * DAY + 13 hours);
        tokenId = _buy(buyer, id, units);
        vm.warp(now_);
    }

    // ------------------------------------------------------------------ depositReward

    function test_DepositReward_CoversNextDayAccruesPerUnitAndEmits() public {
        _report(TERM_START, MARKET_FIL_WAD);
        // 1 FIL over 10 units: 0.1 FIL a unit = 1e35 WAD-scaled, far above 80% of the 2e33 average
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, miner, TERM_START, 1e18, 10, 1e29, 1e35, MARKET_FIL_WAD, true, 1_000, _window(_shares(1_000))
        );
        vm.expectEmit(address(ifil));
        emit IERC20.Transfer(miner, address(exchange), 1e18);
        uint256 day = _depositAs(miner, 1e18);

        vm.assertEq(day, TERM_START);
        vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay, TERM_START);
        vm.assertEq(exchange.getOffering(offeringId).accRewardPerUnit, 1e29);
        vm.assertEq(ifil.balanceOf(address(exchange)), 1e18);
        vm.assertEq(exchange.claimableRewards(tokenA), 1e18);
    }

    function test_RevertWhen_OutsiderDeposits() public {
        _report(TERM_START, MARKET_FIL_WAD);
        vm.prank(bob);
        ifil.approve(address(exchange), 1e18);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMinerOrDepositor.selector, offeringId, bob));
        _depositAs(bob, 1e18);
    }

    function test_DepositReward_ApprovedDepositorMayDeposit() public {
        _report(TERM_START, MARKET_FIL_WAD);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.DepositorSet(offeringId, bob, true);
        _setDepositor(offeringId, bob, true);
        vm.assertTrue(exchange.isDepositor(offeringId, bob));
        vm.prank(bob);
        ifil.approve(address(exchange), 1e18);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, bob, TERM_START, 1e18, 10, 1e29, 1e35, MARKET_FIL_WAD, true, 1_000, _window(_shares(1_000))
        );
        vm.expectEmit(address(ifil));
        emit IERC20.Transfer(bob, address(exchange), 1e18);
        _depositAs(bob, 1e18);
    }

    function test_GivenDepositorRevoked_ItCannotDeposit() public {
        _report(TERM_START, MARKET_FIL_WAD);
        _setDepositor(offeringId, bob, true);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.DepositorSet(offeringId, bob, false);
        _setDepositor(offeringId, bob, false);
        vm.assertFalse(exchange.isDepositor(offeringId, bob));
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMinerOrDepositor.selector, offeringId, bob));
        _depositAs(bob, 1e18);
    }

    function test_GivenDepositorOfAnotherOffering_ItCannotDepositHere() public {
        uint256 other = _createOffering(carol, 10, PRICE, TERM_START + 5, TERM_END);
        _setDepositor(other, bob, true);
        _report(TERM_START, MARKET_FIL_WAD);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMinerOrDepositor.selector, offeringId, bob));
        _depositAs(bob, 1e18);
    }

    function test_RevertWhen_NonMinerSetsDepositor() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMiner.selector, offeringId, bob));
        vm.prank(bob);
        exchange.setDepositor(offeringId, bob, true);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMiner.selector, offeringId, governor));
        vm.prank(governor); // not even governance picks who makes a miner's record
        exchange.setDepositor(offeringId, bob, true);
    }

    function test_RevertWhen_SettingDepositorOfUnknownOfferingOrZero() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 9));
        vm.prank(miner);
        exchange.setDepositor(9, bob, true);
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        vm.prank(miner);
        exchange.setDepositor(offeringId, address(0), true);
    }

    function test_DepositReward_CoversDaysInOrder() public {
        _warpToDay(TERM_START + 4);
        for (uint256 i; i < 4; ++i) {
            vm.assertEq(_deposit(offeringId, 1e18), TERM_START + i);
        }
        vm.assertEq(exchange.getOffering(offeringId).accRewardPerUnit, 4e29);
    }

    function test_GivenDepositBelowMarket_ShareIsRecordedRoundedDown() public {
        _report(TERM_START, 2e35); // 1e35 paid per unit = 50%
        _report(TERM_START + 1, 1.25e35 + 1); // just under 80%: 799.99... per-mille, rounded down
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, miner, TERM_START, 1e18, 10, 1e29, 1e35, 2e35, true, 500, _window(_shares(500))
        );
        _depositAs(miner, 1e18);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, miner, TERM_START + 1, 1e18, 10, 2e29, 1e35, 1.25e35 + 1, true, 799, _window(_shares(799, 500))
        );
        _depositAs(miner, 1e18);
        vm.assertEq(exchange.getOffering(offeringId).recentShares, _window(_shares(799, 500)));
    }

    function test_GivenDepositAtExactlyEightyPercent_ShareIsEightHundred() public {
        _report(TERM_START, 2e35);
        _depositAs(miner, 1e18);
        _report(TERM_START + 1, 1.25e35); // 1e35 is exactly 80%
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, miner, TERM_START + 1, 1e18, 10, 2e29, 1e35, 1.25e35, true, 800, _window(_shares(800, 500))
        );
        _depositAs(miner, 1e18);
    }

    function test_GivenDepositAboveMarket_ShareIsCappedAtOneThousand() public {
        _report(TERM_START, 1); // the deposit pays 1e35 per unit against 1
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, miner, TERM_START, 1e18, 10, 1e29, 1e35, 1, true, 1_000, _window(_shares(1_000))
        );
        _depositAs(miner, 1e18);
    }

    function test_GivenDepositUnderHalfTheMarket_ItRevertsAndCoversNothing() public {
        _report(TERM_START, 2e35 + 1); // 1e35 paid per unit: 499.99... per-mille
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_DepositBelowMinimum.selector, offeringId, TERM_START, 499, 5_000
            )
        );
        _depositAs(miner, 1e18);
        vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay, TERM_START - 1, "the day is still uncovered");
        vm.assertEq(exchange.getOffering(offeringId).recentShares, 0);
        vm.assertEq(ifil.balanceOf(address(exchange)), 0);
        _depositAs(miner, 1e18 + 1e10); // a little more reaches 500 per-mille and covers the day
        vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay, TERM_START);
    }

    function test_GivenOneWeiDeposit_ItReverts() public {
        _report(TERM_START, MARKET_FIL_WAD);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_DepositBelowMinimum.selector, offeringId, TERM_START, 0, 5_000
            )
        );
        _depositAs(miner, 1);
    }

    function test_GivenOracleMoreThanOneDayLate_DayIsJudgedAgainstLatestFinalReport() public {
        _report(TERM_START, 2e35);
        _depositAs(miner, 1e18); // 500 per-mille
        _warpToDay(TERM_START + 3); // day TERM_START + 1 ended two days ago, still unreported
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardDeposited(
            offeringId, miner, TERM_START + 1, 1e18, 10, 2e29, 1e35, 2e35, false, 500, _window(_shares(500, 500))
        );
        _depositAs(miner, 1e18);
    }

    function test_GivenOracleLateAndNeverReported_DepositReverts() public {
        _warpToDay(TERM_START + 5); // the oracle has reported nothing for FIL at all
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_MarketRateNotReported.selector, filAsset, TERM_START)
        );
        _depositAs(miner, 1e18);
    }

    function test_GivenCustomCoverageFloor_DepositsUnderItRevert() public {
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(7, 7, 10_000, 10_000, 60));
        _report(TERM_START, 1e35 + 1); // paid 1e35: 999 per-mille, under 100%
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_DepositBelowMinimum.selector, offeringId, TERM_START, 999, 10_000
            )
        );
        _depositAs(miner, 1e18);
    }

    function test_GivenZeroCoverageFloor_EvenDustCovers() public {
        vm.prank(governor);
        exchange.setDefaultThresholds(_thr(7, 7, 8_000));
        _report(TERM_START, MARKET_FIL_WAD);
        _depositAs(miner, 1);
        vm.assertEq(exchange.getOffering(offeringId).recentShares, _window(_shares(0)), "judged at 0 per-mille");
    }

    function test_RewardAccumulator_RoundsDownAndKeepsDustInContract() public {
        uint256 tokenB = _buyBeforeTerm(bob, offeringId, 20); // 30 units outstanding
        _deposit(offeringId, 1e18);
        uint256 acc = uint256(1e18) * PRECISION / 30; // 33333333333333333333333333333
        vm.assertEq(exchange.getOffering(offeringId).accRewardPerUnit, acc);
        vm.assertEq(exchange.claimableRewards(tokenA), 10 * acc / PRECISION);
        vm.assertEq(exchange.claimableRewards(tokenB), 20 * acc / PRECISION);
        vm.assertEq(exchange.claimableRewards(tokenA), 333333333333333333);
        vm.assertEq(exchange.claimableRewards(tokenB), 666666666666666666);
    }

    function test_GivenSixDecimalRewardToken_PrecisionStaysUnderOneBaseUnit() public {
        _listRewardToken(filAsset, address(usdt));
        OfferingTerms memory t = _terms(miner, 1_000, PRICE, TERM_START + 10, TERM_END);
        t.rewardToken = address(usdt);
        uint256 id = _createWith(t);
        uint256 tokenB = _buy(bob, id, 7);
        _setDepositor(id, alice, true); // alice pays the USDT rewards
        _warpToDay(TERM_START + 12);
        _report(TERM_START + 10, 1);
        vm.prank(alice);
        exchange.depositReward(id, 1e6);
        vm.assertEq(exchange.claimableRewards(tokenB), 999_999, "7 * floor(1e18 / 7) / 1e12");
    }

    function test_RevertWhen_DepositingToUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 3));
        vm.prank(miner);
        exchange.depositReward(3, 1e18);
    }

    function test_RevertWhen_DepositingZero() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAmount.selector);
        _depositAs(miner, 0);
    }

    function test_RevertWhen_NoUnitsOutstanding() public {
        uint256 id = _createOffering(miner, 10, PRICE, TERM_START + 5, TERM_END);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NoUnitsOutstanding.selector, id));
        vm.prank(miner);
        exchange.depositReward(id, 1e18);
    }

    function test_RevertWhen_DayNotOver() public {
        _warpToDay(TERM_START);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToCover.selector, offeringId, TERM_START, TERM_START)
        );
        _depositAs(miner, 1e18);
    }

    function test_RevertWhen_AllCompletedDaysCovered() public {
        _deposit(offeringId, 1e18);
        _deposit(offeringId, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_NothingToCover.selector, offeringId, TERM_START + 2, TERM_START + 2
            )
        );
        _depositAs(miner, 1e18);
    }

    function test_RevertWhen_EveryTermDayCovered() public {
        _warpToDay(TERM_END + 5);
        _coverThrough(offeringId, TERM_END - 1, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_TermEnded.selector, offeringId, TERM_END));
        _depositAs(miner, 1e18);
    }

    function test_RevertWhen_MarketRateNotReportedYet() public {
        _warpToDay(TERM_START + 1); // day TERM_START ended today: the oracle is not late yet
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_MarketRateNotReported.selector, filAsset, TERM_START)
        );
        _depositAs(miner, 1e18);
    }

    function test_RevertWhen_DepositorHasNoAllowance() public {
        _report(TERM_START, MARKET_FIL_WAD);
        _setDepositor(offeringId, bob, true);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(exchange), 0, 1e18)
        );
        _depositAs(bob, 1e18);
    }

    // ------------------------------------------------------------------ claimRewards

    function test_ClaimRewards_PaysOwnerAndEmits() public {
        _deposit(offeringId, 1e18);
        _deposit(offeringId, 1e18);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardClaimed(tokenA, offeringId, alice, 2e18, 2e29);
        vm.expectEmit(address(ifil));
        emit IERC20.Transfer(address(exchange), alice, 2e18);
        vm.prank(alice);
        uint256 total = exchange.claimRewards(_ids(tokenA));
        vm.assertEq(total, 2e18);
        vm.assertEq(ifil.balanceOf(alice), 2e18);
        vm.assertEq(exchange.claimableRewards(tokenA), 0);
        vm.assertEq(exchange.getPosition(tokenA).rewardSnapshot, 2e29);
    }

    /// @dev Every unit is bought before the term, so every deposit is shared by all of them in
    /// proportion to units (no later buyer can dilute a day it did not hold).
    function test_GivenTwoHolders_EveryDepositIsSharedByUnits() public {
        uint256 tokenB = _buyBeforeTerm(bob, offeringId, 30);
        vm.assertEq(_startDayOf(tokenB), TERM_START);
        _deposit(offeringId, 1e18); // day TERM_START: 40 units
        _deposit(offeringId, 4e18); // day TERM_START + 1
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 0.25e18 + 1e18);
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenB)), 0.75e18 + 3e18);
    }

    function test_GivenPositionTransferred_RewardsTravelWithTheNft() public {
        _deposit(offeringId, 1e18);
        vm.prank(alice);
        exchange.transferFrom(alice, bob, tokenA);
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 1e18);
        vm.assertEq(ifil.balanceOf(bob), 1_000e18 + 1e18);
        vm.assertEq(ifil.balanceOf(alice), 0);
    }

    function test_GivenTokenApproval_ApprovedClaimsAndOwnerIsPaid() public {
        _deposit(offeringId, 1e18);
        vm.prank(alice);
        exchange.approve(carol, tokenA);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardClaimed(tokenA, offeringId, alice, 1e18, 1e29);
        vm.prank(carol);
        exchange.claimRewards(_ids(tokenA));
        vm.assertEq(ifil.balanceOf(alice), 1e18);
        vm.assertEq(ifil.balanceOf(carol), 0);
    }

    function test_GivenOperatorApproval_OperatorClaimsAndOwnerIsPaid() public {
        _deposit(offeringId, 1e18);
        vm.prank(alice);
        exchange.setApprovalForAll(carol, true);
        vm.prank(carol);
        exchange.claimRewards(_ids(tokenA));
        vm.assertEq(ifil.balanceOf(alice), 1e18);
    }

    function test_GivenDuplicateIds_PositionIsPaidOnce() public {
        _deposit(offeringId, 1e18);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA, tokenA)), 1e18);
        vm.assertEq(ifil.balanceOf(alice), 1e18);
    }

    function test_GivenNothingAccrued_ClaimPaysNothingSilently() public {
        vm.recordLogs();
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 0);
        vm.assertEq(vm.getRecordedLogs().length, 0);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(new uint256[](0)), 0);
    }

    function test_ClaimRewards_OneTransferPerRunOfSameOwnerAndToken() public {
        uint256 a2 = _buyBeforeTerm(alice, offeringId, 20);
        uint256 b1 = _buyBeforeTerm(bob, offeringId, 30);
        uint256 a3 = _buyBeforeTerm(alice, offeringId, 40);
        _deposit(offeringId, 100e18); // 100 units: 1 FIL a unit
        vm.prank(bob);
        exchange.setApprovalForAll(alice, true);

        vm.recordLogs();
        vm.prank(alice);
        uint256 total = exchange.claimRewards(_ids(tokenA, a2, b1, a3));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        vm.assertEq(total, 100e18);
        vm.assertEq(_countTransfers(logs, address(ifil)), 3, "alice(1+2), bob(3), alice(4)");
        (, address to, uint256 amount) = _transferAt(logs, address(ifil), 0);
        vm.assertEq(to, alice);
        vm.assertEq(amount, 30e18);
        (, to, amount) = _transferAt(logs, address(ifil), 1);
        vm.assertEq(to, bob);
        vm.assertEq(amount, 30e18);
        (, to, amount) = _transferAt(logs, address(ifil), 2);
        vm.assertEq(to, alice);
        vm.assertEq(amount, 40e18);
    }

    function test_ClaimRewards_GroupedIdsPayOneTransferPerOwner() public {
        uint256 a2 = _buyBeforeTerm(alice, offeringId, 20);
        uint256 b1 = _buyBeforeTerm(bob, offeringId, 30);
        uint256 a3 = _buyBeforeTerm(alice, offeringId, 40);
        _deposit(offeringId, 100e18);
        vm.prank(bob);
        exchange.setApprovalForAll(alice, true);
        vm.recordLogs();
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA, a2, a3, b1));
        vm.assertEq(_countTransfers(vm.getRecordedLogs(), address(ifil)), 2);
        vm.assertEq(ifil.balanceOf(alice), 70e18);
        vm.assertEq(ifil.balanceOf(bob), 1_000e18 + 30e18);
    }

    function test_ClaimRewards_SameTokenAcrossOfferingsIsOneRun() public {
        uint256 second = _createOffering(miner, 100, PRICE, TERM_START + 3, TERM_END); // also pays IFIL
        uint256 s1 = _buy(alice, second, 5); // starts TERM_START + 3
        _warpToDay(TERM_START + 4);
        _deposit(offeringId, 1e18);
        _deposit(second, 2e18);
        vm.recordLogs();
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA, s1)), 3e18);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        vm.assertEq(_countTransfers(logs, address(ifil)), 1, "runs are per owner and token, not per offering");
        (, address to, uint256 amount) = _transferAt(logs, address(ifil), 0);
        vm.assertEq(to, alice);
        vm.assertEq(amount, 3e18);
    }

    function test_ClaimRewards_SplitsRunsByRewardToken() public {
        uint256 a2 = _buyBeforeTerm(alice, offeringId, 10); // 20 units
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START + 5, TERM_END);
        t.assetId = btcAsset;
        t.rewardToken = address(wbtc);
        uint256 btcOffering = _createWith(t);
        uint256 w1 = _buy(alice, btcOffering, 4);
        vm.prank(bridge);
        wbtc.mint(miner, 1e8);
        vm.prank(miner);
        wbtc.approve(address(exchange), type(uint256).max);
        _deposit(offeringId, 1e18);
        _warpToDay(TERM_START + 7);
        _deposit(btcOffering, 2e6); // day TERM_START + 5
        _deposit(offeringId, 2e18); // day TERM_START + 1

        vm.recordLogs();
        vm.prank(alice);
        uint256 total = exchange.claimRewards(_ids(tokenA, w1, a2));
        vm.assertEq(total, 2e18 + 2e6 + 1e18);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        vm.assertEq(_countTransfers(logs, address(ifil)), 2);
        vm.assertEq(_countTransfers(logs, address(wbtc)), 1);
        vm.assertEq(wbtc.balanceOf(alice), 2e6);
        vm.assertEq(ifil.balanceOf(alice), 3e18);
    }

    function test_RevertWhen_ClaimerIsNotOwnerOrApproved() public {
        _deposit(offeringId, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA, bob)
        );
        vm.prank(bob);
        exchange.claimRewards(_ids(tokenA));
    }

    function test_RevertWhen_OneOfSeveralPositionsIsNotTheCallers() public {
        uint256 b1 = _buyBeforeTerm(bob, offeringId, 5);
        _deposit(offeringId, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, b1, alice));
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA, b1));
    }

    function test_RevertWhen_ClaimingNonexistentPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 99));
        vm.prank(alice);
        exchange.claimRewards(_ids(99));
    }

    function test_ClaimableRewards_NonexistentPositionIsZero() public view {
        vm.assertEq(exchange.claimableRewards(99), 0);
    }

    function _thr(uint16 a, uint16 b, uint16 c) internal pure returns (DefaultThresholds memory) {
        return DefaultThresholds(a, b, c, 0, 60);
    }
}
