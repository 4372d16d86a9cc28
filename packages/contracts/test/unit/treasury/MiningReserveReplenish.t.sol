// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IMiningReserveErrors} from "../../../src/errors/DmcErrors.sol";
import {FeeFixture} from "../../utils/FeeFixture.sol";

/// @notice `MiningReserve.replenish`: anyone adds DMC to a bucket (the buyback does), drawers draw it.
contract MiningReserveReplenishTest is FeeFixture {
    event Replenished(IMiningReserve.Bucket indexed bucket, address indexed from, uint256 amount, uint256 remaining);

    function test_Replenish_AddsToTheBucketAndDrawersDrawIt() public {
        dmc.mint(keeper, 500e18);
        vm.startPrank(keeper);
        dmc.approve(address(reserve), 500e18);
        vm.expectEmit(address(reserve));
        emit Replenished(IMiningReserve.Bucket.Liquidity, keeper, 500e18, 10_000_000e18 + 500e18);
        reserve.replenish(IMiningReserve.Bucket.Liquidity, 500e18);
        vm.stopPrank();
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Liquidity), 10_000_000e18 + 500e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR); // other buckets untouched
        vm.assertEq(dmc.balanceOf(address(reserve)), 50_000_000e18 + 500e18);

        address drawer = makeAddr("drawer");
        vm.prank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, drawer, true);
        vm.prank(drawer);
        reserve.draw(IMiningReserve.Bucket.Liquidity, drawer, 10_000_000e18 + 500e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Liquidity), 0);
    }

    function test_Replenish_RevertsOnZeroOrWithoutAllowance() public {
        vm.expectRevert(IMiningReserveErrors.Reserve_ZeroAmount.selector);
        reserve.replenish(IMiningReserve.Bucket.Behaviour, 0);
        dmc.mint(attacker, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(reserve), 0, 1e18)
        );
        vm.prank(attacker);
        reserve.replenish(IMiningReserve.Bucket.Behaviour, 1e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR);
    }

    /// @dev Replenishing never lets anyone take DMC out: a stranger who replenished still cannot draw.
    function test_Attack_ReplenisherCannotDraw() public {
        dmc.mint(attacker, 1e18);
        vm.startPrank(attacker);
        dmc.approve(address(reserve), 1e18);
        reserve.replenish(IMiningReserve.Bucket.Behaviour, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IMiningReserveErrors.Reserve_NotDrawer.selector, 0, attacker));
        reserve.draw(IMiningReserve.Bucket.Behaviour, attacker, 1e18);
        vm.stopPrank();
    }
}
