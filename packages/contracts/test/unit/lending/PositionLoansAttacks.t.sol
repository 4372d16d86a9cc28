// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IPositionLoansErrors} from "../../../src/errors/LendingErrors.sol";
import {IPositionLockerErrors, IPositionLocksErrors} from "../../../src/errors/LockErrors.sol";
import {IPositionLoans} from "../../../src/interfaces/IPositionLoans.sol";
import {LockPayouts, OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../../mocks/CallbackToken.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {Vm} from "../../utils/Vm.sol";
import {LoansFixture} from "./LoansFixture.sol";

/// @notice What a hostile lender, borrower, payer, token or governance change could try against a loan,
/// and why each attempt fails (or, where the design accepts it, what exactly happens).
contract PositionLoansAttacksTest is LoansFixture {
    // ------------------------------------------------------------------ a lender that cannot receive

    function test_Attack_BlacklistedLenderCannotBlockRepayment() public {
        BlacklistableUSDT busdt = new BlacklistableUSDT();
        _listPaymentToken(address(busdt));
        busdt.mint(carol, 1_000e6);
        busdt.mint(alice, 1_000e6);
        vm.prank(carol);
        busdt.approve(address(loans), type(uint256).max);
        vm.prank(alice);
        busdt.approve(address(loans), type(uint256).max);
        IPositionLoans.Terms memory t = _basicTerms();
        t.currency = address(busdt);
        uint256 loanId = _loanA(t);
        vm.warp(block.timestamp + 10 days);
        busdt.setBlacklisted(carol, true);

        uint256 debt = _debt(loanId);
        _repay(alice, loanId, type(uint256).max);
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "repaid and unlocked whatever the lender's status");
        uint256 credit = loans.creditOf(carol, address(busdt));
        vm.assertEq(credit, debt - _feeOf(debt - PRINCIPAL, DEFI_FEE_BPS));

        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, carol));
        vm.prank(carol);
        loans.claim(address(busdt), carol);
        vm.prank(carol);
        loans.claim(address(busdt), dave);
        vm.assertEq(busdt.balanceOf(dave), credit, "the lender takes its money elsewhere");
    }

    // ------------------------------------------------------------------ the grace boundary

    /// @dev Two identical loans due at the same second: one probed at graceEnd - 1, the other at graceEnd.
    function test_Attack_RepayAndForecloseNeverBothValidAtOneSecond() public {
        IPositionLoans.Terms memory t = _terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE);
        uint256 a = _loanA(t);
        uint256 b = _accept(bob, _offer(carol, t, _positionOf(tokenB), 1), tokenB);
        vm.prank(bob);
        loans.setSelfRepaying(b, true);
        uint256 graceEnd = _graceEnd(a);
        vm.assertEq(_graceEnd(b), graceEnd);
        vm.warp(graceEnd - 10);
        uint256 rollA = _offer(dave, _terms(PRINCIPAL * 2, APR, DURATION, 0, 0), _positionOf(tokenA), 1);
        uint256 rollB = _offer(dave, _terms(PRINCIPAL * 2, APR, DURATION, 0, 0), _positionOf(tokenB), 1);

        vm.warp(graceEnd - 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_NotForeclosable.selector, a, graceEnd));
        loans.foreclose(a);
        uint256 snap = vm.snapshotState();
        _repay(alice, a, type(uint256).max);
        vm.revertToState(snap);
        vm.prank(alice);
        loans.rollover(a, rollA, 0);
        vm.revertToState(snap);
        loans.applyRewards(b); // nothing routed yet, but allowed
        vm.revertToState(snap);

        vm.warp(graceEnd);
        bytes memory closed = _err(IPositionLoansErrors.Loans_RepaymentClosed.selector, b, graceEnd);
        vm.expectRevert(closed);
        _repay(bob, b, type(uint256).max);
        vm.expectRevert(closed);
        loans.applyRewards(b);
        vm.expectRevert(closed);
        vm.prank(bob);
        loans.rollover(b, rollB, 0);
        loans.foreclose(b);
        vm.assertEq(exchange.ownerOf(tokenB), carol);
    }

    function test_Attack_RefinanceAtDueTimeReverts() public {
        uint256 a = _basicLoanA();
        uint256 b = _accept(bob, _offer(carol, _basicTerms(), _positionOf(tokenB), 1), tokenB);
        uint32 due = _loan(a).dueTime;
        vm.warp(due - 1);
        vm.prank(dave);
        loans.refinance(a, 500, due, type(uint256).max);
        vm.assertEq(_loan(a).lender, dave);
        vm.warp(due);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_PastDue.selector, b, due));
        vm.prank(dave);
        loans.refinance(b, 500, due, type(uint256).max);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_PastDue.selector, b, due));
        vm.prank(dave);
        loans.refinance(b, 500, due + 1 days, type(uint256).max);
    }

    // ------------------------------------------------------------------ an offer used twice

    function test_Attack_SingleOfferUsedTwice() public {
        uint256 id = _offer(carol, _basicTerms(), _positionOf(tokenA), 1);
        uint256 loanId = _accept(alice, id, tokenA);
        _repay(alice, loanId, type(uint256).max);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, id));
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
        vm.assertEq(usdt.balanceOf(carol), 10_000_000e6 - PRINCIPAL, "lent once");
    }

    function test_Attack_CollectionOfferBeyondMaxFills() public {
        uint256 id = _offer(carol, _basicTerms(), _collateral(IPositionLoans.CollateralKind.Asset, filAsset, 0, 0), 2);
        _accept(alice, id, tokenA);
        _accept(bob, id, tokenB);
        uint256 tokenC = _buy(stranger, offeringId, 5);
        vm.startPrank(stranger);
        exchange.approve(address(loans), tokenC);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, id));
        loans.acceptOffer(id, tokenC);
        vm.stopPrank();
        vm.assertEq(usdt.balanceOf(carol), 10_000_000e6 - 2 * uint256(PRINCIPAL));
    }

    function test_Attack_OfferAcceptedThenUsedInRollover() public {
        uint256 single = _offer(dave, _basicTerms(), _positionOf(tokenA), 1);
        uint256 loanId = _accept(alice, single, tokenA);
        uint256 fromCarol = _offer(carol, _basicTerms(), _positionOf(tokenA), 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, single));
        vm.prank(alice);
        loans.rollover(loanId, single, type(uint256).max);

        // a collection offer of two fills: one acceptance, one rollover, then nothing
        uint256 pair =
            _offer(dave, _basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 0), 2);
        uint256 loanB = _accept(bob, pair, tokenB);
        vm.prank(alice);
        loans.rollover(loanId, fromCarol, type(uint256).max); // a third lender in between
        vm.prank(alice);
        loans.rollover(loanId, pair, type(uint256).max);
        vm.assertEq(loans.offerOf(pair).lender, address(0));
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, pair));
        vm.prank(bob);
        loans.rollover(loanB, pair, type(uint256).max);
    }

    // ------------------------------------------------------------------ strangers

    function test_Attack_StrangerCannotPledgeSomeoneElsesApprovedPosition() public {
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(loans), true);
        exchange.approve(address(loans), tokenA);
        vm.stopPrank();
        uint256 single = _offer(carol, _basicTerms(), _positionOf(tokenA), 1);
        uint256 collection =
            _offer(carol, _basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 0), 5);
        bytes memory err = abi.encodeWithSelector(
            IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenA, stranger, alice
        );
        vm.startPrank(stranger);
        vm.expectRevert(err);
        loans.acceptOffer(single, tokenA);
        vm.expectRevert(err);
        loans.acceptOffer(collection, tokenA);
        vm.expectRevert(err);
        loans.requestLoan(_basicTerms(), _positionOf(tokenA), uint32(block.timestamp + 1 days));
        vm.stopPrank();
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(usdt.balanceOf(carol), 10_000_000e6);
    }

    function test_Attack_StrangerCannotToggleSelfRepayment() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE));
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, stranger, alice));
        vm.prank(stranger);
        loans.setSelfRepaying(loanId, true);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, carol, alice));
        vm.prank(carol);
        loans.setSelfRepaying(loanId, true);
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.REFUND_TO_LOCKER);
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, stranger, alice));
        vm.prank(stranger);
        loans.setSelfRepaying(loanId, false);
        vm.assertTrue(_loan(loanId).selfRepaying);
    }

    function test_Attack_StrangerCannotCancelOthersOffersOrRequests() public {
        uint256 offerId = _offer(carol, _basicTerms(), _positionOf(tokenA), 1);
        vm.prank(alice);
        uint256 requestId = loans.requestLoan(_basicTerms(), _positionOf(tokenA), uint32(block.timestamp + 1 days));
        vm.startPrank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotLender.selector, stranger, carol));
        loans.cancelOffer(offerId);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, stranger, alice));
        loans.cancelRequest(requestId);
        loans.cancelAllOffers(); // moves the stranger's own nonce only
        vm.stopPrank();
        vm.assertTrue(loans.isOfferOpen(offerId));
        vm.assertEq(loans.requestOf(requestId).borrower, alice);
    }

    function test_Attack_ThirdPartyRepaymentReturnsCollateralToBorrower() public {
        uint256 loanId = _basicLoanA();
        uint256 tokenLoan = _tokenLoan(50e18);
        vm.warp(block.timestamp + 10 days);
        uint256 debt = _debt(loanId);
        uint256 strangerBefore = usdt.balanceOf(stranger);
        _repay(stranger, loanId, type(uint256).max);
        _repay(stranger, tokenLoan, type(uint256).max);
        vm.assertEq(strangerBefore - usdt.balanceOf(stranger), 2 * debt, "the payer pays");
        vm.assertEq(exchange.ownerOf(tokenA), alice, "the borrower keeps the position");
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(loans.creditOf(alice, address(ifil)), 50e18, "the borrower gets the tokens back");
        vm.assertEq(loans.creditOf(stranger, address(ifil)), 0);
        vm.assertEq(loans.creditOf(stranger, address(usdt)), 0);
        vm.assertEq(loans.creditOf(carol, address(usdt)), 2 * (debt - _feeOf(debt - PRINCIPAL, DEFI_FEE_BPS)));
    }

    // ------------------------------------------------------------------ re-entrancy

    function _callbackCurrency() internal returns (CallbackToken cbt) {
        cbt = new CallbackToken();
        _listPaymentToken(address(cbt));
        cbt.mint(carol, 1_000e6);
        vm.prank(carol);
        cbt.approve(address(loans), type(uint256).max);
    }

    function _armed(CallbackToken cbt) internal returns (ReentrantReceiver r) {
        r = new ReentrantReceiver(address(loans));
        cbt.mint(address(r), 1_000e6);
        vm.prank(bridge);
        ifil.mint(address(r), 100e18);
        r.execute(address(cbt), abi.encodeCall(cbt.approve, (address(loans), type(uint256).max)));
        r.execute(address(ifil), abi.encodeCall(ifil.approve, (address(loans), type(uint256).max)));
        r.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
    }

    function _assertReentryRefused(ReentrantReceiver r) internal view {
        vm.assertTrue(r.reentered(), "the hook ran");
        vm.assertFalse(r.lastSuccess(), "the re-entry failed");
        vm.assertEq(r.lastReturnData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
    }

    function test_Attack_CallbackTokenBorrowerCannotReenterAcceptOffer() public {
        CallbackToken cbt = _callbackCurrency();
        ReentrantReceiver r = _armed(cbt);
        IPositionLoans.Terms memory t = _basicTerms();
        t.currency = address(cbt);
        uint256 first = _offer(carol, t, _tokenAmount(address(ifil), 10e18), 1);
        uint256 second = _offer(carol, t, _tokenAmount(address(ifil), 10e18), 1);
        r.setTokenAction(abi.encodeCall(loans.acceptOffer, (second, 0)));
        r.execute(address(loans), abi.encodeCall(loans.acceptOffer, (first, 0)));
        _assertReentryRefused(r);
        vm.assertEq(loans.tokenLoanCount(), 1);
        vm.assertTrue(loans.isOfferOpen(second));
        vm.assertEq(cbt.balanceOf(address(r)), 1_000e6 + PRINCIPAL);
    }

    function test_Attack_CallbackTokenPayerCannotReenterRepay() public {
        CallbackToken cbt = _callbackCurrency();
        IPositionLoans.Terms memory t = _basicTerms();
        t.currency = address(cbt);
        uint256 loanId = _loanA(t);
        vm.warp(block.timestamp + 10 days);
        ReentrantReceiver r = _armed(cbt);
        r.setTokenAction(abi.encodeCall(loans.repay, (loanId, 1e6)));
        uint256 debt = _debt(loanId);
        r.execute(address(loans), abi.encodeCall(loans.repay, (loanId, 10e6)));
        _assertReentryRefused(r);
        vm.assertEq(_debt(loanId), debt - 10e6, "paid once");
        vm.assertEq(cbt.balanceOf(address(loans)), 10e6);
    }

    function test_Attack_CallbackTokenLenderCannotReenterClaim() public {
        CallbackToken cbt = _callbackCurrency();
        ReentrantReceiver lender = _armed(cbt);
        IPositionLoans.Terms memory t = _basicTerms();
        t.currency = address(cbt);
        bytes memory made = lender.execute(
            address(loans),
            abi.encodeCall(loans.makeOffer, (t, _positionOf(tokenA), uint32(block.timestamp + 1 days), 1))
        );
        uint256 loanId = _accept(alice, abi.decode(made, (uint256)), tokenA);
        cbt.mint(alice, 1_000e6);
        vm.prank(alice);
        cbt.approve(address(loans), type(uint256).max);
        _repay(alice, loanId, type(uint256).max);
        uint256 credit = loans.creditOf(address(lender), address(cbt));
        vm.assertEq(credit, PRINCIPAL);

        lender.setTokenAction(abi.encodeCall(loans.claim, (address(cbt), address(lender))));
        uint256 before = cbt.balanceOf(address(lender));
        lender.execute(address(loans), abi.encodeCall(loans.claim, (address(cbt), address(lender))));
        _assertReentryRefused(lender);
        vm.assertEq(cbt.balanceOf(address(lender)) - before, credit, "claimed once");
        vm.assertEq(cbt.balanceOf(address(loans)), 0);
    }

    /// @dev Foreclosure moves the position with the exchange's `seize` (a plain transfer): no receiver
    /// callback ever runs, so a contract lender gets the position without any chance to re-enter.
    function test_Attack_ReentrantReceiverLenderGetsNoCallbackOnForeclosure() public {
        ReentrantReceiver lender = new ReentrantReceiver(address(loans));
        _fund(address(lender));
        lender.execute(address(usdt), abi.encodeCall(usdt.approve, (address(loans), type(uint256).max)));
        bytes memory made = lender.execute(
            address(loans),
            abi.encodeCall(loans.makeOffer, (_basicTerms(), _positionOf(tokenA), uint32(block.timestamp + 1 days), 1))
        );
        uint256 loanId = _accept(alice, abi.decode(made, (uint256)), tokenA);
        lender.setNftAction(abi.encodeCall(loans.foreclose, (loanId)));
        vm.warp(_graceEnd(loanId));
        loans.foreclose(loanId);
        vm.assertEq(exchange.ownerOf(tokenA), address(lender));
        vm.assertEq(lender.nftCallbacks(), 0);
        vm.assertFalse(lender.reentered());
    }

    // ------------------------------------------------------------------ a halted offering

    function _haltWithLoan() internal returns (uint256 loanId, uint256 refund) {
        loanId = _loanA(_terms(PRINCIPAL, APR, 60 days, 0, 0));
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.assertEq(uint256(exchange.getOffering(offeringId).status), uint256(OfferingStatus.Halted));
        refund = exchange.refundableOf(tokenA);
        vm.assertGt(refund, 0);
    }

    function test_Attack_HaltedOfferingRefundReachesBorrowerOnlyAfterRepaying() public {
        (uint256 loanId, uint256 refund) = _haltWithLoan();
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        vm.assertEq(exchange.refundableOf(tokenA), refund, "the refund stays in the position");

        _repay(alice, loanId, type(uint256).max); // repayment is never paused, halt or not
        uint256 before = usdt.balanceOf(alice);
        vm.prank(alice);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA)), refund);
        vm.assertEq(usdt.balanceOf(alice) - before, refund);
    }

    function test_Attack_HaltedOfferingRefundGoesToLenderOnForeclosure() public {
        (uint256 loanId, uint256 refund) = _haltWithLoan();
        vm.warp(_graceEnd(loanId));
        loans.foreclose(loanId);
        vm.expectRevert();
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        uint256 before = usdt.balanceOf(carol);
        vm.prank(carol);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA)), refund);
        vm.assertEq(usdt.balanceOf(carol) - before, refund);
    }

    // ------------------------------------------------------------------ governance mid-loan

    function test_Attack_GovernanceGraceOrFeeChangeDoesNotTouchLiveLoan() public {
        uint256 loanId = _basicLoanA();
        uint256 graceEnd = _graceEnd(loanId);
        vm.startPrank(governor);
        loans.setGracePeriod(7 days);
        params.setDefiFee(500);
        vm.stopPrank();
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.gracePeriod, GRACE);
        vm.assertEq(l.feeBps, DEFI_FEE_BPS);

        uint256 b = _accept(bob, _offer(carol, _basicTerms(), _positionOf(tokenB), 1), tokenB);
        vm.assertEq(_loan(b).gracePeriod, 7 days, "new loans take the new grace");
        vm.assertEq(_loan(b).feeBps, 500);

        vm.warp(graceEnd - 1);
        uint256 snap = vm.snapshotState();
        _repay(alice, loanId, type(uint256).max);
        uint256 interest = _interestOf(PRINCIPAL, APR, DURATION);
        vm.assertEq(loans.feesAccrued(address(usdt)), _feeOf(interest, DEFI_FEE_BPS), "the snapshotted fee");
        vm.revertToState(snap);
        vm.warp(graceEnd);
        loans.foreclose(loanId); // at the old grace end, not the new one
        vm.assertEq(exchange.ownerOf(tokenA), carol);
    }

    function test_Attack_DelistingCollateralTokenDoesNotTouchLiveLoan() public {
        uint256 repaid = _tokenLoan(50e18);
        uint256 defaulted = _accept(bob, _offer(carol, _basicTerms(), _tokenAmount(address(ifil), 60e18), 1), 0);
        vm.prank(governor);
        loans.setCollateralToken(address(ifil), false);
        _repay(alice, repaid, type(uint256).max);
        vm.assertEq(loans.creditOf(alice, address(ifil)), 50e18);
        vm.warp(_graceEnd(defaulted));
        loans.foreclose(defaulted);
        vm.assertEq(loans.creditOf(carol, address(ifil)), 60e18);
        vm.prank(alice);
        loans.claim(address(ifil), alice);
        vm.prank(carol);
        loans.claim(address(ifil), carol);
        vm.assertEq(ifil.balanceOf(address(loans)), 0);
    }

    // ------------------------------------------------------------------ dust and rounding

    function test_Attack_OneWeiPrincipalStillPaysInterest() public {
        uint256 loanId = _loanA(_terms(1, APR, DURATION, 0, 0));
        vm.warp(block.timestamp + 1);
        (uint256 debt, uint256 interest) = loans.debtOf(loanId);
        vm.assertEq(interest, 1, "rounded up, never down to free money");
        vm.assertEq(debt, 2);
        _repay(alice, loanId, 1);
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.principal, 1, "the first unit paid the interest");
        vm.assertEq(exchange.lockedBy(tokenA), address(loans));
        _repay(alice, loanId, 1);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(loans.creditOf(carol, address(usdt)), 2);
    }

    /// @dev A reward price of 1 (one currency base unit per 1e18 reward base units): a day's 0.02 IFIL is
    /// worth 0 and stays the borrower's; the debt is untouched and the lender gets nothing.
    function test_Attack_DustRewardWorthNothingStaysTheBorrowers() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 0, 1));
        uint256 started = block.timestamp;
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        vm.warp((uint256(exchange.getOffering(offeringId).lastCoveredDay) + 2) * DAY + 1 hours);
        _deposit(offeringId, 0.08e18); // 40 units at the market: 0.02e18 to tokenA's 10
        uint256 debt = _debt(loanId);
        vm.recordLogs();
        vm.assertEq(loans.applyRewards(loanId), 0.02e18);
        vm.assertEq(loans.creditOf(alice, address(ifil)), 0.02e18);
        vm.assertEq(loans.creditOf(carol, address(ifil)), 0);
        vm.assertEq(loans.feesAccrued(address(ifil)), 0);
        vm.assertEq(_debt(loanId), debt);
        vm.assertEq(_loan(loanId).lastAccrual, started, "nothing was paid, nothing stored");
        vm.assertEq(_countPayments(), 0);
    }

    function _countPayments() internal returns (uint256 n) {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(loans) && logs[i].topics[0] == IPositionLoans.LoanPayment.selector) ++n;
        }
    }

    /// @dev 6-decimal principal, many one-second steps: each accrual rounds up, so the borrower pays at
    /// least the exact interest and the lender + the fee receive exactly what the borrower paid.
    function test_Attack_SixDecimalRoundingNeverFavoursBorrower() public {
        uint96 principal = 1_000_003; // 1.000003 USDT
        uint16 apr = 7; // 0.07%: 0.0002 base units a second
        uint256 loanId = _loanA(_terms(principal, apr, DURATION, 0, 0));
        uint256 paid;
        for (uint256 i; i < 20; ++i) {
            vm.warp(block.timestamp + 1);
            paid += _repay(alice, loanId, 1);
        }
        // 20 steps of one second: each rounds 0.0002 up to a whole unit
        vm.assertEq(paid, 20);
        vm.assertEq(_loan(loanId).principal, principal, "all of it was interest");
        uint256 exact = uint256(principal) * apr * 20;
        vm.assertGe(paid * BPS * YEAR, exact, "never below the exact interest");
        paid += _repay(alice, loanId, type(uint256).max);
        vm.assertEq(paid, 20 + principal);
        vm.assertEq(loans.creditOf(carol, address(usdt)) + loans.feesAccrued(address(usdt)), paid);
        vm.assertEq(usdt.balanceOf(address(loans)), paid);
    }

    /// @dev Self-repayment values rewards rounded down and takes the tokens for a payoff rounded up.
    function test_Attack_RewardRoundingNeverFavoursBorrower() public {
        uint96 price = 3_333_333; // 3.333333 USDT per IFIL: 1 IFIL is not a whole number of tokens per unit
        uint256 start = block.timestamp;
        uint256 loanId = _loanA(_terms(1e6, APR, DURATION, 0, price));
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        _earn(1);
        uint256 debt = 1e6 + _interestOf(1e6, APR, block.timestamp - start);
        loans.applyRewards(loanId);
        uint256 used = A_DAILY - loans.creditOf(alice, address(ifil));
        vm.assertEq(used, (debt * 1e18 + price - 1) / price);
        vm.assertGe(used * price, debt * 1e18, "the tokens taken are worth at least the debt");
        vm.assertLt((used - 1) * price, debt * 1e18, "and one base unit less would not be");
    }

    /// @dev A loan records its interest as an int96. Before LoanOrders refused it, an offer of 2^96 - 1 at
    /// 200% could start a loan whose accrual overflowed that int96 within months: from then on debtOf,
    /// repay and even foreclose reverted (SafeCast), so neither side could ever end it. The largest
    /// principal a 200% offer may state is now the one whose year of interest fits.
    function test_Attack_LoanTooLargeToAccrueIsRefused() public {
        uint256 fits = 2 ** 94 - 1; // 200% of it for a year: 2^95 - 2 <= type(int96).max
        vm.prank(carol);
        loans.makeOffer(
            _terms(uint96(fits), 20_000, 365 days, 0, 0), _positionOf(tokenA), uint32(block.timestamp + 1), 1
        );
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidPrincipal.selector, fits + 1));
        vm.prank(carol);
        loans.makeOffer(
            _terms(uint96(fits + 1), 20_000, 1 hours, 0, 0), _positionOf(tokenA), uint32(block.timestamp + 1), 1
        );
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidPrincipal.selector, type(uint96).max));
        vm.prank(alice);
        loans.requestLoan(
            _terms(type(uint96).max, 20_000, 365 days, 0, 0), _positionOf(tokenA), uint32(block.timestamp + 1)
        );

        // at a low rate the whole uint96 range still fits: such a loan accrues to its end and is foreclosed
        vm.prank(bridge);
        usdt.mint(carol, type(uint96).max);
        uint256 loanId = _loanA(_terms(type(uint96).max, 100, 150 days, 0, 0));
        vm.warp(block.timestamp + 150 days);
        (, uint256 interest) = loans.debtOf(loanId);
        vm.assertEq(interest, _interestOf(type(uint96).max, 100, 150 days));
        vm.warp(_graceEnd(loanId));
        loans.foreclose(loanId);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
    }

    // ------------------------------------------------------------------ the locker revoked

    /// @dev Governance's emergency brake (setLocker false) never traps a borrower: repayment still
    /// unlocks. Foreclosure needs `seize`, which the exchange refuses a revoked locker: the lender waits
    /// for the DAO (re-approve the locker, then foreclose) or, if the DAO frees the position with
    /// `releaseRevokedLock`, the loan can be neither repaid nor foreclosed any more (documented here).
    function test_Attack_LockerRevokedRepaymentStillUnlocks() public {
        uint256 a = _basicLoanA();
        uint256 b = _accept(bob, _offer(carol, _basicTerms(), _positionOf(tokenB), 1), tokenB);
        uint256 t = _tokenLoan(50e18);
        vm.prank(governor);
        exchange.setLocker(address(loans), false);

        _repay(alice, a, type(uint256).max);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.prank(alice);
        exchange.transferFrom(alice, dave, tokenA);

        vm.warp(_graceEnd(b));
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(loans))
        );
        loans.foreclose(b);
        loans.foreclose(t); // token loans need no lock
        vm.assertEq(loans.creditOf(carol, address(ifil)), 50e18);

        uint256 snap = vm.snapshotState();
        vm.prank(governor);
        exchange.setLocker(address(loans), true);
        loans.foreclose(b);
        vm.assertEq(exchange.ownerOf(tokenB), carol, "re-approved, the lender forecloses");
        vm.revertToState(snap);

        vm.prank(governor);
        exchange.releaseRevokedLock(tokenB);
        vm.assertEq(exchange.lockedBy(tokenB), address(0), "the DAO freed it");
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(loans))
        );
        loans.foreclose(b);
        vm.warp(_graceEnd(b) - 1);
        vm.expectRevert(_err(IPositionLocksErrors.Exchange_PositionIsNotLocked.selector, tokenB));
        _repay(bob, b, type(uint256).max);
        vm.assertEq(_loan(b).borrower, bob, "the record stays, stranded");

        // a new pledge is refused while the locker is revoked
        uint256 offerId = _offer(dave, _basicTerms(), _positionOf(tokenB), 1);
        vm.startPrank(bob);
        exchange.approve(address(loans), tokenB);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(loans))
        );
        loans.acceptOffer(offerId, tokenB);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ a request that outlives a loan

    /// @dev A lock clears the per-token approval: a borrower's open request for a position it pledged
    /// elsewhere meanwhile cannot be filled after that loan ends, unless the borrower approves again.
    function test_Attack_StaleRequestDiesWithPerTokenApproval() public {
        vm.prank(alice);
        uint256 requestId = loans.requestLoan(_basicTerms(), _positionOf(tokenA), uint32(block.timestamp + 20 days));
        uint256 loanId = _basicLoanA(); // alice takes carol's offer instead (approving tokenA)
        _repay(alice, loanId, type(uint256).max);
        vm.assertEq(exchange.getApproved(tokenA), address(0), "the lock cleared the approval");
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA, address(loans))
        );
        vm.prank(dave);
        loans.fillRequest(requestId);
    }

    /// @dev With an operator approval (setApprovalForAll) the request stays the borrower's standing consent
    /// until it expires or is cancelled: any lender may fill it after the other loan ends. Pinned so the
    /// app keeps offering "cancel request" next to "accept offer" for the same position.
    function test_StaleRequest_OperatorApprovalKeepsItFillable() public {
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(loans), true);
        uint256 requestId = loans.requestLoan(_basicTerms(), _positionOf(tokenA), uint32(block.timestamp + 20 days));
        vm.stopPrank();
        uint256 loanId = _basicLoanA();
        _repay(alice, loanId, type(uint256).max);
        vm.prank(dave);
        loans.fillRequest(requestId);
        vm.assertEq(_loan(tokenA).lender, dave);
    }

    // ------------------------------------------------------------------ no NFT ever held

    function test_Attack_PositionLoansNeverHoldsAPosition() public {
        uint256 a = _basicLoanA();
        vm.assertEq(exchange.balanceOf(address(loans)), 0);
        vm.warp(_graceEnd(a));
        loans.foreclose(a);
        vm.assertEq(exchange.balanceOf(address(loans)), 0);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
    }
}
