// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IPositionLoansErrors} from "../../../src/errors/LendingErrors.sol";
import {IPositionLocksErrors} from "../../../src/errors/LockErrors.sol";
import {IPositionLoans} from "../../../src/interfaces/IPositionLoans.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {LockPayouts} from "../../../src/types/HashpowerTypes.sol";
import {LoansFixture} from "./LoansFixture.sol";

/// @notice A new lender taking a loan over (refinance), the borrower moving it to another offer
/// (rollover), and self-repayment from the pledged position's rewards (setSelfRepaying, applyRewards).
contract PositionLoansRefinanceTest is LoansFixture {
    uint256 internal constant TEN_DAYS_INTEREST = 273_973;

    // ------------------------------------------------------------------ refinance

    function _refinance(address lender, uint256 loanId, uint16 apr, uint256 due) internal returns (uint256) {
        vm.prank(lender);
        return loans.refinance(loanId, apr, uint32(due), type(uint256).max);
    }

    function test_Refinance_NewLenderPaysOldDebtAtLowerRate() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE));
        uint256 due = _loan(loanId).dueTime;
        vm.warp(block.timestamp + 10 days);
        vm.prank(governor);
        params.setDefiFee(300); // the new lender's loan takes today's fee
        uint256 debt = PRINCIPAL + TEN_DAYS_INTEREST;
        uint256 fee = _feeOf(TEN_DAYS_INTEREST, DEFI_FEE_BPS); // the old loan's snapshot
        uint256 daveBefore = usdt.balanceOf(dave);

        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanPayment(loanId, dave, address(usdt), debt, TEN_DAYS_INTEREST, PRINCIPAL, fee, 0);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanRefinanced(
            loanId, carol, dave, 0, debt - fee, 0, debt, 900, 0, due, due + GRACE, 300, REWARD_PRICE
        );
        vm.assertEq(_refinance(dave, loanId, 900, due), debt);

        vm.assertEq(daveBefore - usdt.balanceOf(dave), debt);
        vm.assertEq(loans.creditOf(carol, address(usdt)), debt - fee);
        vm.assertEq(loans.feesAccrued(address(usdt)), fee);
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.lender, dave);
        vm.assertEq(l.borrower, alice);
        vm.assertEq(l.principal, debt, "the debt carried over is the new principal");
        vm.assertEq(l.aprBps, 900);
        vm.assertEq(l.dueTime, due);
        vm.assertEq(l.lastAccrual, block.timestamp);
        vm.assertEq(int256(l.interestOwed), 0);
        vm.assertEq(l.minInterestLeft, 0, "no minimum");
        vm.assertEq(l.feeBps, 300);
        vm.assertEq(l.gracePeriod, GRACE);
        vm.assertEq(l.rewardPriceWad, REWARD_PRICE, "kept");
        vm.assertEq(_debt(loanId), debt, "the borrower owes the same at this second");
        vm.assertEq(exchange.lockedBy(tokenA), address(loans), "still pledged, to the new lender");

        vm.warp(block.timestamp + 5 days);
        vm.assertEq(_debt(loanId), debt + _interestOf(debt, 900, 5 days));
    }

    /// @dev Strictly better: debt * newApr < principal * oldApr, i.e. the debt grows strictly slower.
    function test_Refinance_StrictlyBetterBoundary() public {
        uint256 loanId = _basicLoanA();
        uint256 due = _loan(loanId).dueTime;
        vm.warp(block.timestamp + 10 days);
        uint256 debt = PRINCIPAL + TEN_DAYS_INTEREST;
        // 100,273,973 * 998 >= 100,000,000 * 1,000 > 100,273,973 * 997
        vm.assertGe(debt * 998, uint256(PRINCIPAL) * APR);
        vm.assertLt(debt * 997, uint256(PRINCIPAL) * APR);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBetterTerms.selector));
        _refinance(dave, loanId, 998, due);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBetterTerms.selector));
        _refinance(dave, loanId, APR, due);
        _refinance(dave, loanId, 997, due);
    }

    function test_RevertWhen_RefinanceDueDateWorse() public {
        uint256 loanId = _basicLoanA();
        uint256 due = _loan(loanId).dueTime;
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBetterTerms.selector));
        _refinance(dave, loanId, 500, due - 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBetterTerms.selector));
        _refinance(dave, loanId, 500, block.timestamp + 365 days + 1);
        uint256 termEnd = TERM_END * DAY;
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLoansErrors.Loans_TermTooShort.selector, termEnd + 1, termEnd, 0)
        );
        _refinance(dave, loanId, 500, termEnd + 1);
        _refinance(dave, loanId, 500, termEnd); // later, up to the term end
        vm.assertEq(_loan(loanId).dueTime, termEnd);
    }

    function test_Refinance_TokenLoanMayRunPastAnyTerm() public {
        uint256 loanId = _tokenLoan(50e18);
        uint256 due = block.timestamp + 365 days;
        _refinance(dave, loanId, 500, due);
        vm.assertEq(_loan(loanId).dueTime, due);
        vm.assertEq(_loan(loanId).lender, dave);
        vm.assertEq(loans.tokenCollateralOf(loanId).amount, 50e18, "the escrow stays");
    }

    function test_RevertWhen_RefinanceDebtAboveMaxPayment() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);
        uint256 debt = PRINCIPAL + TEN_DAYS_INTEREST;
        uint32 due = _loan(loanId).dueTime;
        vm.expectRevert(_err(IPositionLoansErrors.Loans_DebtAboveMax.selector, debt, debt - 1));
        vm.prank(dave);
        loans.refinance(loanId, 500, due, debt - 1);
        vm.prank(dave);
        loans.refinance(loanId, 500, due, debt);
    }

    function test_RevertWhen_BorrowerRefinancesOwnLoan() public {
        uint256 loanId = _basicLoanA();
        uint32 due = _loan(loanId).dueTime;
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_SelfLoan.selector, alice));
        _refinance(alice, loanId, 500, due);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownLoan.selector, tokenB));
        _refinance(dave, tokenB, 500, due);
    }

    function test_Refinance_MinimumLeftIsPaidToTheOldLender() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 500_000, 0));
        vm.warp(block.timestamp + 1 days);
        uint256 debt = PRINCIPAL + 500_000;
        vm.assertEq(_refinance(dave, loanId, 900, _loan(loanId).dueTime), debt);
        vm.assertEq(loans.creditOf(carol, address(usdt)), debt - _feeOf(500_000, 200));
    }

    // ------------------------------------------------------------------ rollover

    function _rollover(uint256 loanId, uint256 offerId, uint256 maxPayment) internal {
        vm.prank(alice);
        loans.rollover(loanId, offerId, maxPayment);
    }

    function test_Rollover_BorrowerReceivesTheDifference() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE));
        vm.warp(block.timestamp + 10 days);
        vm.prank(governor);
        loans.setGracePeriod(2 days); // the new loan takes today's grace
        IPositionLoans.Terms memory t = _terms(150e6, 800, 60 days, 10_000, 0);
        uint256 offerId = _offer(dave, t, _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 0), 3);
        uint256 debt = PRINCIPAL + TEN_DAYS_INTEREST;
        uint256 fee = _feeOf(TEN_DAYS_INTEREST, 200);
        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 daveBefore = usdt.balanceOf(dave);
        uint256 due = block.timestamp + 60 days;

        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanRefinanced(
            loanId,
            carol,
            dave,
            offerId,
            debt - fee,
            int256(150e6 - debt),
            150e6,
            800,
            10_000,
            due,
            due + 2 days,
            200,
            0
        );
        _rollover(loanId, offerId, 0);

        vm.assertEq(usdt.balanceOf(alice) - aliceBefore, 150e6 - debt);
        vm.assertEq(daveBefore - usdt.balanceOf(dave), 150e6);
        vm.assertEq(loans.creditOf(carol, address(usdt)), debt - fee);
        vm.assertEq(usdt.balanceOf(address(loans)), debt);
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.lender, dave);
        vm.assertEq(l.principal, 150e6);
        vm.assertEq(l.aprBps, 800);
        vm.assertEq(l.dueTime, due);
        vm.assertEq(l.minInterestLeft, 10_000);
        vm.assertEq(l.gracePeriod, 2 days);
        vm.assertEq(l.rewardPriceWad, 0, "the new offer's terms");
        vm.assertEq(loans.offerOf(offerId).fills, 1);
        vm.assertEq(_debt(loanId), 150e6 + 10_000);
    }

    function test_Rollover_BorrowerPaysTheDifference() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);
        uint256 offerId = _offer(dave, _terms(50e6, 800, 60 days, 0, 0), _positionOf(tokenA), 1);
        uint256 debt = PRINCIPAL + TEN_DAYS_INTEREST;
        uint256 owed = debt - 50e6;
        vm.expectRevert(_err(IPositionLoansErrors.Loans_DebtAboveMax.selector, owed, owed - 1));
        _rollover(loanId, offerId, owed - 1);

        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 daveBefore = usdt.balanceOf(dave);
        _rollover(loanId, offerId, owed);
        vm.assertEq(aliceBefore - usdt.balanceOf(alice), owed);
        vm.assertEq(daveBefore - usdt.balanceOf(dave), 50e6);
        vm.assertEq(usdt.balanceOf(address(loans)), debt);
        vm.assertEq(_loan(loanId).principal, 50e6);
        vm.assertEq(loans.offerOf(offerId).lender, address(0), "the single offer is used");
    }

    function test_Rollover_AllowedInGraceButNotAtItsEnd() public {
        uint256 loanId = _basicLoanA();
        uint256 graceEnd = _graceEnd(loanId);
        vm.warp(graceEnd - 1);
        uint256 offerId = _offer(dave, _terms(PRINCIPAL * 2, 800, 1 days, 0, 0), _positionOf(tokenA), 1);
        vm.warp(graceEnd);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_RepaymentClosed.selector, loanId, graceEnd));
        _rollover(loanId, offerId, 0);
        vm.warp(graceEnd - 1); // past due, in grace
        _rollover(loanId, offerId, 0);
        vm.assertEq(_loan(loanId).lender, dave);
    }

    function test_RevertWhen_RolloverInvalid() public {
        uint256 loanId = _basicLoanA();
        uint256 good = _offer(dave, _basicTerms(), _positionOf(tokenA), 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, stranger, alice));
        vm.prank(stranger);
        loans.rollover(loanId, good, 0);

        uint256 other = _offer(dave, _basicTerms(), _positionOf(tokenB), 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, other, loanId));
        _rollover(loanId, other, 0);

        uint256 own = _offer(alice, _basicTerms(), _positionOf(tokenA), 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_SelfLoan.selector, alice));
        _rollover(loanId, own, 0);

        BridgedToken usdc = _token("USD Coin (local)", "USDC", 6);
        _listPaymentToken(address(usdc));
        IPositionLoans.Terms memory t = _basicTerms();
        t.currency = address(usdc);
        uint256 foreign = _offer(dave, t, _positionOf(tokenA), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLoansErrors.Loans_CurrencyMismatch.selector, address(usdt), address(usdc))
        );
        _rollover(loanId, foreign, 0);

        uint256 tight =
            _offer(dave, _basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 11, 0), 2);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_TooFewUnits.selector, 10, 11));
        _rollover(loanId, tight, 0);

        uint256 tokenOffer = _offer(dave, _basicTerms(), _tokenAmount(address(ifil), 1e18), 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, tokenOffer, loanId));
        _rollover(loanId, tokenOffer, 0);

        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, 99));
        _rollover(loanId, 99, 0);
        _rollover(loanId, good, 0);
    }

    function test_Rollover_TokenLoanToAnOfferAskingNoMoreCollateral() public {
        uint256 loanId = _tokenLoan(50e18);
        uint256 more = _offer(dave, _basicTerms(), _tokenAmount(address(ifil), 50e18 + 1), 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, more, loanId));
        _rollover(loanId, more, 0);
        uint256 wrongToken = _offer(dave, _basicTerms(), _tokenAmount(address(wbtc), 1), 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, wrongToken, loanId));
        _rollover(loanId, wrongToken, 0);
        uint256 positionOffer = _offer(dave, _basicTerms(), _positionOf(tokenA), 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, positionOffer, loanId));
        _rollover(loanId, positionOffer, 0);

        uint256 less =
            _offer(dave, _terms(PRINCIPAL, 500, DURATION, 0, REWARD_PRICE), _tokenAmount(address(ifil), 40e18), 1);
        _rollover(loanId, less, 0);
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.lender, dave);
        vm.assertTrue(l.tokenCollateral);
        vm.assertEq(l.rewardPriceWad, 0, "a token loan records no reward price, as when it started");
        vm.assertEq(loans.tokenCollateralOf(loanId).amount, 50e18, "the whole escrow still backs it");
        vm.expectRevert(_err(IPositionLoansErrors.Loans_SelfRepayUnavailable.selector, loanId));
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        _repay(alice, loanId, type(uint256).max);
        vm.assertEq(loans.creditOf(alice, address(ifil)), 50e18);
    }

    function test_Rollover_KeepsSelfRepaymentOnlyWithARewardPrice() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE));
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        uint256 priced = _offer(dave, _terms(PRINCIPAL * 2, 800, DURATION, 0, REWARD_PRICE), _positionOf(tokenA), 1);
        _rollover(loanId, priced, 0);
        vm.assertTrue(_loan(loanId).selfRepaying);
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.ALL);

        uint256 unpriced = _offer(carol, _terms(PRINCIPAL * 3, 800, DURATION, 0, 0), _positionOf(tokenA), 1);
        vm.expectEmit(address(loans));
        emit IPositionLoans.SelfRepayingSet(loanId, false);
        _rollover(loanId, unpriced, 0);
        vm.assertFalse(_loan(loanId).selfRepaying);
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.REFUND_TO_LOCKER);
    }

    // ------------------------------------------------------------------ self-repayment

    function _selfRepayingLoan(uint96 principal) internal returns (uint256 loanId) {
        loanId = _loanA(_terms(principal, APR, DURATION, 0, REWARD_PRICE));
        vm.expectEmit(address(loans));
        emit IPositionLoans.SelfRepayingSet(loanId, true);
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
    }

    function test_SetSelfRepaying_RoutesRewardsAndBack() public {
        uint256 loanId = _selfRepayingLoan(PRINCIPAL);
        vm.assertTrue(_loan(loanId).selfRepaying);
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.ALL);
        _earn(1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA));

        vm.prank(alice);
        loans.setSelfRepaying(loanId, false);
        vm.assertFalse(_loan(loanId).selfRepaying);
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.REFUND_TO_LOCKER);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), A_DAILY, "unapplied rewards are the borrower's again");
        vm.expectRevert(_err(IPositionLoansErrors.Loans_NotSelfRepaying.selector, loanId));
        loans.applyRewards(loanId);
    }

    function test_RevertWhen_SelfRepayingUnavailableOrNotBorrower() public {
        uint256 loanId = _basicLoanA(); // no reward price
        vm.expectRevert(_err(IPositionLoansErrors.Loans_SelfRepayUnavailable.selector, loanId));
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        vm.prank(alice);
        loans.setSelfRepaying(loanId, false); // turning it off is always allowed
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, carol, alice));
        vm.prank(carol);
        loans.setSelfRepaying(loanId, false);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownLoan.selector, tokenB));
        vm.prank(bob);
        loans.setSelfRepaying(tokenB, true);
    }

    function test_ApplyRewards_PartialPaymentFeeInRewardTokens() public {
        uint256 start = block.timestamp;
        uint256 loanId = _selfRepayingLoan(PRINCIPAL);
        _earn(2); // 2 IFIL routed to the loan, worth 10 USDT
        uint256 claimed = 2 * A_DAILY;
        uint256 interest = _interestOf(PRINCIPAL, APR, block.timestamp - start);
        uint256 value = claimed * REWARD_PRICE / 1e18;
        vm.assertEq(value, 10e6);
        uint256 toPrincipal = value - interest;
        uint256 feeTokens = _feeOf(interest, 200) * 1e18 / REWARD_PRICE;

        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanPayment(
            loanId, stranger, address(ifil), claimed, interest, toPrincipal, feeTokens, PRINCIPAL - toPrincipal
        );
        vm.prank(stranger); // anyone may apply them
        vm.assertEq(loans.applyRewards(loanId), claimed);

        vm.assertEq(_loan(loanId).principal, PRINCIPAL - toPrincipal);
        vm.assertEq(loans.creditOf(carol, address(ifil)), claimed - feeTokens, "the lender takes the reward tokens");
        vm.assertEq(loans.feesAccrued(address(ifil)), feeTokens);
        vm.assertEq(loans.creditOf(alice, address(ifil)), 0, "nothing spare");
        vm.assertEq(ifil.balanceOf(address(loans)), claimed);
        vm.assertEq(exchange.lockedBy(tokenA), address(loans));
        vm.assertEq(loans.applyRewards(loanId), 0, "nothing new to claim");
    }

    function test_ApplyRewards_FullPayoffSpareToBorrower() public {
        uint256 start = block.timestamp;
        uint256 loanId = _selfRepayingLoan(5e6); // 5 USDT: 1 IFIL and a little
        _earn(3);
        uint256 claimed = 3 * A_DAILY;
        uint256 interest = _interestOf(5e6, APR, block.timestamp - start);
        uint256 debt = 5e6 + interest;
        uint256 used = (debt * 1e18 + REWARD_PRICE - 1) / REWARD_PRICE; // rounded up
        uint256 feeTokens = _feeOf(interest, 200) * 1e18 / REWARD_PRICE;

        vm.expectEmit(address(loans));
        emit IPositionLoans.Credited(alice, address(ifil), claimed - used, loanId);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanPayment(loanId, alice, address(ifil), used, interest, 5e6, feeTokens, 0);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanRepaid(loanId, alice, carol);
        vm.prank(alice);
        loans.applyRewards(loanId);

        vm.assertEq(loans.creditOf(alice, address(ifil)), claimed - used);
        vm.assertEq(loans.creditOf(carol, address(ifil)), used - feeTokens);
        vm.assertGe(used * REWARD_PRICE / 1e18, debt, "the lender's tokens are worth the whole debt");
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "closed and unlocked");
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.TO_OWNER);
        vm.assertEq(_loan(loanId).borrower, address(0));
    }

    function test_RevertWhen_ApplyingRewardsAfterGrace() public {
        uint256 loanId = _selfRepayingLoan(PRINCIPAL);
        uint256 graceEnd = _graceEnd(loanId);
        vm.warp(graceEnd);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_RepaymentClosed.selector, loanId, graceEnd));
        loans.applyRewards(loanId);
    }

    function test_Foreclose_SelfRepayingLoanGivesLenderTheUnclaimedRewards() public {
        uint256 loanId = _selfRepayingLoan(PRINCIPAL);
        _earn(2);
        vm.warp(_graceEnd(loanId));
        loans.foreclose(loanId);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.assertEq(exchange.positionState(tokenA).lockPayouts, LockPayouts.TO_OWNER);
        vm.prank(carol);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 2 * A_DAILY);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA, alice)
        );
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA));
    }
}
