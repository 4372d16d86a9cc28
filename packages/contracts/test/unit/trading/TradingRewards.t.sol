// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IMiningReserveErrors} from "../../../src/errors/DmcErrors.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {ITradingRewardsErrors} from "../../../src/errors/TradingErrors.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {TradingRewards} from "../../../src/trading/TradingRewards.sol";
import {TradingRewardsFixture} from "../../utils/TradingRewardsFixture.sol";

/// @notice TradingRewards on its own: credit, epochs, schedules, settlement, claims, and the wash trade the
/// cap is there for (issue 11: two accounts trading one position back and forth must lose money).
contract TradingRewardsTest is TradingRewardsFixture {
    // ------------------------------------------------------------------ deployment

    function test_constructor_setsEpochsAndSchedule() public view {
        vm.assertEq(rewards.owner(), timelock);
        vm.assertEq(address(rewards.dmc()), address(dmc));
        vm.assertEq(address(rewards.reserve()), address(reserve));
        vm.assertEq(rewards.genesis(), genesis);
        vm.assertEq(rewards.epochDuration(), EPOCH);
        vm.assertEq(rewards.currentEpoch(), 0);
        (uint256 budget, uint256 cap) = rewards.scheduleFor(0);
        vm.assertEq(budget, BUDGET);
        vm.assertEq(cap, CAP);
        (budget, cap) = rewards.scheduleFor(1000);
        vm.assertEq(budget, BUDGET);
        vm.assertEq(cap, CAP);
    }

    function test_constructor_rejectsBadArguments() public {
        IMiningReserve r = IMiningReserve(address(reserve));
        vm.expectRevert(ITradingRewardsErrors.Rewards_ZeroAddress.selector);
        new TradingRewards(timelock, IERC20(address(0)), r, genesis, EPOCH, BUDGET, CAP);
        vm.expectRevert(ITradingRewardsErrors.Rewards_ZeroAddress.selector);
        new TradingRewards(timelock, dmc, IMiningReserve(address(0)), genesis, EPOCH, BUDGET, CAP);
        vm.expectRevert(
            abi.encodeWithSelector(ITradingRewardsErrors.Rewards_ReserveTokenMismatch.selector, address(usdt))
        );
        new TradingRewards(timelock, IERC20(address(usdt)), r, genesis, EPOCH, BUDGET, CAP);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidEpochs.selector, genesis, 0));
        new TradingRewards(timelock, dmc, r, genesis, 0, BUDGET, CAP);
        vm.expectRevert(
            abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidEpochs.selector, genesis, 1 hours - 1)
        );
        new TradingRewards(timelock, dmc, r, genesis, 1 hours - 1, BUDGET, CAP);
        new TradingRewards(timelock, dmc, r, genesis, 1 hours, BUDGET, CAP);
        uint256 future = block.timestamp + 1;
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidEpochs.selector, future, EPOCH));
        new TradingRewards(timelock, dmc, r, future, EPOCH, BUDGET, CAP);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidSchedule.selector, BUDGET, 0));
        new TradingRewards(timelock, dmc, r, genesis, EPOCH, BUDGET, 0);
        uint256 tooMuch = rewards.MAX_DMC_PER_EPOCH() + 1;
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidSchedule.selector, tooMuch, CAP));
        new TradingRewards(timelock, dmc, r, genesis, EPOCH, tooMuch, CAP);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new TradingRewards(address(0), dmc, r, genesis, EPOCH, BUDGET, CAP);
    }

    function test_constructor_emitsTheInitialSchedule() public {
        vm.expectEmit();
        emit ITradingRewards.ScheduleSet(0, BUDGET, CAP);
        new TradingRewards(timelock, dmc, IMiningReserve(address(reserve)), genesis, EPOCH, BUDGET, CAP);
    }

    // ------------------------------------------------------------------ epochs

    function test_epochs_areWeeksFromGenesis() public {
        vm.assertEq(rewards.epochStart(0), genesis);
        vm.assertEq(rewards.epochStart(3), genesis + 3 * EPOCH);
        vm.assertEq(rewards.epochAt(genesis), 0);
        vm.assertEq(rewards.epochAt(genesis + EPOCH - 1), 0);
        vm.assertEq(rewards.epochAt(genesis + EPOCH), 1);
        vm.assertEq(rewards.epochAt(genesis - 1), 0);
        vm.warp(genesis + 10 * EPOCH + 5);
        vm.assertEq(rewards.currentEpoch(), 10);
    }

    /// @dev The last second of an epoch credits that epoch; the next second credits the next one and settles.
    function test_epochBoundarySecond() public {
        vm.warp(rewards.epochStart(1) - 1);
        _credit(alice, address(usdt), 1e6);
        (uint256 epoch, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(epoch, 0);
        vm.assertEq(credit, 1e18);

        vm.warp(rewards.epochStart(1));
        vm.expectEmit();
        emit ITradingRewards.RewardsSettled(alice, 0, 1e18, 10e18);
        vm.expectEmit();
        emit ITradingRewards.FeeCredited(alice, 1, source, address(usdt), 2e6, 2e18, 2e18, 2e18);
        _credit(alice, address(usdt), 2e6);
        uint256 accrued;
        (epoch, credit, accrued) = rewards.accountRewards(alice);
        vm.assertEq(epoch, 1);
        vm.assertEq(credit, 2e18);
        vm.assertEq(accrued, 10e18);
        (uint256 total0,,,) = rewards.epochTotals(0);
        (uint256 total1,,,) = rewards.epochTotals(1);
        vm.assertEq(total0, 1e18);
        vm.assertEq(total1, 2e18);
    }

    // ------------------------------------------------------------------ crediting

    function test_recordFee_normalisesSixDecimals() public {
        vm.expectEmit();
        emit ITradingRewards.EpochOpened(0, BUDGET, CAP);
        vm.expectEmit();
        emit ITradingRewards.FeeCredited(alice, 0, source, address(usdt), 7_600_000, 7.6e18, 7.6e18, 7.6e18);
        _credit(alice, address(usdt), 7_600_000);
        _credit(bob, address(dai), 1.5e18);
        (uint256 total, uint256 budget, uint256 cap, bool opened) = rewards.epochTotals(0);
        vm.assertEq(total, 9.1e18);
        vm.assertEq(budget, BUDGET);
        vm.assertEq(cap, CAP);
        vm.assertTrue(opened);
        (, uint256 credit,) = rewards.accountRewards(bob);
        vm.assertEq(credit, 1.5e18);
    }

    function test_recordFee_unlistedTokenOrZeroFeeCreditsNothing() public {
        BridgedToken other = _feeToken("Other", "OTH", 6);
        vm.recordLogs();
        _credit(alice, address(other), 1e6);
        _credit(alice, address(usdt), 0);
        _credit(alice, address(0), 1e6);
        vm.assertEq(vm.getRecordedLogs().length, 0);
        (uint256 epoch, uint256 credit, uint256 accrued) = rewards.accountRewards(alice);
        vm.assertEq(epoch + credit + accrued, 0);
        (,,, bool opened) = rewards.epochTotals(0);
        vm.assertFalse(opened);
    }

    function test_recordFee_delistedTokenStopsCrediting() public {
        vm.expectEmit();
        emit ITradingRewards.FeeTokenSet(address(usdt), 6, false);
        vm.prank(timelock);
        rewards.setFeeToken(address(usdt), false);
        _credit(alice, address(usdt), 1e6);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 0);
        vm.prank(timelock);
        rewards.setFeeToken(address(usdt), true);
        _credit(alice, address(usdt), 1e6);
        (, credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 1e18);
    }

    function test_recordFee_hugeFeeSaturatesInsteadOfReverting() public {
        _credit(alice, address(dai), type(uint256).max);
        _credit(alice, address(dai), type(uint256).max);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, type(uint96).max);
        (uint256 total,,,) = rewards.epochTotals(0);
        vm.assertEq(total, type(uint96).max);
    }

    function test_Attack_StrangerCreditsItself() public {
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        rewards.recordFee(stranger, address(0), address(usdt), 1_000_000e6);
        // A source governance removed is a stranger again.
        vm.prank(timelock);
        rewards.setSource(source, false);
        vm.prank(source);
        rewards.recordFee(stranger, address(0), address(usdt), 1e6);
        (, uint256 credit,) = rewards.accountRewards(stranger);
        vm.assertEq(credit, 0, "no stranger's call credits anything");
        (uint256 total,,, bool opened) = rewards.epochTotals(rewards.currentEpoch());
        vm.assertEq(total, 0);
        vm.assertFalse(opened, "nor opens an epoch");
    }

    // ------------------------------------------------------------------ rounding

    /// @dev One wei of a 6-decimal token is 1e12 of credit: alone it earns the cap (10 DMC per $1 => 1e13 wei).
    function test_rounding_oneWeiSixDecimalFee() public {
        _credit(alice, address(usdt), 1);
        vm.assertEq(rewards.rewardFor(0, 1e12), 1e13);
        // Next to a 10M USDT trader its share rounds down below the cap.
        _credit(bob, address(usdt), 10_000_000e6);
        uint256 total = 1e12 + 10_000_000e18;
        uint256 share = BUDGET * 1e12 / total;
        vm.assertEq(share, 9_999_999_999);
        vm.assertEq(rewards.rewardFor(0, 1e12), share);
        uint256 bobReward = rewards.rewardFor(0, 10_000_000e18);
        vm.assertEq(bobReward, BUDGET * 10_000_000e18 / total);
        vm.assertLe(share + bobReward, BUDGET);

        _warpToEpoch(1);
        vm.assertEq(_claim(alice), share);
        vm.assertEq(dmc.balanceOf(alice), share);
    }

    /// @dev With a cap of 1 wei of DMC per $1, a 1-wei USDT fee rounds down to nothing: nothing to claim.
    function test_rounding_dustRoundsToZero() public {
        vm.prank(timelock);
        rewards.setSchedule(BUDGET, 1);
        _warpToEpoch(1);
        _credit(alice, address(usdt), 1);
        _warpToEpoch(2);
        (uint256 claimable,,) = rewards.earned(alice);
        vm.assertEq(claimable, 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_NothingToClaim.selector, alice));
        rewards.claim(alice);
    }

    function test_shareBindsWhenManyTrade() public {
        // 20,000 USDT of fees by alice and 30,000 by bob: the cap (10 DMC per $1) would give 500,000 DMC, the
        // budget is 100,000: they split it 40/60.
        _credit(alice, address(usdt), 20_000e6);
        _credit(bob, address(usdt), 30_000e6);
        vm.assertEq(rewards.rewardFor(0, 20_000e18), 40_000e18);
        vm.assertEq(rewards.rewardFor(0, 30_000e18), 60_000e18);
    }

    function test_rewardFor_unopenedEpochUsesItsSchedule() public view {
        vm.assertEq(rewards.rewardFor(5, 1e18), 10e18);
        vm.assertEq(rewards.rewardFor(5, 1_000_000e18), BUDGET);
        vm.assertEq(rewards.rewardFor(5, 0), 0);
        // a hypothetical credit far beyond any real one does not overflow the view
        vm.assertEq(rewards.rewardFor(5, type(uint256).max), BUDGET);
    }

    // ------------------------------------------------------------------ schedules

    function test_setSchedule_appliesFromNextEpoch() public {
        vm.warp(genesis + EPOCH + 3 days);
        vm.expectEmit();
        emit ITradingRewards.ScheduleSet(2, 50_000e18, 5e18);
        vm.prank(timelock);
        rewards.setSchedule(50_000e18, 5e18);
        (uint256 budget, uint256 cap) = rewards.scheduleFor(1);
        vm.assertEq(budget, BUDGET);
        vm.assertEq(cap, CAP);
        (budget, cap) = rewards.scheduleFor(2);
        vm.assertEq(budget, 50_000e18);
        vm.assertEq(cap, 5e18);
        // A second change in the same epoch replaces the pending one.
        vm.prank(timelock);
        rewards.setSchedule(60_000e18, 6e18);
        (budget, cap) = rewards.scheduleFor(2);
        vm.assertEq(budget, 60_000e18);
        vm.assertEq(cap, 6e18);
        (budget,) = rewards.scheduleFor(1);
        vm.assertEq(budget, BUDGET);
    }

    function test_Attack_ScheduleChangeIsNotRetroactive() public {
        // Epoch 0 opened under the deploy schedule; then governance cuts the cap to 1 DMC per $1 and the budget.
        _credit(alice, address(usdt), 100e6);
        vm.warp(genesis + 2 days);
        vm.prank(timelock);
        rewards.setSchedule(1_000e18, 1e18);
        // Epoch 0 keeps what it snapshotted, also for credits after the change.
        _credit(bob, address(usdt), 100e6);
        (, uint256 budget, uint256 cap,) = rewards.epochTotals(0);
        vm.assertEq(budget, BUDGET);
        vm.assertEq(cap, CAP);
        vm.assertEq(rewards.rewardFor(0, 100e18), 1_000e18);

        // An epoch that had no credit yet when the change came also keeps the old schedule: set a change
        // in epoch 1 before anyone traded in it.
        _warpToEpoch(1);
        vm.prank(timelock);
        rewards.setSchedule(10e18, 0.1e18);
        _credit(alice, address(usdt), 100e6); // opens epoch 1 under the first change, settles epoch 0
        (, budget, cap,) = rewards.epochTotals(1);
        vm.assertEq(budget, 1_000e18);
        vm.assertEq(cap, 1e18);

        _warpToEpoch(2);
        _credit(alice, address(usdt), 100e6);
        (, budget, cap,) = rewards.epochTotals(2);
        vm.assertEq(budget, 10e18);
        vm.assertEq(cap, 0.1e18);

        _warpToEpoch(3);
        // epoch 0: 1,000 DMC (cap 10/$); epoch 1: 100 DMC (cap 1/$); epoch 2: 10 DMC (budget)
        vm.assertEq(_claim(alice), 1_000e18 + 100e18 + 10e18);
        vm.assertEq(_claim(bob), 1_000e18);
    }

    /// @dev A change waits for the epoch it names even if no epoch opens in between, and a later change
    /// does not overwrite one already in force.
    function test_schedule_pendingIsPickedWhenAnEpochOpensLater() public {
        vm.prank(timelock);
        rewards.setSchedule(50_000e18, 5e18); // from epoch 1
        _warpToEpoch(3);
        vm.prank(timelock);
        rewards.setSchedule(20_000e18, 2e18); // from epoch 4; the first one is in force now
        (uint256 budget, uint256 cap) = rewards.scheduleFor(3);
        vm.assertEq(budget, 50_000e18);
        vm.assertEq(cap, 5e18);
        _credit(alice, address(usdt), 1e6);
        (, budget, cap,) = rewards.epochTotals(3);
        vm.assertEq(budget, 50_000e18);
        vm.assertEq(cap, 5e18);
        _warpToEpoch(4);
        _credit(alice, address(usdt), 1e6);
        (, budget, cap,) = rewards.epochTotals(4);
        vm.assertEq(budget, 20_000e18);
        vm.assertEq(cap, 2e18);
    }

    function test_setSchedule_bounds() public {
        uint256 max = rewards.MAX_DMC_PER_EPOCH();
        uint256 maxCap = rewards.MAX_CAP_DMC_PER_FEE_UNIT();
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidSchedule.selector, BUDGET, 0));
        rewards.setSchedule(BUDGET, 0);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidSchedule.selector, max + 1, CAP));
        rewards.setSchedule(max + 1, CAP);
        vm.expectRevert(
            abi.encodeWithSelector(ITradingRewardsErrors.Rewards_InvalidSchedule.selector, BUDGET, maxCap + 1)
        );
        rewards.setSchedule(BUDGET, maxCap + 1);
        rewards.setSchedule(max, maxCap);
        rewards.setSchedule(0, 1); // a zero budget pauses rewards
        vm.stopPrank();
    }

    function test_governance_onlyOwner() public {
        bytes memory notOwner = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice);
        vm.startPrank(alice);
        vm.expectRevert(notOwner);
        rewards.setSchedule(BUDGET, CAP);
        vm.expectRevert(notOwner);
        rewards.setSource(alice, true);
        vm.expectRevert(notOwner);
        rewards.setFeeToken(address(usdt), false);
        vm.stopPrank();
    }

    function test_setSource_andFeeToken_validateAndEmit() public {
        BridgedToken wide = _feeToken("Too wide", "W19", 19);
        BridgedToken wbtc = _feeToken("Wrapped BTC", "WBTC", 8);
        vm.startPrank(timelock);
        vm.expectRevert(ITradingRewardsErrors.Rewards_ZeroAddress.selector);
        rewards.setSource(address(0), true);
        vm.expectRevert(ITradingRewardsErrors.Rewards_ZeroAddress.selector);
        rewards.setFeeToken(address(0), true);
        vm.expectEmit();
        emit ITradingRewards.SourceSet(alice, true);
        rewards.setSource(alice, true);
        vm.assertTrue(rewards.isSource(alice));
        vm.expectRevert(
            abi.encodeWithSelector(ITradingRewardsErrors.Rewards_UnsupportedDecimals.selector, address(wide), 19)
        );
        rewards.setFeeToken(address(wide), true);
        vm.expectEmit();
        emit ITradingRewards.FeeTokenSet(address(wbtc), 8, true);
        rewards.setFeeToken(address(wbtc), true);
        vm.stopPrank();
        _credit(alice, address(wbtc), 1);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, 1e10);
    }

    // ------------------------------------------------------------------ settling and claiming

    function test_earned_includesAFinishedUnsettledEpoch() public {
        _credit(alice, address(usdt), 10e6);
        _credit(bob, address(usdt), 30e6);
        (uint256 claimable, uint256 current, uint256 estimate) = rewards.earned(alice);
        vm.assertEq(claimable, 0);
        vm.assertEq(current, 10e18);
        vm.assertEq(estimate, 100e18);
        _warpToEpoch(1);
        (claimable, current, estimate) = rewards.earned(alice);
        vm.assertEq(claimable, 100e18);
        vm.assertEq(current, 0);
        vm.assertEq(estimate, 0);
        _credit(alice, address(usdt), 1e6);
        (claimable, current, estimate) = rewards.earned(alice);
        vm.assertEq(claimable, 100e18);
        vm.assertEq(current, 1e18);
        vm.assertEq(estimate, 10e18);
    }

    function test_claim_paysFinishedEpochsOnly() public {
        _credit(alice, address(usdt), 10e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_NothingToClaim.selector, alice));
        rewards.claim(alice);
        _warpToEpoch(1);
        vm.expectEmit(address(rewards));
        emit ITradingRewards.RewardsSettled(alice, 0, 10e18, 100e18);
        vm.expectEmit(address(rewards));
        emit ITradingRewards.RewardsClaimed(alice, alice, 100e18);
        vm.assertEq(_claim(alice), 100e18);
        vm.assertEq(dmc.balanceOf(alice), 100e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR - 100e18);
    }

    function test_claim_twice() public {
        _credit(alice, address(usdt), 10e6);
        _warpToEpoch(1);
        vm.assertEq(_claim(alice), 100e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_NothingToClaim.selector, alice));
        rewards.claim(alice);
        vm.assertEq(dmc.balanceOf(alice), 100e18);
        // New credit after the claim is claimable again once its epoch ends.
        _credit(alice, address(usdt), 1e6);
        _warpToEpoch(2);
        vm.assertEq(_claim(alice), 10e18);
    }

    function test_claim_toAnotherAddress() public {
        _credit(alice, address(usdt), 10e6);
        _warpToEpoch(1);
        vm.expectEmit(address(rewards));
        emit ITradingRewards.RewardsClaimed(alice, carol, 100e18);
        vm.expectEmit(address(reserve));
        emit IMiningReserve.Drawn(IMiningReserve.Bucket.Behaviour, address(rewards), carol, 100e18);
        vm.prank(alice);
        vm.assertEq(rewards.claim(carol), 100e18);
        vm.assertEq(dmc.balanceOf(carol), 100e18);
        vm.assertEq(dmc.balanceOf(alice), 0);
        vm.prank(alice);
        vm.expectRevert(ITradingRewardsErrors.Rewards_ZeroAddress.selector);
        rewards.claim(address(0));
    }

    /// @dev The behaviour bucket is shared with other mining: a claim pays what is left, keeps the rest, and
    /// reverts (keeping everything) once the bucket is empty.
    function test_claim_bucketExhausted() public {
        address drainer = makeAddr("drainer");
        vm.prank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, drainer, true);
        vm.prank(drainer);
        reserve.draw(IMiningReserve.Bucket.Behaviour, drainer, BEHAVIOUR - 40e18);

        _credit(alice, address(usdt), 10e6);
        _warpToEpoch(1);
        vm.assertEq(_claim(alice), 40e18);
        (,, uint256 accrued) = rewards.accountRewards(alice);
        vm.assertEq(accrued, 60e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ITradingRewardsErrors.Rewards_BucketEmpty.selector, alice, 60e18));
        rewards.claim(alice);
        (,, accrued) = rewards.accountRewards(alice);
        vm.assertEq(accrued, 60e18);
        vm.assertEq(dmc.balanceOf(alice), 40e18);
    }

    function test_claim_revertsWhenNotADrawer() public {
        vm.prank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(rewards), false);
        _credit(alice, address(usdt), 10e6);
        _warpToEpoch(1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMiningReserveErrors.Reserve_NotDrawer.selector,
                uint8(IMiningReserve.Bucket.Behaviour),
                address(rewards)
            )
        );
        rewards.claim(alice);
        // Nothing was lost: the credit is still there to settle.
        (uint256 claimable,,) = rewards.earned(alice);
        vm.assertEq(claimable, 100e18);
    }

    /// @dev An account idle for 500 epochs settles its one pending epoch at the cost of one settled after one.
    function test_idleManyEpochs_settlesInO1() public {
        _credit(alice, address(usdt), 10e6);
        _credit(bob, address(usdt), 10e6);

        _warpToEpoch(1);
        _credit(carol, address(usdt), 1e6); // opens epoch 1
        vm.prank(source);
        uint256 before = gasleft();
        rewards.recordFee(alice, address(0), address(usdt), 1e6);
        uint256 afterOne = before - gasleft();

        _warpToEpoch(500);
        _credit(carol, address(usdt), 1e6); // opens epoch 500
        vm.prank(source);
        before = gasleft();
        rewards.recordFee(bob, address(0), address(usdt), 1e6);
        uint256 afterMany = before - gasleft();

        vm.assertApproxEqAbs(afterMany, afterOne, 50);
        (uint256 epoch,, uint256 accrued) = rewards.accountRewards(bob);
        vm.assertEq(epoch, 500);
        vm.assertEq(accrued, 100e18);
        _warpToEpoch(501);
        vm.assertEq(_claim(bob), 110e18);
    }

    // ------------------------------------------------------------------ wash trading

    /// @dev A 10-unit FIL position at 38 USDT per unit, listed with the 2% trading fee.
    uint256 internal constant POSITION_PRICE = 380e6;
    uint256 internal constant TRADING_FEE_BPS = 200;

    /// @dev alice and bob trade one position back and forth `trades` times per epoch for `epochs` epochs, the
    /// buyer paying `price - fee` to the seller and the fee to the venue (credited like a listing sale), then
    /// both claim. Returns what they lost in USDT (fees) and the DMC they got.
    function _washTrade(uint256 epochs, uint256 trades, uint256 price)
        internal
        returns (uint256 usdtLost, uint256 dmcEarned)
    {
        address venue = makeAddr("venue");
        uint256 fee = price * TRADING_FEE_BPS / 10_000;
        // each pays the price once plus the fees of every trade at most
        usdt.mint(alice, price + fee * trades * epochs);
        usdt.mint(bob, price + fee * trades * epochs);
        uint256 start = usdt.balanceOf(alice) + usdt.balanceOf(bob);
        address holder = alice;
        for (uint256 e; e < epochs; ++e) {
            _warpToEpoch(e);
            for (uint256 t; t < trades; ++t) {
                address buyer = holder == alice ? bob : alice;
                vm.startPrank(buyer);
                usdt.transfer(holder, price - fee);
                usdt.transfer(venue, fee);
                vm.stopPrank();
                _credit(buyer, address(usdt), fee);
                holder = buyer;
            }
        }
        _warpToEpoch(epochs);
        usdtLost = start - usdt.balanceOf(alice) - usdt.balanceOf(bob);
        dmcEarned = _claim(alice) + _claim(bob);
        vm.assertEq(usdtLost, usdt.balanceOf(venue));
        vm.assertEq(usdtLost, fee * trades * epochs);
    }

    /// @dev DMC worth `priceWad` dollars each (18 decimals) against fees in USDT (6 decimals), exactly.
    function _dmcValueVsFees(uint256 dmcEarned, uint256 usdtLost, uint256 priceWad)
        internal
        pure
        returns (uint256 value, uint256 fees)
    {
        return (dmcEarned * priceWad, usdtLost * 1e12 * 1e18);
    }

    function test_WashTrading_LosesMoneyBelowTenCents(uint256 priceWad) public {
        priceWad = bound(priceWad, 0, 0.1e18 - 1);
        (uint256 lost, uint256 earned) = _washTrade(4, 10, POSITION_PRICE);
        vm.assertEq(lost, 4 * 10 * 7_600_000); // 7.60 USDT per trade
        // at $0.10 the DMC is worth at most the fees (exactly the fees: the cap binds)
        (uint256 value, uint256 fees) = _dmcValueVsFees(earned, lost, 0.1e18);
        vm.assertLe(value, fees);
        // below $0.10 strictly less
        (value, fees) = _dmcValueVsFees(earned, lost, priceWad);
        vm.assertLt(value, fees);
    }

    /// @dev Any position price, any number of trades, any epochs: the same.
    function testFuzz_WashTrading_LosesMoneyBelowTenCents(uint256 priceWad, uint256 price, uint256 trades) public {
        priceWad = bound(priceWad, 0, 0.1e18 - 1);
        price = bound(price, 50, 1_000_000e6);
        trades = bound(trades, 1, 12);
        (uint256 lost, uint256 earned) = _washTrade(4, trades, price);
        (uint256 value, uint256 fees) = _dmcValueVsFees(earned, lost, 0.1e18);
        vm.assertLe(value, fees);
        (value, fees) = _dmcValueVsFees(earned, lost, priceWad);
        vm.assertLt(value, fees);
    }

    /// @dev Alone in their epochs the two would split the whole budget (50,000 DMC each per epoch) without the
    /// cap; the cap holds them to 10 DMC per $1 of fees, and above $0.10 the wash would pay (the figure is tight).
    function test_WashTrading_CapBindsWhenTheyAreTheOnlyTraders() public {
        _warpToEpoch(0);
        uint256 feePerTrade = 7_600_000;
        for (uint256 t; t < 10; ++t) {
            _credit(t % 2 == 0 ? alice : bob, address(usdt), feePerTrade);
        }
        uint256 credit = 5 * feePerTrade * 1e12; // 38 USD each
        (uint256 total,,,) = rewards.epochTotals(0);
        vm.assertEq(total, 2 * credit);
        uint256 share = BUDGET * credit / total;
        vm.assertEq(share, 50_000e18);
        uint256 reward = rewards.rewardFor(0, credit);
        vm.assertEq(reward, credit * CAP / 1e18);
        vm.assertEq(reward, 380e18);
        vm.assertLt(reward, share);

        (uint256 lost, uint256 earned) = _washTrade(4, 10, POSITION_PRICE);
        (uint256 value, uint256 fees) = _dmcValueVsFees(earned, lost, 0.11e18);
        vm.assertGt(value, fees);
    }
}
