// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IDmcEmissionPool} from "../../src/interfaces/IDmcEmissionPool.sol";
import {StakingFixture} from "../unit/staking/StakingFixture.sol";
import {StakingHandler} from "./handlers/StakingHandler.sol";

/// @notice Invariants 38-43 of test/invariant/README.md: the DMC emission pools (NFT staking, liquidity mining,
/// node staking) never pay more than they emitted nor emit more than their rate and budget allow, their weights
/// add up, every LP stake is withdrawable and no position is ever stranded or owned by the staking contract.
contract StakingInvariants is StakingFixture {
    StakingHandler internal handler;
    address[] internal actorList;

    function setUp() public override {
        super.setUp();
        actorList.push(alice);
        actorList.push(bob);
        actorList.push(carol);
        uint256[] memory tokens = new uint256[](6);
        // positions of 1 to 40 units, two offerings: one ending in 12 days (stakes run past their term)
        uint256 shortOffering = _createOffering(miner, 1_000, PRICE, START_DAY + 2, START_DAY + 12);
        for (uint256 i; i < 6; ++i) {
            address who = actorList[i % 3];
            tokens[i] = _buy(who, i % 2 == 0 ? offeringId : shortOffering, i == 0 ? 1 : 8 * i);
            vm.prank(who);
            exchange.setApprovalForAll(address(staking), true);
        }
        handler = new StakingHandler(
            exchange, staking, mining, nodes, lp, dmc, governor, nodeSource, bridge, actorList, tokens
        );
        // never vacuous: every pool has weight and a claim before the campaign
        handler.stakeNft(0);
        handler.stakeNft(1);
        handler.stakeLp(0, 1e18);
        handler.stakeLp(1, 1);
        handler.setNodeWeight(2, 20_000e18 + 1);
        handler.warp(1 days);
        handler.claim(0, 0, false);
        handler.claim(1, 0, true);
        handler.claim(2, 2, false);
        targetContract(address(handler));
    }

    /// 38. DMC paid <= DMC emitted <= budget, per pool; and emitted <= rate x seconds with weight.
    function invariant_38_paidWithinEmittedWithinBudget() public view {
        for (uint256 p; p < 3; ++p) {
            IDmcEmissionPool pl = handler.pool(p);
            uint256 emitted = pl.emitted();
            vm.assertLe(handler.ghostPaid(p), emitted, "38: paid above emitted");
            vm.assertLe(emitted, pl.budget(), "38: emitted above budget");
            vm.assertLe(emitted, handler.ghostMaxEmission(p), "38: emitted above rate x time");
        }
        vm.assertGt(handler.ghostPaid(0), 0);
    }

    /// 39. The sum of the accounts' weights is the pool's total weight, per pool.
    function invariant_39_weightsSumToTotal() public view {
        for (uint256 p; p < 3; ++p) {
            IDmcEmissionPool pl = handler.pool(p);
            uint256 sum;
            for (uint256 i; i < actorList.length; ++i) {
                sum += pl.weightOf(actorList[i]);
            }
            vm.assertEq(sum, pl.totalWeight(), "39: weights do not sum to the total");
        }
    }

    /// 40. Every LP stake is withdrawable: the pool holds at least the total staked, and every withdrawal and exit
    /// the handler made returned exactly what it asked for.
    function invariant_40_everyLpStakeWithdrawable() public view {
        vm.assertGe(lp.balanceOf(address(mining)), mining.totalWeight(), "40: LP pool under-collateralised");
        vm.assertEq(handler.ghostLpWithdrawFailures(), 0, "40: a withdrawal failed or came short");
    }

    /// 41. No NFT stranded: PositionStaking never owns a position; a staked position is locked by PositionStaking,
    /// owned by its staker and routes no payouts to it; a position locked by it has a stake.
    function invariant_41_noNftStranded() public view {
        uint256 n = handler.tokenCount();
        for (uint256 i; i < n; ++i) {
            uint256 tokenId = handler.tokens(i);
            address owner = exchange.ownerOf(tokenId);
            vm.assertTrue(owner != address(staking), "41: staking owns a position");
            (address staker,) = staking.stakeOf(tokenId);
            address locker = exchange.lockedBy(tokenId);
            if (staker != address(0)) {
                vm.assertEq(locker, address(staking), "41: stake without its lock");
                vm.assertEq(owner, staker, "41: staked position left its staker");
                vm.assertEq(exchange.positionState(tokenId).lockPayouts, 0, "41: payouts routed away from the staker");
            } else {
                vm.assertTrue(locker != address(staking), "41: lock without a stake");
            }
        }
    }

    /// 42. NFT weights: each staker's weight is the sum of its stakes' weights, and no stake weighs less than
    /// its current days left would give (a poke only lowers, to exactly the current figure).
    function invariant_42_nftWeightsMatchTheirStakes() public view {
        uint256 n = handler.tokenCount();
        for (uint256 a; a < actorList.length; ++a) {
            uint256 sum;
            for (uint256 i; i < n; ++i) {
                (address staker, uint256 weight) = staking.stakeOf(handler.tokens(i));
                if (staker != actorList[a]) continue;
                sum += weight;
                vm.assertGe(weight, staking.currentWeightOf(handler.tokens(i)), "42: stake below its days left");
            }
            vm.assertEq(sum, staking.weightOf(actorList[a]), "42: account weight is not its stakes");
        }
    }

    /// 43. Accounting conservation: paid + earned <= emitted per pool, and what is neither is rounding dust of at
    /// most one wei per settlement plus the carried remainder (< total weight / 1e12 + 1 wei).
    function invariant_43_earnedConserved() public view {
        for (uint256 p; p < 3; ++p) {
            IDmcEmissionPool pl = handler.pool(p);
            uint256 owed = handler.ghostPaid(p);
            for (uint256 i; i < actorList.length; ++i) {
                owed += pl.earned(actorList[i]);
            }
            uint256 emitted = pl.emitted();
            vm.assertLe(owed, emitted, "43: owed above emitted");
            uint256 dust = handler.ghostSettlements(p) + actorList.length + handler.ghostMaxWeight(p) / 1e12 + 1;
            vm.assertLe(emitted - owed, dust, "43: more than rounding dust lost");
        }
    }
}
