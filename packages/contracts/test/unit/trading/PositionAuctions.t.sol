// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IPositionAuctionsErrors} from "../../../src/errors/TradingErrors.sol";
import {IFeeVaultErrors} from "../../../src/errors/FeeErrors.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IPositionLockerErrors, IPositionLocksErrors} from "../../../src/errors/LockErrors.sol";
import {IFeeVault} from "../../../src/interfaces/IFeeVault.sol";
import {IPositionAuctions} from "../../../src/interfaces/IPositionAuctions.sol";
import {IPositionLocks} from "../../../src/interfaces/IPositionLocks.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {PositionAuctions} from "../../../src/trading/PositionAuctions.sol";
import {LockPayouts, OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../../mocks/CallbackToken.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {AuctionsFixture} from "./AuctionsFixture.sol";

/// @notice Secondary auctions (a holder's position, locked in place), the rules both kinds share, and
/// hostile bidders. Primary auctions: PrimaryAuctions.t.sol.
contract PositionAuctionsTest is AuctionsFixture {
    uint256 internal tokenA; // alice, 10 units

    function setUp() public override {
        super.setUp();
        tokenA = _buy(alice, offeringId, 10);
    }

    // ------------------------------------------------------------------ lifecycle

    function test_Secondary_WholeLifecycle() public {
        vm.expectEmit(address(exchange));
        emit IPositionLocks.PositionLocked(tokenA, address(auctions), alice, LockPayouts.ALL);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionCreated(
            1,
            IPositionAuctions.AuctionKind.Secondary,
            alice,
            tokenA,
            offeringId,
            10,
            address(usdt),
            RESERVE,
            DURATION,
            INCREMENT_BPS,
            TRADING_FEE_BPS,
            type(uint40).max
        );
        uint256 id = _auction(alice, tokenA);
        vm.assertEq(id, 1);
        vm.assertEq(auctions.auctionOfToken(tokenA), id);
        vm.assertEq(exchange.lockedBy(tokenA), address(auctions));
        vm.assertEq(exchange.getPosition(tokenA).lockPayouts, LockPayouts.ALL);
        vm.assertEq(auctions.minNextBid(id), RESERVE);

        uint256 start = block.timestamp;
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.BidPlaced(id, bob, RESERVE, start + DURATION, false);
        _bid(bob, id, RESERVE);
        vm.assertEq(auctions.minNextBid(id), RESERVE * 105 / 100);

        vm.warp(start + 1 hours);
        uint256 second = auctions.minNextBid(id);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.BidRefundCredited(id, bob, address(usdt), RESERVE);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.BidPlaced(id, carol, second, start + DURATION, false);
        _bid(carol, id, second);
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), RESERVE);
        vm.assertEq(usdt.balanceOf(address(auctions)), RESERVE + second);

        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotEnded.selector, id, start + DURATION)
        );
        auctions.settle(id);

        vm.warp(start + DURATION);
        uint256 fee = second * TRADING_FEE_BPS / 10_000;
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.ProceedsCredited(id, alice, address(usdt), second - fee);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionSettled(id, carol, second, fee, tokenA);
        vm.expectEmit(address(exchange));
        emit IPositionLocks.PositionUnlocked(tokenA, address(auctions), carol);
        vm.prank(dave); // anyone settles
        auctions.settle(id);

        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(auctions.auctionOfToken(tokenA), 0);
        vm.assertEq(uint256(_get(id).state), uint256(IPositionAuctions.AuctionState.Settled));
        vm.assertEq(auctions.withdrawable(alice, address(usdt)), second - fee);
        vm.assertEq(auctions.feesAccrued(address(usdt)), fee);
        vm.assertEq(rewards.creditedTo(carol, address(usdt)), fee, "winner credited with the fee");
        vm.assertEq(rewards.callAt(rewards.callCount() - 1).source, address(auctions), "by the auctions");
        vm.assertEq(rewards.callAt(rewards.callCount() - 1).referrer, address(0), "an auction names no referrer");
        vm.assertEq(usdt.balanceOf(address(auctions)), RESERVE + second);

        uint256 bobBefore = usdt.balanceOf(bob);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.Withdrawn(bob, address(usdt), bob, RESERVE);
        vm.prank(bob);
        vm.assertEq(auctions.withdraw(address(usdt), bob), RESERVE);
        vm.assertEq(usdt.balanceOf(bob) - bobBefore, RESERVE);
        vm.prank(alice);
        auctions.withdraw(address(usdt), alice);
        vm.expectEmit(address(auctions));
        emit IFeeVault.FeesSwept(address(usdt), feeSink, fee);
        auctions.sweepFees(address(usdt));
        vm.assertEq(usdt.balanceOf(feeSink), fee);
        vm.assertEq(usdt.balanceOf(address(auctions)), 0);
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NothingToWithdraw.selector, bob, address(usdt))
        );
        vm.prank(bob);
        auctions.withdraw(address(usdt), bob);
        vm.assertEq(auctions.sweepFees(address(usdt)), 0);
    }

    function test_Secondary_WinnerGetsRewardsAccruedWhileAuctioned() public {
        vm.prank(alice);
        uint256 id = auctions.createAuction(tokenA, address(usdt), RESERVE, 10 days);
        _bid(bob, id, RESERVE);
        // The auction runs into the term: 2 days of rewards accrue while it is locked.
        _warpToDay(TERM_START + 2);
        _bid(carol, id, auctions.minNextBid(id)); // carol bids late in the auction: well before its end
        _deposit(offeringId, 10e18); // 10 units sold: 1 IFIL a unit a day
        _deposit(offeringId, 10e18);
        uint256 accrued = exchange.claimableRewards(tokenA);
        vm.assertEq(accrued, 20e18);
        // The seller cannot empty it: its payouts are routed to the auction, which never claims.
        vm.prank(alice);
        (bool ok,) = address(exchange).call(abi.encodeCall(exchange.claimRewards, (_ids(tokenA))));
        ok; // refused or paying nothing: either way nothing reaches the seller
        vm.assertEq(ifil.balanceOf(alice), 0, "seller cannot claim while auctioned");
        vm.assertEq(exchange.claimableRewards(tokenA), accrued);

        vm.warp(_get(id).endTime);
        auctions.settle(id);
        vm.prank(carol);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), accrued);
        vm.assertEq(ifil.balanceOf(carol), accrued);
        vm.assertEq(ifil.balanceOf(address(auctions)), 0);
    }

    function test_Secondary_CancelBeforeFirstBid() public {
        uint256 id = _auction(alice, tokenA);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionCancelled(id);
        vm.prank(alice);
        auctions.cancel(id);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(exchange.ownerOf(tokenA), alice);
        vm.assertEq(auctions.auctionOfToken(tokenA), 0);
        vm.assertEq(uint256(_get(id).state), uint256(IPositionAuctions.AuctionState.Cancelled));
        // Free again: it can be auctioned anew.
        vm.assertEq(_auction(alice, tokenA), 2);
    }

    function test_Secondary_UnbidAuctionNeverEnds() public {
        uint256 id = _auction(alice, tokenA);
        vm.warp(block.timestamp + 60 days);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotEnded.selector, id, 0));
        auctions.settle(id);
    }

    // ------------------------------------------------------------------ creation checks

    function test_RevertWhen_CreatingForSomeoneElsesPosition() public {
        vm.prank(alice);
        exchange.setApprovalForAll(address(auctions), true);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenA, bob, alice)
        );
        vm.prank(bob);
        auctions.createAuction(tokenA, address(usdt), RESERVE, DURATION);
    }

    function test_RevertWhen_PaymentTokenNotListed() public {
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_PaymentTokenNotListed.selector, address(ifil))
        );
        vm.prank(alice);
        auctions.createAuction(tokenA, address(ifil), RESERVE, DURATION);
    }

    function test_RevertWhen_PositionAlreadyAuctioned() public {
        uint256 id = _auction(alice, tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_AlreadyAuctioned.selector, tokenA, id));
        _auction(alice, tokenA);
    }

    function test_RevertWhen_TermsOutOfBounds() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_InvalidReserve.selector, 0));
        auctions.createAuction(tokenA, address(usdt), 0, DURATION);
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_InvalidReserve.selector, tooBig));
        auctions.createAuction(tokenA, address(usdt), tooBig, DURATION);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionAuctionsErrors.Auctions_InvalidDuration.selector, 1 hours - 1, 1 hours, 30 days
            )
        );
        auctions.createAuction(tokenA, address(usdt), RESERVE, 1 hours - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionAuctionsErrors.Auctions_InvalidDuration.selector, 30 days + 1, 1 hours, 30 days
            )
        );
        auctions.createAuction(tokenA, address(usdt), RESERVE, 30 days + 1);
        vm.stopPrank();
    }

    function test_RevertWhen_PositionOfHaltedOffering() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Halted, TERM_END
            )
        );
        _auction(alice, tokenA);
    }

    function test_RevertWhen_BidUnderReserveOrUnknownAuction() public {
        uint256 id = _auction(alice, tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_BidTooLow.selector, id, RESERVE - 1, RESERVE)
        );
        _bid(bob, id, RESERVE - 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_UnknownAuction.selector, 9));
        _bid(bob, 9, RESERVE);
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_BidTooHigh.selector, id, tooBig, type(uint96).max)
        );
        _bid(bob, id, tooBig);
    }

    function test_Governance_SetsIncrementAndRecipientWithinBounds() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        auctions.setMinIncrement(600);
        vm.startPrank(dao);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_InvalidIncrement.selector, 499, 500, 1000)
        );
        auctions.setMinIncrement(499);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_InvalidIncrement.selector, 1001, 500, 1000)
        );
        auctions.setMinIncrement(1001);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.MinIncrementSet(500, 1000);
        auctions.setMinIncrement(1000);
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        auctions.setFeeRecipient(address(0));
        vm.expectEmit(address(auctions));
        emit IFeeVault.FeeRecipientSet(feeSink, carol);
        auctions.setFeeRecipient(carol);
        vm.stopPrank();
        vm.assertEq(auctions.feeRecipient(), carol);
    }

    function test_RevertWhen_DeployedWithBadArguments() public {
        vm.expectRevert(
            abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_InvalidIncrement.selector, 400, 500, 1000)
        );
        new PositionAuctions(exchange, params, rewards_(), dao, feeSink, 400);
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        new PositionAuctions(exchange, params, rewards_(), dao, address(0), 500);
    }

    function rewards_() internal view returns (ITradingRewards) {
        return ITradingRewards(address(rewards));
    }

    // ------------------------------------------------------------------ flag and halt mid-auction

    /// @dev Defined behaviour: while the offering is flagged or halted no bid is taken; the leader may
    /// take its bid back (the position goes back to the seller, with its refund right), or wait for the
    /// end, when the auction settles as usual.
    function test_FlagMidAuction_BidsRefused_LeaderWithdraws() public {
        vm.prank(alice);
        uint256 id = auctions.createAuction(tokenA, address(usdt), RESERVE, 20 days);
        _bid(bob, id, RESERVE);
        _flagForMissedDeposits(offeringId);
        uint256 next = auctions.minNextBid(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionAuctionsErrors.Auctions_OfferingNotActive.selector, id, uint8(OfferingStatus.Flagged)
            )
        );
        _bid(carol, id, next);
        // Only the leader, and only while the offering is not active.
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_CannotWithdrawBid.selector, id, carol));
        vm.prank(carol);
        auctions.withdrawLeadingBid(id);

        _halt(offeringId);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.BidRefundCredited(id, bob, address(usdt), RESERVE);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.LeadingBidWithdrawn(id, bob, RESERVE);
        vm.prank(bob);
        auctions.withdrawLeadingBid(id);
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), RESERVE);
        vm.assertEq(uint256(_get(id).state), uint256(IPositionAuctions.AuctionState.Cancelled));
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(exchange.ownerOf(tokenA), alice);
        // The refund right stayed in the position: the seller pulls it now.
        uint256 refund = exchange.refundableOf(tokenA);
        vm.assertGt(refund, 0);
        vm.prank(alice);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA)), refund);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_AlreadyClosed.selector, id));
        auctions.settle(id);
    }

    function test_HaltMidAuction_LeaderLetsItSettle_WinnerGetsRefund() public {
        vm.prank(alice);
        uint256 id = auctions.createAuction(tokenA, address(usdt), RESERVE, 20 days);
        _bid(bob, id, RESERVE);
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 refund = exchange.refundableOf(tokenA);
        vm.assertGt(refund, 0);
        vm.warp(_get(id).endTime);
        auctions.settle(id);
        vm.assertEq(exchange.ownerOf(tokenA), bob);
        vm.prank(bob);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA)), refund, "the refund travelled with the position");
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_AlreadyClosed.selector, id));
        vm.prank(bob);
        auctions.withdrawLeadingBid(id);
    }

    /// @dev Governance's emergency brake (revoking the locker) must not trap the leader's bid: the
    /// position can no longer be seized, so the leader takes its bid back and the seller keeps it.
    function test_RevokedLocker_LeaderWithdrawsAndSellerKeepsPosition() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        vm.prank(governor);
        exchange.setLocker(address(auctions), false);
        vm.warp(_get(id).endTime);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(auctions))
        );
        auctions.settle(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_CannotWithdrawBid.selector, id, carol));
        vm.prank(carol);
        auctions.withdrawLeadingBid(id);
        vm.prank(bob);
        auctions.withdrawLeadingBid(id);
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), RESERVE);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(exchange.ownerOf(tokenA), alice);
        vm.assertEq(auctions.auctionOfToken(tokenA), 0);
    }

    function test_RevertWhen_WithdrawingLeadingBidOfActiveOffering() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_CannotWithdrawBid.selector, id, bob));
        vm.prank(bob);
        auctions.withdrawLeadingBid(id);
    }

    // ------------------------------------------------------------------ attacks

    function test_Attack_BidderOutbidsItself() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        uint256 before = usdt.balanceOf(bob);
        uint256 raised = auctions.minNextBid(id);
        vm.recordLogs();
        _bid(bob, id, raised);
        vm.assertEq(before - usdt.balanceOf(bob), raised - RESERVE, "pays only the difference");
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), 0, "no refund to itself");
        vm.assertEq(usdt.balanceOf(address(auctions)), raised);
        vm.assertEq(_get(id).leadingBid, raised);
        // Still bound by the increment over its own bid.
        uint256 next = auctions.minNextBid(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_BidTooLow.selector, id, next - 1, next));
        _bid(bob, id, next - 1);
    }

    function test_Attack_SettleTwice() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        vm.warp(_get(id).endTime);
        auctions.settle(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_AlreadyClosed.selector, id));
        auctions.settle(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_AlreadyClosed.selector, id));
        vm.prank(alice);
        auctions.cancel(id);
        vm.assertEq(auctions.withdrawable(alice, address(usdt)), RESERVE - RESERVE * TRADING_FEE_BPS / 10_000);
    }

    function test_Attack_CancelAfterFirstBid() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_HasBids.selector, id));
        vm.prank(alice);
        auctions.cancel(id);
        vm.assertEq(exchange.lockedBy(tokenA), address(auctions));
    }

    function test_Attack_StrangerCancels() public {
        uint256 id = _auction(alice, tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotSeller.selector, id, bob));
        vm.prank(bob);
        auctions.cancel(id);
        vm.assertEq(exchange.lockedBy(tokenA), address(auctions));
    }

    function test_Attack_BidAfterEnd() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        vm.warp(_get(id).endTime);
        uint256 next = auctions.minNextBid(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
        _bid(carol, id, next);
        auctions.settle(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
        _bid(carol, id, next);
    }

    function test_Attack_ParameterChangedMidAuction() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        vm.startPrank(dao);
        auctions.setMinIncrement(1000);
        params.setTradingFee(500);
        vm.stopPrank();
        // The running auction keeps its 5% increment and 2% fee.
        vm.assertEq(auctions.minNextBid(id), RESERVE * 105 / 100);
        _bid(carol, id, RESERVE * 105 / 100);
        vm.warp(_get(id).endTime);
        auctions.settle(id);
        uint256 fee = RESERVE * 105 / 100 * TRADING_FEE_BPS / 10_000;
        vm.assertEq(auctions.feesAccrued(address(usdt)), fee);
        // A new auction takes the new figures.
        uint256 tokenB = _buy(bob, offeringId, 1);
        uint256 id2 = _auction(bob, tokenB);
        vm.assertEq(_get(id2).minIncrementBps, 1000);
        vm.assertEq(_get(id2).feeBps, 500);
    }

    /// @dev A bidder blacklisted by the stablecoin after bidding cannot receive its refund; it blocks
    /// nobody: it is outbid, the auction settles and the others withdraw. It can still pull its refund
    /// to another address.
    function test_Attack_BlacklistedBidderBlocksNobody() public {
        BlacklistableUSDT busd = new BlacklistableUSDT();
        _listPaymentToken(address(busd));
        address[3] memory who = [bob, carol, alice];
        for (uint256 i; i < 3; ++i) {
            busd.mint(who[i], 1_000e6);
            vm.prank(who[i]);
            busd.approve(address(auctions), type(uint256).max);
        }
        vm.prank(alice);
        uint256 id = auctions.createAuction(tokenA, address(busd), RESERVE, DURATION);
        _bid(bob, id, RESERVE);
        busd.setBlacklisted(bob, true);
        _bid(carol, id, auctions.minNextBid(id));
        vm.warp(_get(id).endTime);
        auctions.settle(id);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.prank(alice);
        auctions.withdraw(address(busd), alice);
        auctions.sweepFees(address(busd));
        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, bob));
        vm.prank(bob);
        auctions.withdraw(address(busd), bob);
        vm.prank(bob);
        auctions.withdraw(address(busd), dave);
        vm.assertEq(busd.balanceOf(dave), RESERVE);
        vm.assertEq(busd.balanceOf(address(auctions)), 0);
    }

    /// @dev A contract bidder and winner that re-enters on every callback it gets. The position reaches
    /// it by `seize` (no receiver callback); the payment token's hooks let it re-enter `bid`, `settle` and
    /// `withdraw` while its own payments and refunds move: guarded functions refuse, and the unguarded
    /// `bid` (checks-effects-interactions, its pull last) books consistently. Nothing is paid twice.
    function test_Attack_ReentrantReceiverWinner() public {
        CallbackToken cbt = new CallbackToken();
        _listPaymentToken(address(cbt));
        ReentrantReceiver hostile = new ReentrantReceiver(address(auctions));
        cbt.mint(address(hostile), 10_000e6);
        cbt.mint(carol, 10_000e6);
        hostile.execute(address(cbt), abi.encodeCall(cbt.approve, (address(auctions), type(uint256).max)));
        hostile.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        vm.prank(carol);
        cbt.approve(address(auctions), type(uint256).max);
        vm.prank(alice);
        uint256 id = auctions.createAuction(tokenA, address(cbt), RESERVE, DURATION);

        // 1. Its bid's send hook re-enters bid: the inner bid is a raise of the lead it already holds.
        hostile.setTokenAction(abi.encodeCall(auctions.bid, (id, RESERVE * 2)));
        hostile.execute(address(auctions), abi.encodeCall(auctions.bid, (id, RESERVE)));
        vm.assertTrue(hostile.reentered() && hostile.lastSuccess(), "inner raise booked");
        vm.assertEq(_get(id).leadingBid, RESERVE * 2);
        vm.assertEq(cbt.balanceOf(address(auctions)), RESERVE * 2, "paid its bid exactly once");

        // 2. Outbid; its refund's receive hook re-enters settle: refused by the guard.
        _bid(carol, id, auctions.minNextBid(id));
        hostile.setTokenAction(abi.encodeCall(auctions.settle, (id)));
        hostile.execute(address(auctions), abi.encodeCall(auctions.withdraw, (address(cbt), address(hostile))));
        vm.assertFalse(hostile.lastSuccess(), "re-entrant settle refused");
        vm.assertEq(auctions.withdrawable(address(hostile), address(cbt)), 0);

        // 3. Its next refund's receive hook re-enters withdraw: refused; and bid: booked as a normal bid.
        hostile.execute(address(auctions), abi.encodeCall(auctions.bid, (id, auctions.minNextBid(id))));
        _bid(carol, id, auctions.minNextBid(id));
        uint256 refund = auctions.withdrawable(address(hostile), address(cbt));
        hostile.setTokenAction(abi.encodeCall(auctions.withdraw, (address(cbt), address(hostile))));
        uint256 held = cbt.balanceOf(address(hostile));
        hostile.execute(address(auctions), abi.encodeCall(auctions.withdraw, (address(cbt), address(hostile))));
        vm.assertFalse(hostile.lastSuccess(), "re-entrant withdraw refused");
        vm.assertEq(cbt.balanceOf(address(hostile)) - held, refund, "refund paid once");

        // 4. Outbid again; its refund's receive hook re-enters bid: a normal bid, booked after the refund.
        hostile.execute(address(auctions), abi.encodeCall(auctions.bid, (id, auctions.minNextBid(id))));
        _bid(carol, id, auctions.minNextBid(id));
        uint256 winning = _specMin(_get(id).leadingBid, INCREMENT_BPS);
        hostile.setTokenAction(abi.encodeCall(auctions.bid, (id, winning)));
        hostile.execute(address(auctions), abi.encodeCall(auctions.withdraw, (address(cbt), address(hostile))));
        vm.assertTrue(hostile.lastSuccess(), "re-entrant bid booked");
        vm.assertEq(_get(id).leader, address(hostile));
        vm.assertEq(
            cbt.balanceOf(address(auctions)), winning + auctions.withdrawable(carol, address(cbt)), "held = owed"
        );

        // 5. It wins; the position arrives without a receiver callback.
        vm.warp(_get(id).endTime);
        auctions.settle(id);
        vm.assertEq(exchange.ownerOf(tokenA), address(hostile));
        vm.assertEq(hostile.nftCallbacks(), 0, "seize runs no receiver callback");
        vm.prank(alice);
        auctions.withdraw(address(cbt), alice);
        vm.prank(carol);
        auctions.withdraw(address(cbt), carol);
        auctions.sweepFees(address(cbt));
        vm.assertEq(cbt.balanceOf(address(auctions)), 0, "everything paid exactly once");
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev 6-decimal amounts: the minimum next bid is exactly leading + max(ceil(leading * bps / 1e4), 1),
    /// one base unit under it is refused and it is accepted.
    function testFuzz_MinNextBidExact(uint256 reserve, uint256 bps, uint256 raises) public {
        reserve = bound(reserve, 1, 1_000_000e6);
        bps = bound(bps, 500, 1000);
        raises = bound(raises, 1, 6);
        vm.prank(dao);
        auctions.setMinIncrement(uint16(bps));
        vm.prank(alice);
        uint256 id = auctions.createAuction(tokenA, address(usdt), reserve, DURATION);
        _bid(bob, id, reserve);
        uint256 leading = reserve;
        address[2] memory bidders = [carol, bob];
        for (uint256 i; i < raises; ++i) {
            uint256 expected = _specMin(leading, bps);
            vm.assertEq(auctions.minNextBid(id), expected, "min next bid");
            vm.expectRevert(
                abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_BidTooLow.selector, id, expected - 1, expected)
            );
            _bid(bidders[i % 2], id, expected - 1);
            _bid(bidders[i % 2], id, expected);
            leading = expected;
        }
        vm.assertEq(
            usdt.balanceOf(address(auctions)),
            leading + auctions.withdrawable(bob, address(usdt)) + auctions.withdrawable(carol, address(usdt))
        );
    }

    /// @dev Fee math with 6-decimal amounts: the fee is floor(bid * feeBps / 1e4) of the fee snapshotted
    /// at creation, the seller is credited the rest, and the two add up to the bid exactly.
    function testFuzz_SettleFeeSplitExact(uint256 amount, uint256 feeBps) public {
        amount = bound(amount, RESERVE, 9_000_000e6);
        feeBps = bound(feeBps, 0, 500);
        vm.prank(dao);
        params.setTradingFee(uint16(feeBps));
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, amount);
        vm.warp(_get(id).endTime);
        uint256 calls = rewards.callCount(); // the fixture's buy was credited by the exchange
        auctions.settle(id);
        uint256 fee = amount * feeBps / 10_000;
        vm.assertEq(auctions.feesAccrued(address(usdt)), fee);
        vm.assertEq(auctions.withdrawable(alice, address(usdt)), amount - fee);
        vm.assertEq(rewards.creditedTo(bob, address(usdt)), fee);
        vm.assertEq(rewards.callCount() - calls, fee == 0 ? 0 : 1, "no credit call for a zero fee");
    }

    /// @dev The boundary seconds: at endTime - EXTENSION the end stays; from endTime - EXTENSION + 1 to
    /// endTime - 1 it moves to now + EXTENSION (extended); at endTime the bid is refused.
    function testFuzz_ExtensionAtTheBoundarySecond(uint256 offset) public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        uint256 end = _get(id).endTime;
        uint256 ext = auctions.EXTENSION();
        offset = bound(offset, 0, ext + 1);
        uint256 at = end - ext - 1 + offset; // from end - EXTENSION - 1 to end
        vm.warp(at);
        uint256 amount = auctions.minNextBid(id);
        if (at >= end) {
            vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
            _bid(carol, id, amount);
            return;
        }
        bool extends = end - at < ext;
        uint256 newEnd = extends ? at + ext : end;
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.BidPlaced(id, carol, amount, newEnd, extends);
        _bid(carol, id, amount);
        vm.assertEq(_get(id).endTime, newEnd);
    }

    function test_Extension_NamedSeconds() public {
        uint256 id = _auction(alice, tokenA);
        _bid(bob, id, RESERVE);
        uint256 end = _get(id).endTime;
        vm.warp(end - 15 minutes);
        _bid(carol, id, auctions.minNextBid(id));
        vm.assertEq(_get(id).endTime, end, "at endTime - EXTENSION: no extension");
        vm.warp(end - 15 minutes + 1);
        _bid(bob, id, auctions.minNextBid(id));
        vm.assertEq(_get(id).endTime, end + 1, "at endTime - EXTENSION + 1: now + EXTENSION");
        end = end + 1;
        vm.warp(end - 1);
        _bid(carol, id, auctions.minNextBid(id));
        vm.assertEq(_get(id).endTime, end - 1 + 15 minutes, "at endTime - 1");
        end = end - 1 + 15 minutes;
        vm.warp(end);
        uint256 next = auctions.minNextBid(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
        _bid(bob, id, next);
    }
}
