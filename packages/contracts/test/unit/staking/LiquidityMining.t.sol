// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IDmcEmissionPoolErrors, ILiquidityMiningErrors} from "../../../src/errors/StakingErrors.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {ILiquidityMining} from "../../../src/interfaces/ILiquidityMining.sol";
import {LiquidityMining} from "../../../src/staking/LiquidityMining.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../../mocks/CallbackToken.sol";
import {FeeOnTransferToken} from "../../mocks/FeeOnTransferToken.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {StakingFixture} from "./StakingFixture.sol";

contract LiquidityMiningTest is StakingFixture {
    function setUp() public override {
        super.setUp();
        _mintLp(alice, 1_000e18);
        _mintLp(bob, 1_000e18);
    }

    function test_Period_IsExactlyOneYearFromStart() public view {
        (uint256 s, uint256 e) = mining.period();
        vm.assertEq(s, start);
        vm.assertEq(e, start + 365 days);
        vm.assertEq(uint8(mining.bucket()), uint8(IMiningReserve.Bucket.Liquidity));
        vm.assertEq(address(mining.lpToken()), address(lp));
    }

    function test_Stake_TakesCustodyAndWeighsTheLp() public {
        vm.expectEmit(address(mining));
        emit ILiquidityMining.LpStaked(alice, 100e18, 100e18);
        vm.prank(alice);
        mining.stake(100e18);
        vm.assertEq(lp.balanceOf(address(mining)), 100e18);
        vm.assertEq(mining.weightOf(alice), 100e18);
        vm.assertEq(mining.totalWeight(), 100e18);
    }

    function test_StakeWithdrawClaim_SharesByLp() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.prank(bob);
        mining.stake(300e18);
        vm.warp(block.timestamp + 1_000);
        vm.assertEq(mining.earned(alice), 25e18);
        vm.assertEq(mining.earned(bob), 75e18);
        vm.prank(alice);
        mining.withdraw(40e18, alice);
        vm.assertEq(lp.balanceOf(alice), 940e18);
        vm.prank(alice);
        vm.assertEq(mining.claim(alice), 25e18);
        vm.assertEq(dmc.balanceOf(alice), 25e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Liquidity), LIQUIDITY - 25e18);
    }

    function test_Exit_WithdrawsAllAndClaims() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.warp(block.timestamp + 100);
        vm.prank(alice);
        (uint256 out, uint256 paid) = mining.exit(carol);
        vm.assertEq(out, 100e18);
        vm.assertEq(paid, 10e18);
        vm.assertEq(lp.balanceOf(carol), 100e18);
        vm.assertEq(dmc.balanceOf(carol), 10e18);
        vm.assertEq(mining.totalWeight(), 0);
    }

    function test_Attack_StrangerCallsOwnerOnlySetRate() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        mining.setRate(1);
    }

    function test_Attack_StrangerWithdrawsSomeoneElsesStake() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.expectRevert(
            abi.encodeWithSelector(ILiquidityMiningErrors.LpMining_InsufficientStake.selector, stranger, 1, 0)
        );
        vm.prank(stranger);
        mining.withdraw(1, stranger);
    }

    function test_Attack_FeeOnTransferTokenStakesWhatArrived() public {
        FeeOnTransferToken fot = new FeeOnTransferToken(100); // 1%
        LiquidityMining pool = new LiquidityMining(IERC20(address(fot)), reserve, governor, BUDGET, start, RATE);
        fot.mint(alice, 100e18);
        vm.startPrank(alice);
        fot.approve(address(pool), type(uint256).max);
        pool.stake(100e18);
        vm.assertEq(pool.weightOf(alice), 99e18);
        vm.assertEq(fot.balanceOf(address(pool)), 99e18);
        // the whole stake is withdrawable (what arrives is then the token's business)
        pool.withdraw(99e18, alice);
        vm.stopPrank();
        vm.assertEq(pool.totalWeight(), 0);
        vm.assertEq(fot.balanceOf(address(pool)), 0);
    }

    function test_Attack_CallbackTokenCannotReenter() public {
        CallbackToken cbt = new CallbackToken();
        LiquidityMining pool = new LiquidityMining(IERC20(address(cbt)), reserve, governor, BUDGET, start, RATE);
        ReentrantReceiver attacker = new ReentrantReceiver(address(pool));
        cbt.mint(address(attacker), 100e18);
        attacker.execute(address(cbt), abi.encodeCall(IERC20.approve, (address(pool), type(uint256).max)));
        attacker.execute(address(cbt), abi.encodeCall(CallbackToken.setHook, (true)));
        // while the stake's tokens are leaving it, the attacker tries to withdraw (before its weight exists)
        attacker.setTokenAction(abi.encodeCall(ILiquidityMining.withdraw, (100e18, address(attacker))));
        attacker.execute(address(pool), abi.encodeCall(ILiquidityMining.stake, (100e18)));
        vm.assertTrue(attacker.reentered());
        vm.assertFalse(attacker.lastSuccess());
        vm.assertEq(
            keccak256(attacker.lastReturnData()),
            keccak256(abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector))
        );
        vm.assertEq(pool.weightOf(address(attacker)), 100e18);
        // and on the way out, re-entering withdraw from the receive hook fails too
        attacker.setTokenAction(abi.encodeCall(ILiquidityMining.withdraw, (50e18, address(attacker))));
        attacker.execute(address(pool), abi.encodeCall(ILiquidityMining.withdraw, (50e18, address(attacker))));
        vm.assertFalse(attacker.lastSuccess());
        vm.assertEq(pool.weightOf(address(attacker)), 50e18);
        vm.assertEq(cbt.balanceOf(address(pool)), 50e18);
    }

    function test_Attack_DustStakeEarnsItsShareOnly() public {
        vm.prank(alice);
        mining.stake(1_000e18);
        vm.prank(bob);
        mining.stake(1);
        vm.warp(block.timestamp + 1 days);
        // 1 wei of LP against 1,000e18: 8,640e18 DMC x 1e-21, rounded down
        vm.assertLe(mining.earned(bob), 8_640);
        // alice gets the rest, short by at most the remainder the pool carries (total weight / 1e12 wei)
        vm.assertApproxEqAbs(mining.earned(alice), 1 days * RATE, 8_641 + 1_000e18 / 1e12);
        vm.expectRevert(ILiquidityMiningErrors.LpMining_ZeroAmount.selector);
        vm.prank(bob);
        mining.stake(0);
    }

    function test_Attack_DustStakeAloneEarnsNoMoreThanTheRate() public {
        vm.prank(bob);
        mining.stake(1);
        vm.warp(block.timestamp + 1_000);
        vm.assertEq(mining.earned(bob), 1_000 * RATE);
        vm.assertEq(mining.emitted(), 1_000 * RATE);
    }

    function test_Attack_StakeRightBeforeTheEndEarnsOneSecond() public {
        vm.prank(governor);
        mining.setRate(BUDGET / 365 days); // the budget lasts exactly the year
        vm.prank(alice);
        mining.stake(100e18);
        (, uint256 end) = mining.period();
        vm.warp(end - 1);
        vm.prank(bob);
        mining.stake(100e18);
        vm.warp(end + 10 days);
        // one second's emission shared 1:1, short by at most the carried remainder (total weight / 1e12 wei)
        vm.assertApproxEqAbs(mining.earned(bob), BUDGET / 365 days / 2, 200e18 / 1e12);
        vm.assertLe(mining.earned(bob), BUDGET / 365 days / 2);
    }

    function test_Attack_ClaimAfterTheEnd() public {
        vm.prank(alice);
        mining.stake(100e18);
        (, uint256 end) = mining.period();
        vm.warp(end + 100 days);
        uint256 owed = mining.earned(alice);
        vm.assertEq(owed, mining.emitted());
        vm.assertLe(owed, BUDGET);
        vm.assertEq(mining.rewardRate(), 0);
        vm.prank(alice);
        vm.assertEq(mining.claim(alice), owed);
        vm.warp(end + 200 days);
        vm.assertEq(mining.earned(alice), 0);
        vm.prank(alice);
        mining.withdraw(100e18, alice);
        vm.assertEq(lp.balanceOf(alice), 1_000e18);
    }

    function test_Attack_WithdrawAll() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.prank(alice);
        mining.withdraw(100e18, alice);
        vm.assertEq(mining.weightOf(alice), 0);
        vm.assertEq(lp.balanceOf(alice), 1_000e18);
        vm.expectRevert(abi.encodeWithSelector(ILiquidityMiningErrors.LpMining_InsufficientStake.selector, alice, 1, 0));
        vm.prank(alice);
        mining.withdraw(1, alice);
        vm.expectRevert(ILiquidityMiningErrors.LpMining_ZeroAmount.selector);
        vm.prank(alice);
        mining.withdraw(0, alice);
    }

    /// @dev The LP never depends on the reserve: with the drawer right revoked and the bucket empty, exit still
    /// returns every LP and keeps the DMC claimable.
    function test_Attack_ExitWorksWhenTheBucketIsEmpty() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.warp(block.timestamp + 100);
        vm.startPrank(governor);
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, governor, true);
        reserve.draw(IMiningReserve.Bucket.Liquidity, governor, LIQUIDITY);
        vm.stopPrank();
        vm.prank(alice);
        (uint256 out, uint256 paid) = mining.exit(alice);
        vm.assertEq(out, 100e18);
        vm.assertEq(paid, 0);
        vm.assertEq(mining.earned(alice), 10e18);
        vm.expectRevert(abi.encodeWithSelector(IDmcEmissionPoolErrors.Emission_BucketEmpty.selector, alice, 10e18));
        vm.prank(alice);
        mining.claim(alice);
    }

    function test_Attack_BlacklistedRecipientCanWithdrawElsewhere() public {
        BlacklistableUSDT bl = new BlacklistableUSDT();
        LiquidityMining pool = new LiquidityMining(IERC20(address(bl)), reserve, governor, BUDGET, start, RATE);
        bl.mint(alice, 100e6);
        vm.startPrank(alice);
        bl.approve(address(pool), type(uint256).max);
        pool.stake(100e6);
        vm.stopPrank();
        bl.setBlacklisted(alice, true);
        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, alice));
        vm.prank(alice);
        pool.withdraw(100e6, alice);
        vm.prank(alice);
        pool.withdraw(100e6, carol);
        vm.assertEq(bl.balanceOf(carol), 100e6);
    }

    function test_Attack_RateChangedWhileStakesAreLive() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.warp(block.timestamp + 100);
        vm.prank(governor);
        mining.setRate(2 * RATE);
        vm.warp(block.timestamp + 100);
        vm.assertEq(mining.earned(alice), 100 * RATE + 200 * RATE);
    }

    function test_Attack_WithdrawToZeroReverts() public {
        vm.prank(alice);
        mining.stake(100e18);
        vm.expectRevert(IDmcEmissionPoolErrors.Emission_ZeroAddress.selector);
        vm.prank(alice);
        mining.withdraw(1, address(0));
    }
}
