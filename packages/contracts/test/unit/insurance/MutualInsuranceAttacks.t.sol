// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IMutualInsurance} from "../../../src/interfaces/IMutualInsurance.sol";
import {IMutualInsuranceErrors} from "../../../src/errors/InsurancePoolErrors.sol";
import {IPositionLocks} from "../../../src/interfaces/IPositionLocks.sol";
import {IPremiumSink} from "../../../src/interfaces/IFeeSinks.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../../mocks/CallbackToken.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {TestLocker} from "../../mocks/TestLocker.sol";
import {InsuranceFixture} from "./InsuranceFixture.sol";

/// @notice One regression per attack on the pool (issue 13's list): exits at the boundary seconds, running before a
/// loss, freezing the pool, payouts beyond the pool or to the wrong positions, pledged positions, dust and
/// donations, hostile tokens and receivers, and parameters changed under live stakes.
contract MutualInsuranceAttacksTest is InsuranceFixture {
    // ------------------------------------------------------------------ exit timing

    function test_Attack_WithdrawOneSecondBeforeCooldownEnd() public {
        _request(uw1, _underwrite(uw1, 100e18));
        uint256 readyAt = pool.requestOf(uw1).readyAt;
        vm.warp(readyAt - 1);
        vm.prank(uw1);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_CooldownActive.selector, uw1, readyAt));
        pool.withdraw();
        vm.warp(readyAt);
        vm.prank(uw1);
        vm.assertEq(pool.withdraw(), 100e18, "exactly at the cooldown end: open");
    }

    function test_Attack_WithdrawAtWindowEnd() public {
        _request(uw1, _underwrite(uw1, 100e18));
        uint256 expiresAt = pool.requestOf(uw1).expiresAt;
        vm.warp(expiresAt - 1);
        uint256 id = vm.snapshotState();
        vm.prank(uw1);
        vm.assertEq(pool.withdraw(), 100e18, "last second of the window");
        vm.revertToState(id);
        vm.warp(expiresAt);
        vm.prank(uw1);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_RequestLapsed.selector, uw1, expiresAt));
        pool.withdraw();
    }

    function test_Attack_WithdrawAfterTheRequestLapsed() public {
        uint256 shares = _underwrite(uw1, 100e18);
        _request(uw1, shares);
        uint256 expiresAt = pool.requestOf(uw1).expiresAt;
        vm.warp(expiresAt + 3 days);
        vm.prank(uw1);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_RequestLapsed.selector, uw1, expiresAt));
        pool.withdraw();
        // must request again, and wait the whole cooldown again
        _request(uw1, shares);
        vm.prank(uw1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMutualInsuranceErrors.Mutual_CooldownActive.selector, uw1, block.timestamp + COOLDOWN
            )
        );
        pool.withdraw();
    }

    // ------------------------------------------------------------------ running before a loss

    function test_Attack_FrontRunLoss_ExitFrozenOnceTheDefaultIsVisible() public {
        _addFund(100_000e18);
        uint256 s1 = _underwrite(uw1, 10_000e18);
        uint256 s2 = _underwrite(uw2, 10_000e18);
        _request(uw1, s1); // requested before the default: matures during it
        _flagForMissedDeposits(offeringId); // the default is visible
        uint256 claimId = _openClaim(); // anyone opens a claim at the flag
        (bool isFrozen, uint256 until) = pool.frozen();
        vm.assertTrue(isFrozen);
        vm.prank(uw2);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ExitsFrozen.selector, until));
        pool.requestUnstake(s2);
        _halt(offeringId);
        vm.warp(pool.requestOf(uw1).readyAt);
        vm.prank(uw1);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ExitsFrozen.selector, until));
        pool.withdraw();
        // the DAO pays 8,000: 8,000 from the pot (cap 10,000) — uw1 bears half of it
        vm.prank(dao);
        pool.executePayout(claimId, 8_000e18);
        vm.prank(uw1);
        uint256 paid = pool.withdraw();
        vm.assertLe(paid, 6_000e18, "bore its share of the loss");
        vm.assertApproxEqAbs(paid, 6_000e18, 1);
    }

    function test_Attack_OpenClaimOnALiveOffering() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_OfferingNotDefaulted.selector, offeringId, uint8(1))
        );
        pool.openClaim(offeringId);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_OfferingNotDefaulted.selector, 99, 0));
        pool.openClaim(99);
    }

    function test_Attack_RepeatedOpenClaimGriefing() public {
        _default();
        uint256 claimId = _openClaim();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ClaimExists.selector, offeringId, claimId));
        pool.openClaim(offeringId);
        // the freeze is bounded: it lapses at the claim's expiry without anyone acting
        uint256 expiresAt = pool.getClaim(claimId).expiresAt;
        vm.warp(expiresAt);
        (bool isFrozen,) = pool.frozen();
        vm.assertFalse(isFrozen, "expired claims freeze nothing");
        pool.closeClaim(claimId);
        // and the griefer cannot open it again: only the DAO can
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ClaimExists.selector, offeringId, claimId));
        pool.openClaim(offeringId);
        // nor can the DAO run two at once
        vm.prank(dao);
        uint256 second = pool.openClaim(offeringId);
        vm.prank(dao);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ClaimExists.selector, offeringId, second));
        pool.openClaim(offeringId);
    }

    function test_Attack_ExecuteAnExpiredClaim() public {
        _addFund(10_000e18);
        _default();
        uint256 claimId = _openClaim();
        vm.warp(pool.getClaim(claimId).expiresAt);
        vm.prank(dao);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ClaimNotOpen.selector, claimId));
        pool.executePayout(claimId, 1_000e18);
    }

    // ------------------------------------------------------------------ governance only

    function test_Attack_StrangerCallsOwnerOnlyFunctions() public {
        _addFund(10_000e18);
        _default();
        uint256 claimId = _openClaim();
        bytes memory unauthorized = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger);
        vm.startPrank(stranger);
        vm.expectRevert(unauthorized);
        pool.executePayout(claimId, 1_000e18);
        vm.expectRevert(unauthorized);
        pool.rejectClaim(claimId);
        vm.expectRevert(unauthorized);
        pool.moveSlashedToFund(offeringId, 1);
        vm.expectRevert(unauthorized);
        pool.setParams(_defaultParams());
        vm.expectRevert(unauthorized);
        pool.setPremiumToken(address(wbtc), true);
        vm.stopPrank();
    }

    function test_Attack_ExecutePayoutForAFlaggedNotHaltedOffering() public {
        _addFund(10_000e18);
        _flagForMissedDeposits(offeringId);
        uint256 claimId = _openClaim();
        vm.prank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_OfferingNotDefaulted.selector, offeringId, uint8(2))
        );
        pool.executePayout(claimId, 1_000e18);
    }

    function test_Attack_PayoutLargerThanThePool() public {
        _addFund(100e18);
        _underwrite(uw1, 1_000e18);
        _default();
        uint256 claimId = _openClaim();
        // available: 0 slashed + 50% of 1,000 + 100 = 600
        vm.prank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PayoutExceedsPool.selector, 640e18, 600e18)
        );
        pool.executePayout(claimId, 640e18);
        vm.prank(dao);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PayoutTooSmall.selector, 39, SOLD));
        pool.executePayout(claimId, 39);
        vm.prank(dao);
        pool.executePayout(claimId, 600e18); // exactly what it holds for it
        (uint256 fund, uint256 pot,,,) = pool.pools();
        vm.assertEq(fund, 0);
        vm.assertEq(pot, 500e18);
    }

    // ------------------------------------------------------------------ claims of positions

    function test_Attack_DoubleClaim() public {
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_AlreadyClaimed.selector, claimId, tokenAlice)
        );
        pool.claimPayout(claimId, _ids(tokenAlice, tokenAlice));
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_AlreadyClaimed.selector, claimId, tokenAlice)
        );
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.assertEq(dmc.balanceOf(alice), 1_000e18, "paid once");
    }

    function test_Attack_ClaimForAPositionOfAnotherOffering() public {
        uint256 other = _createOffering(miner, 100, PRICE, START_DAY + 3, START_DAY + 3 + TERM_DAYS);
        uint256 foreign = _buy(carol, other, 50);
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_WrongOffering.selector, claimId, foreign, other)
        );
        pool.claimPayout(claimId, _ids(tokenAlice, foreign));
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 777));
        pool.claimPayout(claimId, _ids(777));
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_UnknownPayout.selector, claimId + 1));
        pool.claimPayout(claimId + 1, _ids(tokenAlice));
    }

    function test_Attack_ClaimAPledgedPosition_LenderWhoForeclosesGetsIt() public {
        TestLocker locker = new TestLocker(IPositionLocks(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(locker), true);
        vm.startPrank(alice);
        exchange.approve(address(locker), tokenAlice);
        locker.pledge(tokenAlice, carol); // carol lends against it
        vm.stopPrank();
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        bytes memory pledged =
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PositionPledged.selector, tokenAlice, address(locker));
        vm.prank(alice); // the borrower who has not repaid
        vm.expectRevert(pledged);
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.prank(stranger);
        vm.expectRevert(pledged);
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.assertEq(pool.claimableOf(claimId, tokenAlice), 1_000e18, "stays with the NFT");
        // the lender forecloses: the payout comes with the position
        vm.prank(carol);
        locker.foreclose(tokenAlice);
        vm.prank(stranger);
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.assertEq(dmc.balanceOf(carol), 1_000e18);
        vm.assertEq(dmc.balanceOf(alice), 0);
    }

    function test_Attack_PledgedPositionPaysTheLockHolderOnlyWhenItAsks() public {
        TestLocker locker = new TestLocker(IPositionLocks(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(locker), true);
        vm.startPrank(bob);
        exchange.approve(address(locker), tokenBob);
        locker.pledge(tokenBob, carol);
        vm.stopPrank();
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.prank(address(locker)); // a loan contract pulling for its lender
        pool.claimPayout(claimId, _ids(tokenBob));
        vm.assertEq(dmc.balanceOf(address(locker)), 3_000e18);
        vm.assertEq(dmc.balanceOf(bob), 0);
    }

    function test_Attack_StakedPositionStillPaysItsOwner() public {
        TestLocker locker = new TestLocker(IPositionLocks(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(locker), true);
        vm.startPrank(alice);
        exchange.approve(address(locker), tokenAlice);
        locker.stake(tokenAlice); // payouts bits 0: everything stays the owner's
        vm.stopPrank();
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.prank(stranger);
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.assertEq(dmc.balanceOf(alice), 1_000e18);
    }

    function test_Attack_PositionTransferredAfterThePayout_TheNftClaims() public {
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenAlice);
        vm.prank(alice); // the seller tries to take it on the way out
        pool.claimPayout(claimId, _ids(tokenAlice));
        vm.assertEq(dmc.balanceOf(carol), 1_000e18, "the owner of the NFT is paid");
        vm.assertEq(dmc.balanceOf(alice), 0);
    }

    function test_Attack_ReentrantErc721ReceiverClaimsOnce() public {
        _addFund(10_000e18);
        uint256 claimId = _payout(4_000e18);
        ReentrantReceiver receiver = new ReentrantReceiver(address(pool));
        receiver.setNftAction(abi.encodeCall(IMutualInsurance.claimPayout, (claimId, _ids(tokenBob))));
        vm.prank(bob);
        exchange.safeTransferFrom(bob, address(receiver), tokenBob);
        vm.assertTrue(receiver.reentered());
        vm.assertTrue(receiver.lastSuccess(), "the new owner claimed from inside the transfer");
        vm.assertEq(dmc.balanceOf(address(receiver)), 3_000e18);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_AlreadyClaimed.selector, claimId, tokenBob)
        );
        pool.claimPayout(claimId, _ids(tokenBob));
    }

    // ------------------------------------------------------------------ dust and donations

    function test_Attack_OneWeiUnderwriter() public {
        vm.assertEq(_underwrite(stranger, 1), 1e6, "1 wei: 1e6 shares");
        vm.assertEq(_underwrite(uw1, 1_000e18), 1_000e18 * 1e6, "the next pays the same price");
        vm.assertEq(pool.previewWithdraw(_sharesHeld(uw1)), 1_000e18);
        _request(stranger, 1e6);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(stranger);
        vm.assertEq(pool.withdraw(), 1, "dust back, no more");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_ZeroAmount.selector));
        pool.underwrite(0);
    }

    function test_Attack_DonationInflation() public {
        _underwrite(stranger, 1);
        vm.prank(stranger);
        dmc.transfer(address(pool), 500_000e18); // try to inflate the share price
        uint256 shares = _underwrite(uw1, 1_000e18);
        vm.assertEq(shares, 1_000e18 * 1e6, "price unmoved: the pot is a counter");
        vm.assertEq(pool.previewWithdraw(shares), 1_000e18);
        pool.syncFund();
        (uint256 fund, uint256 pot,,,) = pool.pools();
        vm.assertEq(fund, 500_000e18, "the donation insures holders, it buys no shares");
        vm.assertEq(pot, 1_000e18 + 1);
    }

    // ------------------------------------------------------------------ hostile tokens

    function test_Attack_CallbackPremiumTokenCannotReenter() public {
        CallbackToken cbt = new CallbackToken();
        vm.prank(dao);
        pool.setPremiumToken(address(cbt), true);
        ReentrantReceiver receiver = new ReentrantReceiver(address(pool));
        _dmcTo(address(receiver), 100e18);
        receiver.execute(address(dmc), abi.encodeCall(dmc.approve, (address(pool), type(uint256).max)));
        receiver.execute(address(pool), abi.encodeCall(IMutualInsurance.underwrite, (100e18)));
        _underwrite(uw1, 100e18);
        cbt.mint(address(this), 1_000e18);
        cbt.approve(address(pool), type(uint256).max);
        pool.depositPremium(address(cbt), 200e18);

        receiver.execute(address(cbt), abi.encodeCall(CallbackToken.setHook, (true)));
        receiver.setTokenAction(abi.encodeCall(IMutualInsurance.claimPremium, (address(cbt), address(receiver))));
        receiver.execute(
            address(pool), abi.encodeCall(IMutualInsurance.claimPremium, (address(cbt), address(receiver)))
        );
        vm.assertTrue(receiver.reentered());
        vm.assertFalse(receiver.lastSuccess(), "the re-entry reverted");
        vm.assertEq(cbt.balanceOf(address(receiver)), 100e18, "paid once");

        // a premium payer's send hook re-entering a deposit
        cbt.mint(address(receiver), 100e18);
        receiver.execute(address(cbt), abi.encodeCall(cbt.approve, (address(pool), type(uint256).max)));
        receiver.setTokenAction(abi.encodeCall(IPremiumSink.depositPremium, (address(cbt), 50e18)));
        receiver.execute(address(pool), abi.encodeCall(IPremiumSink.depositPremium, (address(cbt), 50e18)));
        vm.assertFalse(receiver.lastSuccess());
        (,,, uint256 deposited,) = pool.premiumToken(address(cbt));
        vm.assertEq(deposited, 250e18, "one deposit counted");
    }

    function test_Attack_PremiumPaidWhileNoUnderwriterIsNotLost() public {
        pool.depositPremium(address(usdt), 70e6);
        vm.assertEq(usdt.balanceOf(address(pool)), 70e6);
        (,, uint256 carry,,) = pool.premiumToken(address(usdt));
        vm.assertEq(carry, 70e6);
        _underwrite(uw1, 100e18);
        _underwrite(uw2, 100e18);
        pool.depositPremium(address(usdt), 30e6);
        vm.assertEq(pool.premiumOf(uw1, address(usdt)) + pool.premiumOf(uw2, address(usdt)), 100e6);
    }

    function test_Attack_BlacklistedClaimantDoesNotBlockOthers() public {
        BlacklistableUSDT busdt = new BlacklistableUSDT();
        vm.prank(dao);
        pool.setPremiumToken(address(busdt), true);
        _underwrite(uw1, 100e18);
        _underwrite(uw2, 100e18);
        busdt.mint(address(this), 1_000e6);
        busdt.approve(address(pool), type(uint256).max);
        pool.depositPremium(address(busdt), 200e6);
        busdt.setBlacklisted(uw1, true);
        vm.prank(uw1);
        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, uw1));
        pool.claimPremium(address(busdt), uw1);
        vm.prank(uw2);
        vm.assertEq(pool.claimPremium(address(busdt), uw2), 100e6, "others unaffected");
        vm.prank(uw1);
        vm.assertEq(pool.claimPremium(address(busdt), carol), 100e6, "pull: to another address");
        // a blacklisted underwriter still exits its DMC
        _request(uw1, _sharesHeld(uw1));
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(uw1);
        vm.assertEq(pool.withdraw(), 100e18);
    }

    function test_Attack_DepositSlashedForALiveOffering() public {
        vm.prank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_OfferingNotDefaulted.selector, offeringId, uint8(1))
        );
        pool.depositSlashed(offeringId, 1_000e18);
    }

    function test_Attack_DmcIsNeverAPremiumToken() public {
        vm.prank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_InvalidPremiumToken.selector, address(dmc))
        );
        pool.setPremiumToken(address(dmc), true);
    }

    // ------------------------------------------------------------------ parameters under live stakes

    function test_Attack_ParamsChangedWhileRequestsArePending() public {
        _request(uw1, _underwrite(uw1, 100e18));
        IMutualInsurance.Request memory before = pool.requestOf(uw1);
        IMutualInsurance.Params memory p = _defaultParams();
        p.cooldown = 60 days;
        p.window = 1 days;
        vm.prank(dao);
        pool.setParams(p);
        vm.warp(before.readyAt);
        IMutualInsurance.Request memory afterwards = pool.requestOf(uw1);
        vm.assertEq(afterwards.readyAt, before.readyAt, "snapshotted");
        vm.assertEq(afterwards.expiresAt, before.expiresAt, "snapshotted");
        vm.assertEq(pool.params().cooldown, COOLDOWN, "within the notice: the old cooldown");
        vm.prank(uw1);
        vm.assertEq(pool.withdraw(), 100e18, "the request's own window holds");
        vm.warp(before.expiresAt); // the notice (cooldown + window) has run
        vm.assertEq(pool.params().cooldown, 60 days);
        vm.assertEq(pool.params().window, 1 days);
    }

    function test_Attack_MaxPotShareRaisedWhileStaked() public {
        _underwrite(uw1, 1_000e18);
        IMutualInsurance.Params memory p = _defaultParams();
        p.maxPotShareBps = 10_000;
        vm.prank(dao);
        pool.setParams(p);
        _default();
        uint256 claimId = _openClaim();
        // within the notice the old 50% cap holds: a 600 payout cannot take 600 of the pot
        vm.prank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PayoutExceedsPool.selector, 600e18, 500e18)
        );
        pool.executePayout(claimId, 600e18);
        vm.assertEq(pool.params().maxPotShareBps, MAX_POT_BPS);
    }

    function test_Attack_InvalidParams() public {
        IMutualInsurance.Params memory p = _defaultParams();
        p.claimDuration = 365 days; // would freeze exits for a year
        vm.prank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMutualInsuranceErrors.Mutual_InvalidParams.selector, COOLDOWN, WINDOW, 365 days, MAX_POT_BPS
            )
        );
        pool.setParams(p);
    }
}
