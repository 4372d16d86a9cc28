// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {TradingRewardsFixture} from "../utils/TradingRewardsFixture.sol";

/// @notice Fee normalisation, the reward formula's rounding with 6-decimal fees, the epoch boundary second and
/// the schedule snapshot, over random inputs.
contract TradingRewardsFuzz is TradingRewardsFixture {
    function testFuzz_creditIsTheFeeIn18Decimals(uint8 decimals, uint256 fee) public {
        decimals = uint8(bound(decimals, 0, 18));
        fee = bound(fee, 1, 1e24 / 10 ** (18 - decimals) + 1);
        BridgedToken token = _feeToken("Any", "ANY", decimals);
        vm.prank(timelock);
        rewards.setFeeToken(address(token), true);
        _credit(alice, address(token), fee);
        (, uint256 credit,) = rewards.accountRewards(alice);
        vm.assertEq(credit, fee * 10 ** (18 - decimals));
    }

    /// @dev Three accounts with random 6-decimal fees (down to 1 wei) under a random schedule: each reward is
    /// exactly min(share, cap) rounded down, none exceeds either, and together they never exceed the budget;
    /// what they claim is exactly that.
    function testFuzz_rewardsRoundDownWithinBudgetAndCap(
        uint256 budget,
        uint256 cap,
        uint256 feeA,
        uint256 feeB,
        uint256 feeC
    ) public {
        budget = bound(budget, 0, rewards.MAX_DMC_PER_EPOCH());
        cap = bound(cap, 1, rewards.MAX_CAP_DMC_PER_FEE_UNIT());
        vm.prank(timelock);
        rewards.setSchedule(budget, cap);
        _warpToEpoch(1);
        uint256[3] memory fees = [bound(feeA, 1, 1e13), bound(feeB, 1, 1_000e6), bound(feeC, 1, 100)];
        address[3] memory who = [alice, bob, carol];
        uint256 total;
        for (uint256 i; i < 3; ++i) {
            _credit(who[i], address(usdt), fees[i]);
            total += fees[i] * 1e12;
        }
        uint256 paid;
        uint256[3] memory expected;
        for (uint256 i; i < 3; ++i) {
            uint256 credit = fees[i] * 1e12;
            uint256 share = budget * credit / total;
            uint256 capped = credit * cap / 1e18;
            expected[i] = share < capped ? share : capped;
            vm.assertEq(rewards.rewardFor(1, credit), expected[i]);
            paid += expected[i];
        }
        vm.assertLe(paid, budget);
        _warpToEpoch(2);
        for (uint256 i; i < 3; ++i) {
            (uint256 claimable,,) = rewards.earned(who[i]);
            vm.assertEq(claimable, expected[i]);
            if (expected[i] == 0) continue;
            vm.assertEq(_claim(who[i]), expected[i]);
            vm.assertEq(dmc.balanceOf(who[i]), expected[i]);
        }
    }

    /// @dev A credit `offset` seconds into an epoch's neighbourhood lands in `epochAt`, and the last second
    /// before `epochStart(e + 1)` still belongs to `e`.
    function testFuzz_epochBoundary(uint256 epoch, uint256 offset) public {
        epoch = bound(epoch, 1, 5_000);
        offset = bound(offset, 0, 2);
        uint256 t = rewards.epochStart(epoch) - 1 + offset;
        vm.warp(t);
        _credit(alice, address(usdt), 1e6);
        (uint256 credited,,) = rewards.accountRewards(alice);
        vm.assertEq(credited, offset == 0 ? epoch - 1 : epoch);
        vm.assertEq(credited, rewards.epochAt(t));
    }

    /// @dev Whenever in an epoch governance changes the schedule, and whether or not the epoch opened before,
    /// the epoch keeps the schedule in force at its start and the next epoch takes the new one.
    function testFuzz_scheduleChangeIsNeverRetroactive(uint256 when, bool openedBefore, uint256 budget, uint256 cap)
        public
    {
        budget = bound(budget, 0, rewards.MAX_DMC_PER_EPOCH());
        cap = bound(cap, 1, rewards.MAX_CAP_DMC_PER_FEE_UNIT());
        _warpToEpoch(3);
        if (openedBefore) _credit(alice, address(usdt), 1e6);
        vm.warp(block.timestamp + bound(when, 0, EPOCH - 2));
        vm.prank(timelock);
        rewards.setSchedule(budget, cap);
        _credit(bob, address(usdt), 1e6);
        (, uint256 b3, uint256 c3,) = rewards.epochTotals(3);
        vm.assertEq(b3, BUDGET);
        vm.assertEq(c3, CAP);
        _warpToEpoch(4);
        _credit(bob, address(usdt), 1e6);
        (, uint256 b4, uint256 c4,) = rewards.epochTotals(4);
        vm.assertEq(b4, budget);
        vm.assertEq(c4, cap);
    }

    /// @dev However many epochs an account skips, its next credit settles exactly what `rewardFor` said.
    function testFuzz_settleAfterIdleEpochsMatchesRewardFor(uint256 idle, uint256 feeA, uint256 feeB) public {
        idle = bound(idle, 1, 100_000);
        feeA = bound(feeA, 1, 1_000_000e6);
        feeB = bound(feeB, 1, 1_000_000e6);
        _credit(alice, address(usdt), feeA);
        _credit(bob, address(usdt), feeB);
        uint256 expected = rewards.rewardFor(0, feeA * 1e12);
        _warpToEpoch(idle);
        _credit(alice, address(usdt), 1);
        (uint256 epoch, uint256 credit, uint256 accrued) = rewards.accountRewards(alice);
        vm.assertEq(epoch, idle);
        vm.assertEq(credit, 1e12);
        vm.assertEq(accrued, expected);
    }
}
