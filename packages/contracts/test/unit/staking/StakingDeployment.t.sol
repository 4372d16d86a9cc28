// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {StakingDaoFixture} from "./StakingDaoFixture.sol";

/// @notice StakingDeployment on top of the production DAO: the DAO proposal switches the pools on, and a holder
/// stakes a position (keeping its mining rewards), provides LP, a node gets a weight, and each claims DMC.
contract StakingDeploymentTest is StakingDaoFixture {
    function test_Deploy_OwnedByTheTimelockAndSwitchedOnByTheDao() public view {
        address timelock = address(dao.timelock);
        vm.assertEq(pools.nftStaking.owner(), timelock);
        vm.assertEq(pools.dmcUsdtMining.owner(), timelock);
        vm.assertEq(pools.dmcIfilMining.owner(), timelock);
        vm.assertEq(pools.nodeRewards.owner(), timelock);
        vm.assertTrue(exchange.isLocker(address(pools.nftStaking)));
        IMiningReserve r = IMiningReserve(address(dao.miningReserve));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Behaviour, address(pools.nftStaking)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Liquidity, address(pools.dmcUsdtMining)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Liquidity, address(pools.dmcIfilMining)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.NodeStaking, address(pools.nodeRewards)));
        vm.assertFalse(r.isDrawer(IMiningReserve.Bucket.Behaviour, address(pools.dmcUsdtMining)));
        // the liquidity budgets fit the bucket
        vm.assertLe(pools.dmcUsdtMining.budget() + pools.dmcIfilMining.budget(), 10_000_000e18);
        (uint256 s, uint256 e) = pools.dmcUsdtMining.period();
        vm.assertEq(e - s, 365 days);
    }

    function test_HappyPath_StakeKeepRewardsProvideLpNodeAndClaim() public {
        // a holder buys and stakes a position
        uint256 tokenId = _buy(buyer, 10);
        vm.startPrank(buyer);
        exchange.approve(address(pools.nftStaking), tokenId);
        pools.nftStaking.stake(_ids(tokenId));
        vm.stopPrank();
        // an LP provider stakes DMC/USDT LP; a node gets its weight from PromotionNodes
        vm.prank(bridge);
        dmcUsdtLp.mint(minnow, 50e18);
        vm.startPrank(minnow);
        dmcUsdtLp.approve(address(pools.dmcUsdtMining), type(uint256).max);
        pools.dmcUsdtMining.stake(50e18);
        vm.stopPrank();
        vm.prank(nodeSource);
        pools.nodeRewards.setWeight(whale2, 20_000e18);

        // the term runs: the miner deposits, the staker claims its mining rewards from the exchange
        uint32 termStart = exchange.getOffering(offeringId).termStartDay;
        _warpToDay(termStart + 1);
        _report(termStart, EXPECTED_FIL_WAD);
        vm.prank(miner);
        exchange.depositReward(offeringId, 2e18);
        vm.prank(buyer);
        uint256 mined = exchange.claimRewards(_ids(tokenId));
        vm.assertGt(mined, 0);
        vm.assertEq(ifil.balanceOf(buyer), mined);

        // and each claims its DMC from its bucket
        IMiningReserve r = IMiningReserve(address(dao.miningReserve));
        uint256 behaviourBefore = r.remaining(IMiningReserve.Bucket.Behaviour);
        uint256 owed = pools.nftStaking.earned(buyer);
        vm.assertGt(owed, 0);
        vm.prank(buyer);
        vm.assertEq(pools.nftStaking.claim(buyer), owed);
        vm.assertEq(dao.dmc.balanceOf(buyer), owed);
        vm.assertEq(r.remaining(IMiningReserve.Bucket.Behaviour), behaviourBefore - owed);

        uint256 lpOwed = pools.dmcUsdtMining.earned(minnow);
        uint256 minnowDmc = dao.dmc.balanceOf(minnow);
        vm.prank(minnow);
        (uint256 lpOut, uint256 paid) = pools.dmcUsdtMining.exit(minnow);
        vm.assertEq(lpOut, 50e18);
        vm.assertEq(paid, lpOwed);
        vm.assertEq(dao.dmc.balanceOf(minnow) - minnowDmc, lpOwed);

        uint256 nodeOwed = pools.nodeRewards.earned(whale2);
        vm.assertGt(nodeOwed, 0);
        vm.prank(whale2);
        pools.nodeRewards.claim(whale2);

        // unstaking gives the position back, free
        vm.prank(buyer);
        pools.nftStaking.unstake(_ids(tokenId));
        vm.assertEq(exchange.lockedBy(tokenId), address(0));
        vm.assertEq(exchange.ownerOf(tokenId), buyer);
    }
}
