// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPromotionNodes} from "../../src/interfaces/IPromotionNodes.sol";
import {NodesFixture} from "../unit/nodes/NodesFixture.sol";
import {NodesHandler} from "./handlers/NodesHandler.sol";

/// @notice Invariants 48-52 of test/invariant/README.md: promotion node stakes are held, withdrawable after their
/// cooldown and keep their votes; commission paid <= funded <= recorded, and no node earns above its rate.
contract NodesInvariants is NodesFixture {
    NodesHandler internal handler;

    function setUp() public override {
        super.setUp();
        vm.prank(timelock);
        nodes.setWeightSink(address(0)); // the pool's own bookkeeping is not under test here
        address[] memory actors = new address[](5);
        actors[0] = mainA;
        actors[1] = mainB;
        actors[2] = lightA;
        actors[3] = lightB;
        actors[4] = buyer;
        handler = new NodesHandler(nodes, dmc, usdt, hook, timelock, actors);
        usdt.grantRole(usdt.MINTER_ROLE(), address(handler));
        // never vacuous: a main node with a light node, referrals of both, funding, a claim and an exit
        handler.registerMain(0);
        handler.registerLight(2, 0, true);
        handler.refer(2, 4, 100e6 + 1);
        handler.refer(0, 4, 50e6 + 1);
        handler.fund(0);
        handler.claim(2, 2);
        handler.requestExit(2);
        handler.withdraw(2);
        targetContract(address(handler));
    }

    /// 48. Every node's stake is withdrawable after its cooldown: its vault holds its stake, its exit opens no later
    /// than its cooldown (snapshotted at registration) after the request, and no withdrawal at the cooldown's end
    /// failed, none before it succeeded.
    function invariant_48_stakeWithdrawableAfterCooldown() public view {
        vm.assertEq(handler.withdrawFailures(), 0, "48: a withdrawal at the cooldown's end failed");
        vm.assertEq(handler.earlyWithdrawals(), 0, "48: a withdrawal before the cooldown's end succeeded");
        uint256 count = handler.actorCount();
        for (uint256 i; i < count; ++i) {
            address a = handler.actors(i);
            IPromotionNodes.Node memory n = nodes.nodeOf(a);
            if (n.kind == IPromotionNodes.Kind.None) continue;
            vm.assertGe(dmc.balanceOf(nodes.vaultOf(a)), n.stake, "48: vault below the stake");
            vm.assertLe(n.cooldown, nodes.MAX_COOLDOWN(), "48: cooldown above its bound");
            if (n.exitReadyAt != 0) {
                vm.assertEq(
                    n.exitReadyAt, handler.ghostExitRequestedAt(a) + n.cooldown, "48: exit later than its cooldown"
                );
            }
        }
    }

    /// 49. Node DMC held = sum of stakes: the vaults hold exactly the live and exiting nodes' stakes, which sum to
    /// `totalStaked`, and the nodes contract itself holds no DMC.
    function invariant_49_dmcHeldEqualsStakes() public view {
        uint256 count = handler.actorCount();
        uint256 held;
        uint256 stakes;
        for (uint256 i; i < count; ++i) {
            address a = handler.actors(i);
            held += dmc.balanceOf(nodes.vaultOf(a));
            stakes += nodes.nodeOf(a).stake;
        }
        vm.assertEq(held, stakes, "49: vaults hold other than the stakes");
        vm.assertEq(stakes, nodes.totalStaked(), "49: totalStaked drifted");
        vm.assertEq(dmc.balanceOf(address(nodes)), 0, "49: DMC outside the vaults");
    }

    /// 50. Commission paid <= funded <= recorded; the contract holds funded - paid; nodes' earned sums to recorded
    /// and their claims to paid.
    function invariant_50_paidLeFundedLeRecorded() public view {
        IPromotionNodes.Ledger memory l = nodes.ledgerOf(address(usdt));
        vm.assertLe(l.paid, l.funded, "50: paid above funded");
        vm.assertLe(l.funded, l.recorded, "50: funded above recorded");
        vm.assertEq(usdt.balanceOf(address(nodes)), l.funded - l.paid, "50: balance is not funded - paid");
        uint256 count = handler.actorCount();
        uint256 earned;
        uint256 claimed;
        for (uint256 i; i < count; ++i) {
            IPromotionNodes.Commission memory c = nodes.commissionOf(handler.actors(i), address(usdt));
            vm.assertLe(c.claimed, c.earned, "50: a node claimed above what it earned");
            earned += c.earned;
            claimed += c.claimed;
        }
        vm.assertEq(earned, l.recorded, "50: earned does not sum to recorded");
        vm.assertEq(claimed, l.paid, "50: claims do not sum to paid");
    }

    /// 51. A node's commission <= commissionBps (at each referral) of the fees it (and, for a main node, its light
    /// nodes) referred.
    function invariant_51_commissionWithinRate() public view {
        uint256 count = handler.actorCount();
        for (uint256 i; i < count; ++i) {
            address a = handler.actors(i);
            vm.assertLe(
                nodes.commissionOf(a, address(usdt)).earned, handler.ghostCommissionCap(a), "51: above the rate"
            );
        }
    }

    /// 52. Votes of each staker unchanged by staking: every actor delegates to itself and its vault to it, so its
    /// votes are what they were before it ever staked, whatever it staked, exited or withdrew.
    function invariant_52_votesUnchangedByStaking() public view {
        uint256 count = handler.actorCount();
        for (uint256 i; i < count; ++i) {
            address a = handler.actors(i);
            vm.assertEq(dmc.getVotes(a), handler.ghostVotes(a), "52: votes changed");
            vm.assertEq(
                dmc.getVotes(a), dmc.balanceOf(a) + dmc.balanceOf(nodes.vaultOf(a)), "52: votes are not balance + stake"
            );
        }
    }

    function test_HandlerReachesEveryPath() public view {
        vm.assertGe(handler.referrals(), 2);
        vm.assertGe(handler.claims(), 1);
        vm.assertGe(handler.withdrawals(), 1);
        vm.assertGt(nodes.ledgerOf(address(usdt)).paid, 0);
        invariant_48_stakeWithdrawableAfterCooldown();
        invariant_49_dmcHeldEqualsStakes();
        invariant_50_paidLeFundedLeRecorded();
        invariant_51_commissionWithinRate();
        invariant_52_votesUnchangedByStaking();
    }
}
