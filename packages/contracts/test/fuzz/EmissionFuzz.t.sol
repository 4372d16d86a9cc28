// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {LiquidityMining} from "../../src/staking/LiquidityMining.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice The emission accumulator over random schedules (stakes, withdrawals, claims and rate changes at
/// random seconds, weights from 1 wei to 1e27): it never emits more than rate x seconds with weight nor more
/// than the budget, and what it pays plus what is earned falls short of what it emitted by at most one wei per
/// settlement plus the carried remainder (under total weight / 1e12 wei).
contract EmissionFuzzTest is TestBase {
    uint256 internal constant BUDGET = 50_000_000e18;

    BridgedToken internal dmc;
    BridgedToken internal lp;
    MiningReserve internal reserve;
    LiquidityMining internal pool;
    address internal governor = makeAddr("governor");
    address[3] internal users = [makeAddr("u0"), makeAddr("u1"), makeAddr("u2")];

    function setUp() public {
        vm.warp(1_700_000_000);
        dmc = new BridgedToken("DMC", "DMC", 18, address(this));
        lp = new BridgedToken("LP", "LP", 18, address(this));
        dmc.grantRole(dmc.MINTER_ROLE(), address(this));
        lp.grantRole(lp.MINTER_ROLE(), address(this));
        reserve = new MiningReserve(IERC20(address(dmc)), governor, 0, BUDGET, 0);
        dmc.mint(address(reserve), BUDGET);
        pool = new LiquidityMining(IERC20(address(lp)), reserve, governor, BUDGET, block.timestamp, 1e18);
        vm.prank(governor);
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, address(pool), true);
        for (uint256 i; i < 3; ++i) {
            vm.prank(users[i]);
            lp.approve(address(pool), type(uint256).max);
        }
    }

    function testFuzz_AccrualWithinRateTimesTimeAndLosesOnlyDust(uint256[24] memory steps) public {
        uint256 maxEmission;
        uint256 paid;
        uint256 settlements;
        uint256 maxWeight;
        for (uint256 k; k < steps.length; ++k) {
            uint256 x = steps[k];
            address u = users[x % 3];
            uint256 action = (x >> 8) % 5;
            uint256 amt = x >> 16;
            if (action == 0) {
                // stake: 1 wei .. 1e27, log-uniform-ish
                uint256 amount = bound(amt % 1e27, 1, 1e27) / (10 ** (amt % 27)) + 1;
                lp.mint(u, amount);
                vm.prank(u);
                pool.stake(amount);
                ++settlements;
            } else if (action == 1) {
                uint256 staked = pool.weightOf(u);
                if (staked != 0) {
                    vm.prank(u);
                    pool.withdraw(amt % staked + 1, u);
                    ++settlements;
                }
            } else if (action == 2) {
                uint256 before = dmc.balanceOf(u);
                vm.prank(u);
                try pool.claim(u) returns (uint256 a) {
                    paid += a;
                    vm.assertEq(dmc.balanceOf(u) - before, a);
                } catch {}
                ++settlements;
            } else if (action == 3) {
                vm.prank(governor);
                pool.setRate(amt % 18e18);
            } else {
                uint256 dt = amt % 30 days + 1;
                if (pool.totalWeight() != 0) {
                    (, uint256 end) = pool.period();
                    uint256 to = block.timestamp + dt < end ? block.timestamp + dt : end;
                    if (to > block.timestamp) maxEmission += pool.ratePerSecond() * (to - block.timestamp);
                }
                vm.warp(block.timestamp + dt);
            }
            if (pool.totalWeight() > maxWeight) maxWeight = pool.totalWeight();
        }
        uint256 emitted = pool.emitted();
        uint256 expected = maxEmission < BUDGET ? maxEmission : BUDGET;
        vm.assertEq(emitted, expected, "emitted is exactly min(rate x seconds with weight, budget)");
        uint256 owed = paid;
        for (uint256 i; i < 3; ++i) {
            owed += pool.earned(users[i]);
        }
        vm.assertLe(owed, emitted, "owed above emitted");
        vm.assertLe(emitted - owed, settlements + 3 + maxWeight / 1e12 + 1, "more than dust lost");
    }

    /// @dev A single staker with any weight receives everything emitted, short by under weight / 1e12 + 1 wei
    /// (the remainder the pool carries for the next update).
    function testFuzz_SoleStakerGetsTheStream(uint256 weight, uint256 rate, uint256 dt) public {
        weight = bound(weight, 1, 1e27);
        rate = bound(rate, 0, 18e18);
        dt = bound(dt, 1, 400 days);
        vm.prank(governor);
        pool.setRate(rate);
        lp.mint(users[0], weight);
        vm.prank(users[0]);
        pool.stake(weight);
        vm.warp(block.timestamp + dt);
        uint256 secs = dt < 365 days ? dt : 365 days;
        uint256 expected = rate * secs < BUDGET ? rate * secs : BUDGET;
        vm.assertEq(pool.emitted(), expected);
        vm.assertLe(pool.earned(users[0]), expected);
        vm.assertGe(pool.earned(users[0]) + weight / 1e12 + 1, expected);
    }
}
