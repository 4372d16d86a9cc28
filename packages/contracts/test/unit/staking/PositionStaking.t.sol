// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IPositionLockerErrors, IPositionLocksErrors} from "../../../src/errors/LockErrors.sol";
import {IDmcEmissionPoolErrors, IPositionStakingErrors} from "../../../src/errors/StakingErrors.sol";
import {IDmcEmissionPool} from "../../../src/interfaces/IDmcEmissionPool.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IPositionLocks} from "../../../src/interfaces/IPositionLocks.sol";
import {IPositionStaking} from "../../../src/interfaces/IPositionStaking.sol";
import {OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {TestLocker} from "../../mocks/TestLocker.sol";
import {PositionStaking} from "../../../src/staking/PositionStaking.sol";
import {StakingFixture} from "./StakingFixture.sol";

contract PositionStakingTest is StakingFixture {
    uint256 internal constant TERM_START = START_DAY + 2;
    uint256 internal constant TERM_END = TERM_START + TERM_DAYS;

    // ------------------------------------------------------------------ stake

    function test_Stake_LocksInPlaceWithPayoutsZeroAndWeighsUnitsTimesDaysLeft() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.prank(alice);
        exchange.approve(address(staking), tokenId);
        uint256 daysLeft = TERM_END - _today();
        vm.expectEmit(address(staking));
        emit IPositionStaking.PositionStaked(tokenId, alice, 10, daysLeft, 10 * daysLeft);
        vm.expectEmit(address(staking));
        emit IDmcEmissionPool.WeightChanged(alice, 10 * daysLeft, 10 * daysLeft, 0);
        vm.prank(alice);
        staking.stake(_ids(tokenId));
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        vm.assertEq(exchange.lockedBy(tokenId), address(staking));
        vm.assertEq(exchange.positionState(tokenId).lockPayouts, 0);
        (address staker, uint256 weight) = staking.stakeOf(tokenId);
        vm.assertEq(staker, alice);
        vm.assertEq(weight, 10 * 182);
        vm.assertEq(staking.weightOf(alice), 1_820);
        vm.assertEq(staking.totalWeight(), 1_820);
    }

    function test_Stake_APositionNearItsEndWeighsLessThanANewOne() public {
        uint256 early = _buyAndStake(alice, 10);
        _warpToDay(TERM_END - 3);
        // A second offering of the same size bought now would weigh 180 days; this one weighs what is left.
        vm.assertEq(staking.currentWeightOf(early), 10 * 3);
        staking.poke(_ids(early));
        vm.assertEq(staking.weightOf(alice), 30);
    }

    function test_Stake_StakerKeepsClaimingDailyMiningRewardsFromTheExchange() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        _warpToDay(TERM_START + 2);
        _deposit(offeringId, 1e18);
        _deposit(offeringId, 1e18);
        uint256 claimable = exchange.positionState(tokenId).claimableRewards;
        vm.assertGt(claimable, 0);
        uint256 before = ifil.balanceOf(alice);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenId)), claimable);
        vm.assertEq(ifil.balanceOf(alice) - before, claimable);
        // still staked, still earning DMC
        vm.assertEq(exchange.lockedBy(tokenId), address(staking));
        vm.assertGt(staking.earned(alice), 0);
    }

    function test_Stake_StakerKeepsTheRefundOfAHaltedOffering() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        _warpToDay(TERM_START + 8);
        exchange.flag(offeringId);
        vm.prank(governor);
        exchange.halt(offeringId);
        uint256 refundable = exchange.positionState(tokenId).refundable;
        vm.assertGt(refundable, 0);
        uint256 before = usdt.balanceOf(alice);
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenId));
        vm.assertEq(usdt.balanceOf(alice) - before, refundable);
    }

    function test_Stake_Batch() public {
        uint256 a = _buy(alice, offeringId, 3);
        uint256 b = _buy(alice, offeringId, 4);
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(staking), true);
        staking.stake(_ids(a, b));
        vm.stopPrank();
        vm.assertEq(staking.weightOf(alice), 7 * 182);
    }

    function test_Stake_RevertsOnEmptyBatch() public {
        vm.expectRevert(IPositionStakingErrors.NftStaking_NoPositions.selector);
        vm.prank(alice);
        staking.stake(new uint256[](0));
    }

    // ------------------------------------------------------------------ earning

    function test_Earned_TicksUpEverySecondPerWeight() public {
        _buyAndStake(alice, 10);
        _buyAndStake(bob, 30);
        vm.warp(block.timestamp + 100);
        // 100 s x 0.1 DMC shared 1:3
        vm.assertApproxEqAbs(staking.earned(alice), 2.5e18, 1);
        vm.assertApproxEqAbs(staking.earned(bob), 7.5e18, 1);
        vm.warp(block.timestamp + 1);
        vm.assertApproxEqAbs(staking.earned(alice), 2.525e18, 1);
        vm.assertEq(staking.rewardRate(), RATE);
    }

    function test_Claim_DrawsFromTheBehaviourBucketToTheRecipient() public {
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 1_000);
        uint256 owed = staking.earned(alice);
        vm.assertApproxEqAbs(owed, 100e18, 1); // 1,000 s x 0.1 DMC, truncated below a wei
        vm.expectEmit(address(staking));
        emit IDmcEmissionPool.DmcClaimed(alice, carol, owed, 0);
        vm.prank(alice);
        vm.assertEq(staking.claim(carol), owed);
        vm.assertEq(dmc.balanceOf(carol), owed);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR - owed);
        vm.assertEq(staking.earned(alice), 0);
    }

    function test_Claim_RevertsWithNothingEarned() public {
        vm.expectRevert(abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_NothingToClaim.selector, alice));
        vm.prank(alice);
        staking.claim(alice);
    }

    // ------------------------------------------------------------------ unstake

    function test_Unstake_UnlocksSettlesAndKeepsEarnedClaimable() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 50);
        vm.expectEmit(address(staking));
        emit IPositionStaking.PositionUnstaked(tokenId, alice, 1_820);
        vm.prank(alice);
        staking.unstake(_ids(tokenId));
        vm.assertEq(exchange.lockedBy(tokenId), address(0));
        vm.assertEq(staking.totalWeight(), 0);
        uint256 owed = staking.earned(alice);
        vm.assertApproxEqAbs(owed, 5e18, 1);
        vm.warp(block.timestamp + 50);
        vm.assertEq(staking.earned(alice), owed);
        // the position is free again: alice can move it
        vm.prank(alice);
        exchange.transferFrom(alice, bob, tokenId);
    }

    // ------------------------------------------------------------------ attacks: bug classes of the issue

    /// @dev Seconds with nothing staked emit nothing: that DMC stays in the bucket and nobody loses it.
    function test_Attack_RewardsLostWhileNothingStakedIsImpossible() public {
        vm.warp(block.timestamp + 10_000);
        vm.assertEq(staking.emitted(), 0);
        uint256 tokenId = _buyAndStake(alice, 1);
        vm.warp(block.timestamp + 10);
        vm.assertEq(staking.emitted(), 1e18);
        vm.assertApproxEqAbs(staking.earned(alice), 1e18, 1);
        vm.prank(alice);
        staking.unstake(_ids(tokenId));
        vm.warp(block.timestamp + 10_000);
        vm.assertEq(staking.emitted(), 1e18);
        vm.prank(alice);
        uint256 paid = staking.claim(alice);
        // everything emitted was paid (to the wei's rounding); the unemitted seconds never left the bucket
        vm.assertApproxEqAbs(paid, 1e18, 1);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR - paid);
    }

    /// @dev Rate truncation: a rate that does not divide the weight still pays everything (remainder carried).
    function test_Attack_RateTruncationLosesNothingAtPoolLevel() public {
        vm.prank(governor);
        staking.setRate(7);
        uint256 tokenId = _buyAndStake(alice, 1); // weight 182
        _buyAndStake(bob, 2); // weight 364
        for (uint256 i; i < 50; ++i) {
            vm.warp(block.timestamp + 1);
            staking.poke(_ids(tokenId)); // same day: no re-weight
            vm.prank(alice);
            try staking.claim(alice) {} catch {}
        }
        // 50 s x 7 wei = 350 wei emitted; paid + earned is within 1 wei per settlement of it
        vm.assertEq(staking.emitted(), 350);
        uint256 accounted = dmc.balanceOf(alice) + staking.earned(alice) + staking.earned(bob);
        vm.assertLe(accounted, 350);
        vm.assertGe(accounted + 52, 350);
    }

    /// @dev There is no notify: a dust top-up cannot exist, and a dust rate change leaves the period unmoved.
    function test_Attack_DustNotifyCannotStretchThePeriod() public {
        (uint256 s0, uint256 e0) = staking.period();
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 1 days);
        vm.prank(governor);
        staking.setRate(1); // the DAO's smallest change
        (uint256 s1, uint256 e1) = staking.period();
        vm.assertEq(s1, s0);
        vm.assertEq(e1, e0);
        // the day at the old rate was settled in full, then 1 wei/s
        vm.warp(block.timestamp + 100);
        vm.assertEq(staking.emitted(), 1 days * RATE + 100);
        // past the end nothing more is emitted, whatever the rate
        vm.warp(e0 + 30 days);
        vm.assertEq(staking.rewardRate(), 0);
        uint256 atEnd = staking.emitted();
        vm.warp(e0 + 60 days);
        vm.assertEq(staking.emitted(), atEnd);
    }

    /// @dev Staking right before a big rate rise earns only the seconds it is staked.
    function test_Attack_JustInTimeStakeBeforeADropEarnsOnlyItsSeconds() public {
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 1 days);
        // bob front-runs the DAO's rate rise by one second with 10x alice's weight
        uint256 jit = _buyAndStake(bob, 100);
        vm.prank(governor);
        staking.setRate(10e18);
        vm.warp(block.timestamp + 1);
        vm.prank(bob);
        staking.unstake(_ids(jit));
        // bob earned 1 s of the new rate by his share, nothing of the day before
        uint256 wa = 10 * 182;
        uint256 wb = 100 * 181;
        vm.assertApproxEqAbs(staking.earned(bob), 10e18 * wb / (wa + wb), 1);
        vm.assertApproxEqAbs(staking.earned(alice), 1 days * RATE + 10e18 * wa / (wa + wb), 2);
    }

    function test_Attack_RateChangeIsNeverRetroactive() public {
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 1_000);
        uint256 before = staking.earned(alice);
        vm.expectEmit(address(staking));
        emit IDmcEmissionPool.RateSet(RATE, 0, block.timestamp, 100e18);
        vm.prank(governor);
        staking.setRate(0);
        vm.assertEq(staking.earned(alice), before);
        vm.warp(block.timestamp + 1_000);
        vm.assertEq(staking.earned(alice), before);
    }

    function test_Attack_EmissionNeverExceedsTheBudget() public {
        vm.prank(governor);
        staking.setRate(type(uint64).max); // the largest rate: ~18.4 DMC per second
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 1 days);
        vm.assertEq(staking.emitted(), BUDGET);
        vm.assertEq(staking.rewardRate(), 0);
        vm.prank(alice);
        staking.claim(alice);
        vm.assertLe(dmc.balanceOf(alice), BUDGET);
        uint256 tooFast = uint256(type(uint64).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_InvalidRate.selector, tooFast, BUDGET));
        vm.prank(governor);
        staking.setRate(tooFast);
    }

    function test_Attack_BucketRunningShortPaysWhatIsLeftAndKeepsTheRest() public {
        // a small reserve shared with another drawer of the bucket
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 1_000);
        vm.startPrank(governor);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, governor, true);
        reserve.draw(IMiningReserve.Bucket.Behaviour, governor, BEHAVIOUR - 40e18);
        vm.stopPrank();
        uint256 owed = staking.earned(alice);
        vm.prank(alice);
        vm.assertEq(staking.claim(alice), 40e18);
        vm.assertEq(staking.earned(alice), owed - 40e18);
        vm.expectRevert(
            abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_BucketEmpty.selector, alice, owed - 40e18)
        );
        vm.prank(alice);
        staking.claim(alice);
    }

    /// @dev No migrator, no sweep: the owner cannot unstake, move or claim for anybody.
    function test_Attack_OwnerHasNoBackdoorToStakes() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 100);
        vm.startPrank(governor);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionStakingErrors.NftStaking_NotStaker.selector, tokenId, governor, alice)
        );
        staking.unstake(_ids(tokenId));
        vm.expectRevert(abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_NothingToClaim.selector, governor));
        staking.claim(governor);
        vm.stopPrank();
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        vm.assertApproxEqAbs(staking.earned(alice), 10e18, 1);
    }

    // ------------------------------------------------------------------ attacks: callers and positions

    function test_Attack_StrangerCallsOwnerOnlySetRate() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        staking.setRate(1e18);
    }

    function test_Attack_StrangerStakesSomeonesApprovedPosition() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.prank(alice);
        exchange.approve(address(staking), tokenId);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenId, bob, alice)
        );
        vm.prank(bob);
        staking.stake(_ids(tokenId));
    }

    function test_Attack_StrangerUnstakesSomeonesPosition() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionStakingErrors.NftStaking_NotStaker.selector, tokenId, bob, alice)
        );
        vm.prank(bob);
        staking.unstake(_ids(tokenId));
        vm.expectRevert(abi.encodeWithSelector(IPositionStakingErrors.NftStaking_NotStaked.selector, 99));
        vm.prank(bob);
        staking.unstake(_ids(99));
    }

    function test_Attack_StakeAPositionLockedElsewhere() public {
        TestLocker loans = new TestLocker(IPositionLocks(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(loans), true);
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(loans), true);
        exchange.setApprovalForAll(address(staking), true);
        loans.pledge(tokenId, bob);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenId, address(loans))
        );
        staking.stake(_ids(tokenId));
        vm.stopPrank();
    }

    function test_Attack_StakeTwiceReverts() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(staking), true);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenId, address(staking))
        );
        staking.stake(_ids(tokenId, tokenId));
        vm.stopPrank();
    }

    function test_Attack_StakeWithoutApprovalReverts() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenId, address(staking)
            )
        );
        vm.prank(alice);
        staking.stake(_ids(tokenId));
    }

    /// @dev Unstake runs no receiver callback: the position never left its owner.
    function test_Attack_ReentrantErc721ReceiverOnUnstake() public {
        ReentrantReceiver holder = new ReentrantReceiver(address(staking));
        _fund(address(holder));
        vm.prank(address(holder));
        uint256 tokenId = exchange.buy(offeringId, 5, type(uint256).max, address(0));
        vm.startPrank(address(holder));
        exchange.approve(address(staking), tokenId);
        staking.stake(_ids(tokenId));
        vm.stopPrank();
        holder.setNftAction(abi.encodeCall(IPositionStaking.stake, (_ids(tokenId))));
        vm.warp(block.timestamp + 10);
        vm.prank(address(holder));
        staking.unstake(_ids(tokenId));
        vm.assertEq(holder.nftCallbacks(), 0);
        vm.assertFalse(holder.reentered());
        vm.assertEq(exchange.ownerOf(tokenId), address(holder));
        vm.assertEq(exchange.lockedBy(tokenId), address(0));
    }

    function test_Attack_StrangerPokeLowersWeightsCorrectly() public {
        uint256 a = _buyAndStake(alice, 10); // 1,820
        uint256 b = _buyAndStake(bob, 10);
        vm.warp(block.timestamp + 30 days);
        uint256 earnedBefore = staking.earned(alice);
        uint256 expected = 10 * (TERM_END - _today());
        vm.expectEmit(address(staking));
        emit IPositionStaking.StakeReweighted(a, alice, 1_820, expected, stranger);
        vm.prank(stranger);
        staking.poke(_ids(a));
        // settled first: nothing earned at the old weight is lost
        vm.assertEq(staking.earned(alice), earnedBefore);
        vm.assertEq(staking.weightOf(alice), expected);
        vm.assertEq(staking.totalWeight(), expected + 1_820);
        // a second poke the same day changes nothing; a poke never raises a weight
        vm.prank(stranger);
        staking.poke(_ids(a, 12_345));
        vm.assertEq(staking.weightOf(alice), expected);
        // from now on bob (not poked yet) out-earns alice in proportion
        uint256 bobBefore = staking.earned(bob);
        vm.warp(block.timestamp + 1_000);
        vm.assertApproxEqAbs(staking.earned(bob) - bobBefore, 100e18 * 1_820 / (1_820 + expected), 1);
        b;
    }

    function test_Attack_HaltedPositionWeighsZeroAndCannotBeStaked() public {
        uint256 a = _buyAndStake(alice, 10);
        uint256 late = _buy(bob, offeringId, 10);
        _warpToDay(TERM_START + 8);
        exchange.flag(offeringId);
        // flagged: still live, weight unchanged
        vm.assertEq(staking.currentWeightOf(a), 10 * (TERM_END - _today()));
        vm.prank(governor);
        exchange.halt(offeringId);
        vm.assertEq(uint8(exchange.positionState(a).status), uint8(OfferingStatus.Halted));
        vm.assertEq(staking.currentWeightOf(a), 0);
        staking.poke(_ids(a));
        vm.assertEq(staking.weightOf(alice), 0);
        vm.assertEq(staking.totalWeight(), 0);
        vm.prank(bob);
        exchange.approve(address(staking), late);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, late, OfferingStatus.Halted, TERM_END
            )
        );
        vm.prank(bob);
        staking.stake(_ids(late));
        // the halted stake is still withdrawable
        vm.prank(alice);
        staking.unstake(_ids(a));
        vm.assertEq(exchange.lockedBy(a), address(0));
    }

    function test_Attack_ExpiredPositionCannotBeStaked() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        vm.warp(TERM_END * DAY);
        vm.prank(alice);
        exchange.approve(address(staking), tokenId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenId, OfferingStatus.Active, TERM_END
            )
        );
        vm.prank(alice);
        staking.stake(_ids(tokenId));
    }

    function test_Attack_UnstakeAtTheTermEndSecond() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        vm.warp(TERM_END * DAY - 1);
        vm.assertEq(staking.currentWeightOf(tokenId), 10); // the last day counts once
        vm.warp(TERM_END * DAY);
        vm.assertEq(staking.currentWeightOf(tokenId), 0);
        staking.poke(_ids(tokenId));
        vm.assertEq(staking.totalWeight(), 0);
        vm.prank(alice);
        staking.unstake(_ids(tokenId));
        vm.assertEq(exchange.lockedBy(tokenId), address(0));
        vm.assertGt(staking.earned(alice), 0);
    }

    function test_Attack_OneUnitPosition() public {
        uint256 tokenId = _buyAndStake(alice, 1);
        vm.assertEq(staking.weightOf(alice), 182);
        _buyAndStake(bob, 999);
        vm.warp(block.timestamp + 1 days);
        vm.assertApproxEqAbs(staking.earned(alice), 1 days * RATE / 1_000, 1);
        vm.prank(alice);
        staking.unstake(_ids(tokenId));
        vm.prank(alice);
        staking.claim(alice);
        vm.assertApproxEqAbs(dmc.balanceOf(alice), 1 days * RATE / 1_000, 1);
    }

    function test_Attack_RevokedLockerReleasedByGovernanceIsCleanedUpByPoke() public {
        uint256 tokenId = _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 100);
        vm.startPrank(governor);
        exchange.setLocker(address(staking), false);
        exchange.releaseRevokedLock(tokenId);
        vm.stopPrank();
        vm.prank(stranger);
        staking.poke(_ids(tokenId));
        (address staker,) = staking.stakeOf(tokenId);
        vm.assertEq(staker, address(0));
        vm.assertEq(staking.totalWeight(), 0);
        vm.assertApproxEqAbs(staking.earned(alice), 10e18, 1);
        vm.prank(alice);
        exchange.transferFrom(alice, bob, tokenId);
    }

    function test_Attack_ClaimToZeroAddressReverts() public {
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 10);
        vm.expectRevert(IDmcEmissionPoolErrors.Emission_ZeroAddress.selector);
        vm.prank(alice);
        staking.claim(address(0));
    }

    function test_Attack_ClaimWithoutDrawerRightRevertsAndKeepsEarned() public {
        _buyAndStake(alice, 10);
        vm.warp(block.timestamp + 10);
        vm.prank(governor);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(staking), false);
        vm.expectRevert();
        vm.prank(alice);
        staking.claim(alice);
        vm.assertApproxEqAbs(staking.earned(alice), 1e18, 1);
    }

    function test_Constructor_RejectsBadSchedules() public {
        vm.expectRevert(
            abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_InvalidSchedule.selector, 10, 10, BUDGET)
        );
        new PositionStaking(IPositionLocks(address(exchange)), reserve, governor, BUDGET, 10, 10, 0);
        vm.expectRevert(abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_InvalidRate.selector, 2, 1));
        new PositionStaking(IPositionLocks(address(exchange)), reserve, governor, 1, 10, 20, 2);
    }
}

