// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMutualInsurance} from "../../../src/interfaces/IMutualInsurance.sol";
import {IMutualInsuranceErrors} from "../../../src/errors/InsurancePoolErrors.sol";
import {InsuranceFixture} from "./InsuranceFixture.sol";

/// @notice The pool's paths as a user meets them: underwriting and exits, premiums, the pots, claims and payouts.
/// Expected figures are derived from the rules (virtual offset 1e6 shares / 1 wei, order of loss, per unit).
contract MutualInsuranceTest is InsuranceFixture {
    // ------------------------------------------------------------------ underwriting and exits

    function test_Underwrite_MintsSharesAndEmits() public {
        vm.expectEmit(address(pool));
        emit IMutualInsurance.Underwritten(uw1, 100e18, 100e18 * 1e6, 100e18 * 1e6, 100e18 * 1e6, 100e18);
        uint256 shares = _underwrite(uw1, 100e18);
        vm.assertEq(shares, 100e18 * 1e6, "first depositor: amount x 1e6");
        // the second at the same price
        vm.assertEq(_underwrite(uw2, 50e18), 50e18 * 1e6, "same price");
        (, uint256 pot,,, uint256 total) = pool.pools();
        vm.assertEq(pot, 150e18);
        vm.assertEq(total, 150e18 * 1e6);
        vm.assertEq(dmc.balanceOf(address(pool)), 150e18);
    }

    function test_Withdraw_AtCooldownEndPaysBackTheStake() public {
        uint256 shares = _underwrite(uw1, 100e18);
        _request(uw1, shares);
        IMutualInsurance.Request memory r = pool.requestOf(uw1);
        vm.assertEq(r.readyAt, block.timestamp + COOLDOWN);
        vm.assertEq(r.expiresAt, block.timestamp + COOLDOWN + WINDOW);
        vm.warp(r.readyAt);
        uint256 before = dmc.balanceOf(uw1);
        vm.prank(uw1);
        uint256 paid = pool.withdraw();
        // 100e24 shares x (100e18 + 1) / (100e24 + 1e6), rounded down
        vm.assertEq(paid, 100e18, "whole stake back");
        vm.assertEq(dmc.balanceOf(uw1) - before, 100e18);
        vm.assertEq(_sharesHeld(uw1), 0);
        vm.assertEq(pool.requestOf(uw1).shares, 0, "request consumed");
    }

    function test_Withdraw_PartOfTheShares() public {
        uint256 shares = _underwrite(uw1, 100e18);
        _request(uw1, shares / 4);
        vm.warp(block.timestamp + COOLDOWN + 1);
        vm.prank(uw1);
        vm.assertEq(pool.withdraw(), 25e18);
        vm.assertEq(_sharesHeld(uw1), shares - shares / 4);
    }

    function test_CancelUnstake_ClearsTheRequest() public {
        uint256 shares = _underwrite(uw1, 100e18);
        _request(uw1, shares);
        vm.prank(uw1);
        pool.cancelUnstake();
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(uw1);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_NoRequest.selector, uw1));
        pool.withdraw();
    }

    function test_RequestedSharesStillBearTheLoss() public {
        uint256 s1 = _underwrite(uw1, 1_000e18);
        _underwrite(uw2, 1_000e18);
        _request(uw1, s1);
        // payout of 800 DMC, 20 per unit, all from the pot (cap 50% = 1,000)
        _payout(800e18);
        (, uint256 pot,,,) = pool.pools();
        vm.assertEq(pot, 1_200e18);
        vm.warp(pool.requestOf(uw1).readyAt);
        vm.prank(uw1);
        uint256 paid = pool.withdraw();
        // half the shares of a 1,200 pot, rounded down (the virtual share keeps the dust)
        vm.assertLe(paid, 600e18);
        vm.assertApproxEqAbs(paid, 600e18, 1);
    }

    // ------------------------------------------------------------------ premiums

    function test_Premium_SharedProRataAndClaimed() public {
        _underwrite(uw1, 100e18);
        _underwrite(uw2, 300e18);
        pool.depositPremium(address(usdt), 400e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)), 100e6);
        vm.assertEq(pool.premiumOf(uw2, address(usdt)), 300e6);
        vm.prank(uw1);
        vm.assertEq(pool.claimPremium(address(usdt), uw1), 100e6);
        vm.assertEq(usdt.balanceOf(uw1), 100e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)), 0);
        (,,, uint256 deposited, uint256 paid) = pool.premiumToken(address(usdt));
        vm.assertEq(deposited, 400e6);
        vm.assertEq(paid, 100e6);
    }

    function test_Premium_SettledWhenSharesChange() public {
        _underwrite(uw1, 100e18);
        pool.depositPremium(address(usdt), 100e6); // all uw1's
        _underwrite(uw2, 100e18);
        pool.depositPremium(address(usdt), 100e6); // half each
        _underwrite(uw1, 200e18); // uw1 settles at 150, now 3/4
        pool.depositPremium(address(usdt), 400e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)), 450e6);
        vm.assertEq(pool.premiumOf(uw2, address(usdt)), 150e6);
    }

    function test_Premium_EarnedByRequestedSharesUntilWithdrawn() public {
        uint256 s1 = _underwrite(uw1, 100e18);
        _underwrite(uw2, 100e18);
        _request(uw1, s1);
        pool.depositPremium(address(usdt), 200e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)), 100e6, "requested shares earn");
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(uw1);
        pool.withdraw();
        pool.depositPremium(address(usdt), 200e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)), 100e6, "kept, but no more");
        vm.assertEq(pool.premiumOf(uw2, address(usdt)), 300e6);
    }

    function test_Premium_CarriedWhileNobodyUnderwrites() public {
        pool.depositPremium(address(usdt), 50e6);
        (,, uint256 carry,,) = pool.premiumToken(address(usdt));
        vm.assertEq(carry, 50e6, "kept, not lost");
        _underwrite(uw1, 100e18);
        pool.depositPremium(address(usdt), 10e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)), 60e6, "shared with the next premium");
    }

    function test_Premium_DelistedStopsDepositsKeepsClaims() public {
        _underwrite(uw1, 100e18);
        pool.depositPremium(address(usdt), 10e6);
        vm.prank(dao);
        pool.setPremiumToken(address(usdt), false);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_InvalidPremiumToken.selector, address(usdt))
        );
        pool.depositPremium(address(usdt), 10e6);
        vm.prank(uw1);
        vm.assertEq(pool.claimPremium(address(usdt), uw1), 10e6);
    }

    // ------------------------------------------------------------------ pots

    function test_SyncFund_TakesDirectTransfersIntoTheFundNotTheShares() public {
        _underwrite(uw1, 100e18);
        vm.prank(stranger);
        dmc.transfer(address(pool), 1_000e18);
        vm.assertEq(pool.previewWithdraw(_sharesHeld(uw1)), 100e18, "price unmoved");
        vm.expectEmit(address(pool));
        emit IMutualInsurance.FundAdded(address(pool), 1_000e18, 1_000e18);
        vm.assertEq(pool.syncFund(), 1_000e18);
        (uint256 fund,,,,) = pool.pools();
        vm.assertEq(fund, 1_000e18);
        vm.assertEq(pool.syncFund(), 0, "nothing left to sync");
    }

    function test_DepositSlashed_ForAHaltedOffering() public {
        _default();
        vm.prank(dao);
        pool.depositSlashed(offeringId, 5_000e18);
        vm.assertEq(pool.slashedOf(offeringId), 5_000e18);
        vm.prank(dao);
        pool.moveSlashedToFund(offeringId, 2_000e18);
        vm.assertEq(pool.slashedOf(offeringId), 3_000e18);
        (uint256 fund,, uint256 slashed,,) = pool.pools();
        vm.assertEq(fund, 2_000e18);
        vm.assertEq(slashed, 3_000e18);
    }

    // ------------------------------------------------------------------ claims and payouts

    function test_Payout_OrderOfLoss_SlashedThenPotThenFund() public {
        _underwrite(uw1, 10_000e18);
        _addFund(100_000e18);
        _default();
        vm.prank(dao);
        pool.depositSlashed(offeringId, 1_000e18);
        uint256 claimId = _openClaim();
        vm.expectEmit(address(pool));
        // 8,000 over 40 units = 200 each: 1,000 slashed, 5,000 pot (50% cap), 2,000 fund
        emit IMutualInsurance.PayoutExecuted(
            claimId, offeringId, 8_000e18, 8_000e18, 200e18, SOLD, 1_000e18, 5_000e18, 2_000e18
        );
        vm.prank(dao);
        vm.assertEq(pool.executePayout(claimId, 8_000e18), 8_000e18);
        (uint256 fund, uint256 pot, uint256 slashed, uint256 unclaimed,) = pool.pools();
        vm.assertEq(slashed, 0);
        vm.assertEq(pot, 5_000e18);
        vm.assertEq(fund, 98_000e18);
        vm.assertEq(unclaimed, 8_000e18);
        vm.assertEq(uint256(pool.getClaim(claimId).status), uint256(IMutualInsurance.ClaimStatus.Executed));
        (bool isFrozen,) = pool.frozen();
        vm.assertFalse(isFrozen, "executed: exits open again");
    }

    function test_Payout_SmallLossTakesOnlySlashed() public {
        _underwrite(uw1, 10_000e18);
        _default();
        vm.prank(dao);
        pool.depositSlashed(offeringId, 1_000e18);
        uint256 claimId = _openClaim();
        vm.prank(dao);
        pool.executePayout(claimId, 400e18);
        vm.assertEq(pool.slashedOf(offeringId), 600e18);
        vm.assertEq(pool.previewWithdraw(_sharesHeld(uw1)), 10_000e18, "underwriters untouched");
    }

    function test_Payout_RemainderStaysInThePool() public {
        _addFund(10_000e18);
        uint256 claimId = _payout(1_000e18 + 39);
        IMutualInsurance.Payout memory p = pool.getPayout(claimId);
        vm.assertEq(p.perUnit, 25e18);
        vm.assertEq(p.total, 1_000e18, "per unit x units, never more");
        (uint256 fund,,,,) = pool.pools();
        vm.assertEq(fund, 9_000e18);
    }

    function test_ClaimPayout_PaysEachOwnerByUnits() public {
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.expectEmit(address(pool));
        emit IMutualInsurance.PayoutClaimed(claimId, tokenAlice, alice, 1_000e18);
        vm.expectEmit(address(pool));
        emit IMutualInsurance.PayoutClaimed(claimId, tokenBob, bob, 3_000e18);
        vm.prank(stranger); // anyone may call; paid to the owners
        vm.assertEq(pool.claimPayout(claimId, _ids(tokenAlice, tokenBob)), 4_000e18);
        vm.assertEq(dmc.balanceOf(alice), 1_000e18);
        vm.assertEq(dmc.balanceOf(bob), 3_000e18);
        (,,, uint256 unclaimed,) = pool.pools();
        vm.assertEq(unclaimed, 0);
        vm.assertEq(pool.getPayout(claimId).claimed, 4_000e18);
        vm.assertTrue(pool.hasClaimed(claimId, tokenAlice));
        vm.assertEq(pool.claimableOf(claimId, tokenBob), 0);
    }

    function test_ExpirePayout_ReturnsUnclaimedToTheFund() public {
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.prank(alice);
        pool.claimPayout(claimId, _ids(tokenAlice));
        uint256 deadline = pool.getPayout(claimId).claimDeadline;
        vm.warp(deadline - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PayoutNotExpired.selector, claimId, deadline)
        );
        pool.expirePayout(claimId);
        vm.warp(deadline);
        pool.expirePayout(claimId);
        (uint256 fund,,, uint256 unclaimed,) = pool.pools();
        vm.assertEq(unclaimed, 0);
        vm.assertEq(fund, 9_000e18, "bob's 3,000 back");
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PayoutExpired.selector, claimId));
        pool.claimPayout(claimId, _ids(tokenBob));
    }

    function test_CloseClaim_WhenTheOfferingIsResumed() public {
        _flagForMissedDeposits(offeringId);
        uint256 claimId = _openClaim();
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ClaimStillOpen.selector, claimId));
        pool.closeClaim(claimId);
        vm.prank(governor);
        exchange.resume(offeringId);
        pool.closeClaim(claimId);
        vm.assertEq(uint256(pool.getClaim(claimId).status), uint256(IMutualInsurance.ClaimStatus.Closed));
        (bool isFrozen,) = pool.frozen();
        vm.assertFalse(isFrozen);
    }

    function test_RejectClaim_UnfreezesAndOnlyTheDaoReopens() public {
        _default();
        uint256 claimId = _openClaim();
        vm.prank(dao);
        pool.rejectClaim(claimId);
        vm.assertEq(uint256(pool.getClaim(claimId).status), uint256(IMutualInsurance.ClaimStatus.Rejected));
        vm.prank(dao);
        uint256 again = pool.openClaim(offeringId);
        vm.assertEq(again, claimId + 1);
        vm.assertEq(pool.claimOfOffering(offeringId), again);
    }

    function test_Params_TakeEffectAfterTheNotice() public {
        IMutualInsurance.Params memory p = _defaultParams();
        p.cooldown = 30 days;
        vm.prank(dao);
        pool.setParams(p);
        vm.assertEq(pool.params().cooldown, COOLDOWN, "not yet");
        vm.warp(block.timestamp + COOLDOWN + WINDOW);
        vm.assertEq(pool.params().cooldown, 30 days, "after cooldown + window");
    }
}
