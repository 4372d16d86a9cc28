// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMutualInsurance} from "../../src/interfaces/IMutualInsurance.sol";
import {InsuranceFixture} from "../unit/insurance/InsuranceFixture.sol";
import {InsuranceHandler} from "./handlers/InsuranceHandler.sol";

/// @notice Invariants 53-58 of test/invariant/README.md: the mutual insurance pool's payouts never exceed the pool,
/// its DMC is exactly its pots, stakes stay withdrawable, premiums and payout claims never exceed what came in, and
/// no position is stranded.
contract InsuranceInvariants is InsuranceFixture {
    InsuranceHandler internal handler;
    uint256 internal otherOffering;

    function setUp() public override {
        super.setUp();
        otherOffering = _createOffering(miner, 100, PRICE, START_DAY + 2, START_DAY + 2 + TERM_DAYS);
        uint256 carolToken = _buy(carol, otherOffering, 20);
        uint256 aliceToken = _buy(alice, otherOffering, 5);
        _default();
        exchange.flag(otherOffering);
        _halt(otherOffering);

        address[] memory actors = new address[](4);
        (actors[0], actors[1], actors[2], actors[3]) = (alice, bob, carol, uw1);
        uint256[] memory tokens = new uint256[](4);
        (tokens[0], tokens[1], tokens[2], tokens[3]) = (tokenAlice, tokenBob, carolToken, aliceToken);
        uint256[] memory offerings = new uint256[](2);
        (offerings[0], offerings[1]) = (offeringId, otherOffering);
        handler = new InsuranceHandler(pool, usdt, dao, bridge, actors, tokens, offerings);

        // never vacuous: stakes, a premium, a payout claimed in part, a matured exit
        handler.underwrite(0, 1_000e18 + 1);
        handler.underwrite(3, 5_000e18 + 1);
        handler.depositPremium(10e6);
        handler.addToFund(50_000e18);
        handler.requestUnstake(0, 3);
        handler.openClaim(0, false);
        handler.depositSlashed(0, 2_000e18);
        handler.executePayout(0, 8_000e18);
        handler.claimPayout(0, 0, 2);
        vm.warp(pool.requestOf(alice).readyAt);
        handler.withdraw(0);
        vm.assertEq(handler.executed(), 1, "setUp: a payout");
        vm.assertEq(handler.withdrawals(), 1, "setUp: a withdrawal");
        vm.assertEq(handler.positionClaims(), 1, "setUp: a claim");
        targetContract(address(handler));
    }

    /// 53. Payouts never exceed the pool: each executed payout took at most the offering's slashed stake, the
    /// capped share of the underwriters' pot and the fund at that moment, and never more than asked; all payouts
    /// together took at most the DMC that ever entered a pot.
    function invariant_53_payoutsNeverExceedThePool() public view {
        vm.assertEq(handler.payoutsBeyondThePool(), 0, "53: a payout beyond the pool");
        vm.assertLe(handler.ghostPayoutTotals(), handler.ghostIn(), "53: paid out more than came in");
    }

    /// 54. DMC held = fund + underwriters' pot + slashed stakes + unclaimed payouts (+ DMC sent without a call and
    /// not synced yet, which `syncFund` takes exactly into the fund).
    function invariant_54_dmcHeldIsThePots() public view {
        vm.assertEq(dmc.balanceOf(address(pool)), _accounted() + handler.ghostUnsynced(), "54: held != pots");
        vm.assertEq(handler.syncMismatches(), 0, "54: sync took other than the untracked DMC");
    }

    /// 55. Every stake is withdrawable after its cooldown unless reduced by an executed payout: a withdrawal inside
    /// its window while exits are not frozen always succeeded and paid exactly its preview, none succeeded outside
    /// it or while frozen, and while no payout has touched the pot every underwriter's stake is worth what it put
    /// in less what it withdrew (within a wei per operation of rounding, in the pool's favour).
    function invariant_55_stakesWithdrawableAfterCooldown() public view {
        vm.assertEq(handler.blockedWithdrawals(), 0, "55: a withdrawal blocked or misspaid");
        vm.assertEq(handler.exitsWhileFrozen(), 0, "55: an exit while frozen or outside its window");
        if (handler.ghostPotLoss() != 0) return;
        uint256 n = handler.actorCount();
        for (uint256 i; i < n; ++i) {
            address who = handler.actors(i);
            (, uint256 value) = pool.underwriterOf(who);
            uint256 back = value + handler.ghostWithdrawn(who);
            vm.assertLe(back, handler.ghostDeposited(who), "55: more than deposited");
            vm.assertGe(back + handler.ghostOps(who), handler.ghostDeposited(who), "55: stake lost without a payout");
        }
    }

    /// 56. Premiums paid <= premiums deposited: and the pool holds exactly what was deposited less what was paid,
    /// which covers every underwriter's unclaimed premium plus the carry.
    function invariant_56_premiumsPaidWithinDeposits() public view {
        (,, uint256 carry, uint256 deposited, uint256 paid) = pool.premiumToken(address(usdt));
        vm.assertEq(deposited, handler.ghostPremiumsDeposited(), "56: deposits");
        vm.assertEq(paid, handler.ghostPremiumsClaimed(), "56: paid");
        vm.assertLe(paid, deposited, "56: paid above deposited");
        vm.assertEq(usdt.balanceOf(address(pool)), deposited - paid, "56: held");
        uint256 owed = carry;
        uint256 n = handler.actorCount();
        for (uint256 i; i < n; ++i) {
            owed += pool.premiumOf(handler.actors(i), address(usdt));
        }
        vm.assertLe(owed, deposited - paid, "56: owed above held");
    }

    /// 57. The claims of a payout sum to at most the payout: its recorded claims are the positions' claims (plus
    /// what expired back to the fund), never above its total, and no position claimed twice.
    function invariant_57_claimsWithinEachPayout() public view {
        vm.assertEq(handler.doubleClaims(), 0, "57: a position claimed twice");
        uint256 n = handler.payoutCount();
        uint256 unclaimed;
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.payoutIds(i);
            IMutualInsurance.Payout memory p = pool.getPayout(id);
            vm.assertEq(p.claimed, handler.ghostClaimed(id) + handler.ghostExpired(id), "57: claims recorded");
            vm.assertLe(p.claimed, p.total, "57: claims above the payout");
            vm.assertEq(p.total, uint256(p.perUnit) * p.units, "57: per unit x units");
            unclaimed += p.total - p.claimed;
        }
        (,,, uint256 poolUnclaimed,) = pool.pools();
        vm.assertEq(poolUnclaimed, unclaimed, "57: unclaimed total");
    }

    /// 58. No NFT stranded: the pool never owns or locks a position, and every position that has not claimed a
    /// live payout of its offering can still claim exactly its units' share, whoever owns it now.
    function invariant_58_noNftStranded() public view {
        vm.assertEq(exchange.balanceOf(address(pool)), 0, "58: the pool holds a position");
        uint256 n = handler.payoutCount();
        uint256 m = handler.tokenCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.payoutIds(i);
            IMutualInsurance.Payout memory p = pool.getPayout(id);
            for (uint256 j; j < m; ++j) {
                uint256 tokenId = handler.tokenIds(j);
                vm.assertEq(exchange.lockedBy(tokenId), address(0), "58: locked");
                uint256 expected;
                if (
                    !pool.hasClaimed(id, tokenId) && block.timestamp < p.claimDeadline
                        && exchange.getPosition(tokenId).offeringId == p.offeringId
                ) {
                    expected = uint256(p.perUnit) * exchange.getPosition(tokenId).units;
                }
                vm.assertEq(pool.claimableOf(id, tokenId), expected, "58: claimable");
            }
        }
    }
}
