// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {TradingRewardsFixture} from "../utils/TradingRewardsFixture.sol";
import {TradingRewardsHandler} from "./handlers/TradingRewardsHandler.sol";

/// @notice Invariants 22-23 of test/invariant/README.md: trading rewards never exceed the epochs' budgets nor
/// an account's cap, and credit is conserved from each fee to the epoch totals and from settlement to claims.
contract TradingRewardsInvariants is TradingRewardsFixture {
    TradingRewardsHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](4);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = carol;
        actors[3] = makeAddr("dave");
        BridgedToken unlisted = _feeToken("Unlisted", "UNL", 6);
        handler = new TradingRewardsHandler(
            rewards, source, timelock, address(usdt), address(dai), address(unlisted), actors
        );
        // never vacuous: two accounts credited in epoch 0, one of them settled and claimed in epoch 1
        handler.recordFee(0, 1, 5e6 + 1);
        handler.recordFee(1, 0, 3e18 + 1);
        handler.warp(7 days);
        handler.recordFee(0, 1, 1e6 + 1);
        handler.claim(0, 0);
        targetContract(address(handler));
    }

    /// 22. Trading rewards never exceed the budgets: paid + accrued + pending <= the opened epochs' budgets, each
    /// epoch's rewards sum to at most its budget, and no account earns more than cap x credit in an epoch.
    function invariant_22_rewardsNeverExceedTheBudgets() public view {
        uint256 owed = handler.ghostClaimed();
        uint256 epochNow = rewards.currentEpoch();
        uint256 actors = handler.actorCount();
        for (uint256 i; i < actors; ++i) {
            (uint256 claimable,, uint256 estimate) = rewards.earned(handler.actors(i));
            owed += claimable + estimate;
        }
        vm.assertLe(owed, handler.ghostBudgets(), "22: owed above the budgets");

        uint256 opened = handler.openedCount();
        for (uint256 k; k < opened; ++k) {
            uint256 epoch = handler.openedEpochs(k);
            (, uint256 budget, uint256 cap, bool isOpened) = rewards.epochTotals(epoch);
            vm.assertTrue(isOpened);
            uint256 sum;
            for (uint256 i; i < actors; ++i) {
                uint256 credit = handler.ghostCredit(epoch, handler.actors(i));
                uint256 reward = rewards.rewardFor(epoch, credit);
                vm.assertLe(reward, credit * cap / 1e18, "22: reward above the cap");
                sum += reward;
            }
            vm.assertLe(sum, budget, "22: epoch pays above its budget");
        }
        vm.assertLe(epochNow + 1, type(uint32).max);
        vm.assertEq(
            reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR - handler.ghostClaimed(), "22: reserve"
        );
        vm.assertEq(dmc.balanceOf(address(rewards)), 0, "22: nothing parked in the rewards contract");
    }

    /// 23. Credit is conserved: each epoch's total is the sum of its accounts' credits (and every credited fee
    /// reached it), settlements were what `rewardFor` predicted, and settled rewards = claims paid + accrued.
    function invariant_23_creditIsConserved() public view {
        uint256 actors = handler.actorCount();
        uint256 opened = handler.openedCount();
        for (uint256 k; k < opened; ++k) {
            uint256 epoch = handler.openedEpochs(k);
            (uint256 total,,,) = rewards.epochTotals(epoch);
            uint256 sum;
            for (uint256 i; i < actors; ++i) {
                sum += handler.ghostCredit(epoch, handler.actors(i));
            }
            vm.assertEq(total, sum, "23: epoch total != accounts' credits");
            vm.assertEq(total, handler.ghostEpochCredit(epoch), "23: a credited fee is missing");
        }
        uint256 accrued;
        for (uint256 i; i < actors; ++i) {
            address account = handler.actors(i);
            (uint256 epoch, uint256 credit, uint256 a) = rewards.accountRewards(account);
            accrued += a;
            // the pending epoch holds all the account's credit there, or nothing once a claim settled it
            if (credit != 0 || epoch == rewards.currentEpoch()) {
                vm.assertEq(credit, handler.ghostCredit(epoch, account), "23: pending credit");
            }
        }
        vm.assertEq(handler.ghostSettled(), handler.ghostClaimed() + accrued, "23: settled != claimed + accrued");
        vm.assertEq(handler.settleMismatches(), 0, "23: a settle differed from rewardFor");
        vm.assertEq(handler.badClaims(), 0, "23: a claim paid other than accrued + pending");
        vm.assertEq(handler.strangerCredits(), 0, "23: a stranger credited itself");
        vm.assertGt(handler.claims(), 0);
    }
}
