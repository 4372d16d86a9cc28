// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMutualInsurance} from "../../src/interfaces/IMutualInsurance.sol";
import {InsuranceFixture} from "../unit/insurance/InsuranceFixture.sol";

/// @notice The pool's share and premium math under random stakes, losses and premiums: no underwriter gets more than
/// it deposited plus its premiums minus its share of the losses, rounding always favours the pool, and a payout's
/// claims never exceed it.
contract InsuranceFuzzTest is InsuranceFixture {
    /// @dev Two underwriters, a loss taken from the pot (slashed and fund empty; cap 100%), both exit. Each gets at
    /// most its pro-rata share of the pot left (within the 1 wei the floor allows), never more than it put in, and
    /// both together never more than the pot.
    function testFuzz_ShareMath_NoUnderwriterGetsMoreThanItsShare(uint256 a, uint256 b, uint256 lossPerUnit) public {
        a = bound(a, 1, 1_000_000e18);
        b = bound(b, 1, 1_000_000e18);
        _fullCapPool();
        uint256 sa = _underwrite(uw1, a);
        uint256 sb = _underwrite(uw2, b);
        uint256 total = a + b;
        uint256 loss;
        if (total >= SOLD) {
            lossPerUnit = bound(lossPerUnit, 0, total / SOLD);
            loss = lossPerUnit * SOLD;
            if (loss != 0) _payout(loss);
        }
        _request(uw1, sa);
        _request(uw2, sb);
        vm.warp(pool.requestOf(uw2).readyAt);
        vm.prank(uw1);
        uint256 wa = pool.withdraw();
        vm.prank(uw2);
        uint256 wb = pool.withdraw();

        vm.assertLe(wa, a, "a: never more than deposited");
        vm.assertLe(wb, b, "b: never more than deposited");
        vm.assertLe(wa + wb, total - loss, "together never more than the pot");
        vm.assertLe(wa, a * (total - loss) / total + 1, "a: at most its share of the loss-reduced pot");
        vm.assertLe(wb, b * (total - loss) / total + 1, "b: at most its share of the loss-reduced pot");
        (, uint256 pot,,, uint256 shares) = pool.pools();
        vm.assertEq(shares, 0);
        vm.assertEq(pot, total - loss - wa - wb, "what rounding kept stays in the pool");
    }

    /// @dev A late underwriter joining after a loss pays the reduced price and cannot take the earlier ones' value.
    function testFuzz_ShareMath_JoinAfterLossIsFair(uint256 a, uint256 b, uint256 lossPerUnit) public {
        a = bound(a, SOLD * 2, 1_000_000e18);
        b = bound(b, 1, 1_000_000e18);
        _fullCapPool();
        uint256 sa = _underwrite(uw1, a);
        lossPerUnit = bound(lossPerUnit, 1, a / SOLD - 1);
        _payout(lossPerUnit * SOLD);
        uint256 sb = _underwrite(uw2, b);
        vm.assertLe(pool.previewWithdraw(sb), b, "a new stake is worth at most what it paid");
        vm.assertLe(pool.previewWithdraw(sa), a - lossPerUnit * SOLD, "the old stake bore the loss");
    }

    /// @dev Premiums in several deposits around share changes: each underwriter's claim is at most its exact share,
    /// and the claims never exceed what was deposited.
    function testFuzz_Premiums_NeverMoreThanDeposited(uint256 a, uint256 b, uint256 p1, uint256 p2, uint256 extra)
        public
    {
        a = bound(a, 1, 1_000_000e18);
        b = bound(b, 1, 1_000_000e18);
        extra = bound(extra, 1, 1_000_000e18);
        p1 = bound(p1, 1, 1_000_000e6);
        p2 = bound(p2, 1, 1_000_000e6);
        pool.depositPremium(address(usdt), p1); // nobody staked: carried
        _underwrite(uw1, a);
        _underwrite(uw2, b);
        pool.depositPremium(address(usdt), p2);
        _dmcTo(uw1, extra);
        _underwrite(uw1, extra);
        pool.depositPremium(address(usdt), p1);
        uint256 owed1 = pool.premiumOf(uw1, address(usdt));
        uint256 owed2 = pool.premiumOf(uw2, address(usdt));
        vm.assertLe(owed1 + owed2, 2 * p1 + p2, "never more than deposited");
        // uw2's exact share of the last two deposits (the carry went out with the second)
        uint256 exact2 = (p1 + p2) * b / (a + b) + p1 * b / (a + b + extra) + 2;
        vm.assertLe(owed2, exact2, "at most its share");
        if (owed1 != 0) {
            vm.prank(uw1);
            pool.claimPremium(address(usdt), uw1);
        }
        if (owed2 != 0) {
            vm.prank(uw2);
            pool.claimPremium(address(usdt), uw2);
        }
        (,, uint256 carry, uint256 deposited, uint256 paid) = pool.premiumToken(address(usdt));
        vm.assertEq(deposited, 2 * p1 + p2);
        vm.assertLe(paid + carry, deposited, "paid and carried within the deposits");
        vm.assertGe(usdt.balanceOf(address(pool)), deposited - paid, "held covers what is owed");
    }

    /// @dev Random unit split between two holders and a random payout: the claims are exactly per unit, their sum
    /// at most the payout, and the remainder stays in the pool.
    function testFuzz_Payout_ClaimsNeverExceedThePayout(uint256 amount, uint256 slashed) public {
        _addFund(1_000_000e18);
        amount = bound(amount, SOLD, 1_000_000e18);
        slashed = bound(slashed, 0, 100_000e18);
        _default();
        if (slashed != 0) {
            vm.prank(dao);
            pool.depositSlashed(offeringId, slashed);
        }
        uint256 claimId = _openClaim();
        vm.prank(dao);
        uint256 total = pool.executePayout(claimId, amount);
        vm.assertLe(total, amount);
        vm.assertLt(amount - total, SOLD, "the remainder is under one wei per unit");
        uint256 paid = pool.claimPayout(claimId, _ids(tokenAlice, tokenBob));
        vm.assertEq(paid, total, "every unit sold claimed");
        vm.assertEq(dmc.balanceOf(alice), (amount / SOLD) * 10);
        vm.assertEq(dmc.balanceOf(address(pool)), _accounted());
        vm.assertEq(_accounted(), 1_000_000e18 + slashed - total);
    }

    function _fullCapPool() internal {
        IMutualInsurance.Params memory p = _defaultParams();
        p.maxPotShareBps = 10_000;
        vm.prank(dao);
        pool.setParams(p);
        vm.warp(block.timestamp + COOLDOWN + WINDOW);
    }
}
