// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IPositionLoansErrors} from "../../../src/errors/LendingErrors.sol";
import {IFeeVaultErrors} from "../../../src/errors/FeeErrors.sol";
import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {IFeeVault} from "../../../src/interfaces/IFeeVault.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IPositionLoans} from "../../../src/interfaces/IPositionLoans.sol";
import {PositionLoans} from "../../../src/lending/PositionLoans.sol";
import {LockPayouts, PositionState} from "../../../src/types/HashpowerTypes.sol";
import {LoansFixture} from "./LoansFixture.sol";

/// @notice Paying a loan back (in full, in part, interest first, the minimum, accrual stopping at the
/// due date, the fee on interest only), pulling credits, sweeping fees, foreclosure, governance.
contract PositionLoansRepayTest is LoansFixture {
    uint256 internal constant TEN_DAYS_INTEREST = 273_973; // ceil(100e6 * 10% * 10 / 365) = ceil(273,972.6)
    uint256 internal constant FULL_INTEREST = 821_918; // ceil(100e6 * 10% * 30 / 365) = ceil(821,917.8)

    function test_InterestFigures() public pure {
        vm.assertEq(_interestOf(PRINCIPAL, APR, 10 days), TEN_DAYS_INTEREST);
        vm.assertEq(_interestOf(PRINCIPAL, APR, DURATION), FULL_INTEREST);
    }

    // ------------------------------------------------------------------ repay in full

    function test_Repay_Full_CreditsLenderLessFeeOnInterestAndUnlocks() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);
        (uint256 debt, uint256 interest) = loans.debtOf(loanId);
        vm.assertEq(interest, TEN_DAYS_INTEREST);
        vm.assertEq(debt, PRINCIPAL + TEN_DAYS_INTEREST);
        uint256 fee = _feeOf(TEN_DAYS_INTEREST, DEFI_FEE_BPS); // 5,479
        vm.assertEq(fee, 5_479);
        uint256 aliceBefore = usdt.balanceOf(alice);

        vm.expectEmit(address(loans));
        emit IPositionLoans.Credited(carol, address(usdt), debt - fee, loanId);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanPayment(loanId, alice, address(usdt), debt, TEN_DAYS_INTEREST, PRINCIPAL, fee, 0);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanRepaid(loanId, alice, carol);
        vm.assertEq(_repay(alice, loanId, type(uint256).max), debt, "pays min(amount, debt)");

        vm.assertEq(aliceBefore - usdt.balanceOf(alice), debt);
        vm.assertEq(loans.creditOf(carol, address(usdt)), debt - fee);
        vm.assertEq(loans.feesAccrued(address(usdt)), fee);
        vm.assertEq(usdt.balanceOf(address(loans)), debt, "credited, not pushed");
        PositionState memory st = exchange.positionState(tokenA);
        vm.assertEq(st.lockHolder, address(0), "unlocked");
        vm.assertEq(st.lockPayouts, LockPayouts.TO_OWNER);
        vm.assertEq(st.owner, alice);
        vm.assertEq(_loan(loanId).borrower, address(0), "zeroed");
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownLoan.selector, loanId));
        loans.debtOf(loanId);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownLoan.selector, loanId));
        _repay(alice, loanId, 1);

        vm.prank(alice);
        exchange.transferFrom(alice, bob, tokenA); // free again
    }

    function test_Repay_AtOnceWithoutMinimumCostsNoInterest() public {
        uint256 loanId = _basicLoanA();
        vm.assertEq(_debt(loanId), PRINCIPAL);
        _repay(alice, loanId, PRINCIPAL);
        vm.assertEq(loans.creditOf(carol, address(usdt)), PRINCIPAL);
        vm.assertEq(loans.feesAccrued(address(usdt)), 0);
    }

    function test_Repay_OneSecondCostsOneBaseUnit() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 1);
        vm.assertEq(_debt(loanId), PRINCIPAL + 1, "0.0317 base units rounded up");
    }

    function test_Repay_AccrualStopsAtDue() public {
        uint256 loanId = _basicLoanA();
        uint256 due = _loan(loanId).dueTime;
        vm.warp(due);
        vm.assertEq(_debt(loanId), PRINCIPAL + FULL_INTEREST);
        vm.warp(due + GRACE - 1);
        vm.assertEq(_debt(loanId), PRINCIPAL + FULL_INTEREST, "nothing accrues in the grace period");
        _repay(bob, loanId, type(uint256).max);
        vm.assertEq(loans.creditOf(carol, address(usdt)), PRINCIPAL + FULL_INTEREST - _feeOf(FULL_INTEREST, 200));
    }

    function test_Repay_ZeroFeeWhenGovernanceSetsNone() public {
        vm.prank(governor);
        params.setDefiFee(0);
        uint256 loanId = _basicLoanA();
        vm.assertEq(_loan(loanId).feeBps, 0);
        vm.warp(block.timestamp + 10 days);
        _repay(alice, loanId, type(uint256).max);
        vm.assertEq(loans.creditOf(carol, address(usdt)), PRINCIPAL + TEN_DAYS_INTEREST);
        vm.assertEq(loans.feesAccrued(address(usdt)), 0);
    }

    function test_RevertWhen_RepayingZero() public {
        uint256 loanId = _basicLoanA();
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_ZeroPayment.selector));
        _repay(alice, loanId, 0);
    }

    // ------------------------------------------------------------------ partial repayment

    function test_Repay_Partial_InterestFirstThenPrincipal() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);

        // 1. less than the interest: all of it is interest
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanPayment(
            loanId, alice, address(usdt), 100_000, 100_000, 0, _feeOf(100_000, 200), PRINCIPAL
        );
        vm.assertEq(_repay(alice, loanId, 100_000), 100_000);
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.principal, PRINCIPAL);
        vm.assertEq(int256(l.interestOwed), int256(TEN_DAYS_INTEREST - 100_000));
        vm.assertEq(l.lastAccrual, block.timestamp);
        vm.assertEq(exchange.lockedBy(tokenA), address(loans), "still pledged");

        // 2. the rest of the interest and part of the principal
        uint256 restInterest = TEN_DAYS_INTEREST - 100_000;
        uint256 toPrincipal = 1_000_000 - restInterest;
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanPayment(
            loanId,
            alice,
            address(usdt),
            1_000_000,
            restInterest,
            toPrincipal,
            _feeOf(restInterest, 200),
            PRINCIPAL - toPrincipal
        );
        _repay(alice, loanId, 1_000_000);
        l = _loan(loanId);
        uint256 principal = PRINCIPAL - toPrincipal;
        vm.assertEq(l.principal, principal);
        vm.assertEq(int256(l.interestOwed), 0);

        // 3. interest now runs on the smaller principal
        vm.warp(block.timestamp + 5 days);
        uint256 more = _interestOf(principal, APR, 5 days);
        vm.assertEq(_debt(loanId), principal + more);
        uint256 fees = _feeOf(100_000, 200) + _feeOf(restInterest, 200);
        vm.assertEq(loans.feesAccrued(address(usdt)), fees);
        vm.assertEq(loans.creditOf(carol, address(usdt)), 1_100_000 - fees);

        _repay(bob, loanId, principal + more);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        fees += _feeOf(more, 200);
        vm.assertEq(loans.feesAccrued(address(usdt)), fees);
        vm.assertEq(loans.creditOf(carol, address(usdt)), 1_100_000 + principal + more - fees);
        vm.assertEq(usdt.balanceOf(address(loans)), 1_100_000 + principal + more);
    }

    // ------------------------------------------------------------------ minimum interest

    function test_MinInterest_OwedAtOnceAndCountsTowardAccrual() public {
        uint256 minInterest = 500_000;
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, uint96(minInterest), 0));
        (uint256 debt, uint256 interest) = loans.debtOf(loanId);
        vm.assertEq(interest, minInterest);
        vm.assertEq(debt, PRINCIPAL + minInterest);

        // paying part of the minimum up front: the rest of it stays due, accrual first catches up with it
        _repay(alice, loanId, 200_000);
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.minInterestLeft, 300_000);
        vm.assertEq(int256(l.interestOwed), -200_000);
        vm.warp(block.timestamp + 10 days);
        (, interest) = loans.debtOf(loanId);
        vm.assertEq(interest, 300_000, "accrued minus paid (73,973) is below the minimum left");
        vm.warp(l.dueTime);
        (, interest) = loans.debtOf(loanId);
        vm.assertEq(interest, FULL_INTEREST - 200_000, "above the minimum, the accrual counts");
        _repay(alice, loanId, type(uint256).max);
        vm.assertEq(loans.feesAccrued(address(usdt)), _feeOf(200_000, 200) + _feeOf(FULL_INTEREST - 200_000, 200));
    }

    function test_MinInterest_PrepaidAheadOfAccrual() public {
        uint256 loanId = _loanA(_terms(PRINCIPAL, APR, DURATION, 500_000, 0));
        _repay(alice, loanId, 500_000); // the whole minimum
        IPositionLoans.Loan memory l = _loan(loanId);
        vm.assertEq(l.minInterestLeft, 0);
        vm.assertEq(int256(l.interestOwed), -500_000);
        vm.assertEq(_debt(loanId), PRINCIPAL, "nothing more is due until accrual passes the prepaid minimum");
        vm.warp(block.timestamp + 10 days);
        vm.assertEq(_debt(loanId), PRINCIPAL);
        vm.warp(block.timestamp + 10 days); // 20 days: 547,946 accrued
        vm.assertEq(_debt(loanId), PRINCIPAL + _interestOf(PRINCIPAL, APR, 20 days) - 500_000);
    }

    // ------------------------------------------------------------------ token loans

    function test_Repay_TokenLoan_CreditsCollateralToBorrower() public {
        uint256 loanId = _tokenLoan(50e18);
        vm.warp(block.timestamp + 10 days);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanRepaid(loanId, alice, carol);
        vm.expectEmit(address(loans));
        emit IPositionLoans.Credited(alice, address(ifil), 50e18, loanId);
        _repay(bob, loanId, type(uint256).max);
        vm.assertEq(loans.creditOf(alice, address(ifil)), 50e18, "the borrower's, whoever paid");
        vm.assertEq(loans.tokenCollateralOf(loanId).amount, 0);
        uint256 before = ifil.balanceOf(alice);
        vm.prank(alice);
        vm.assertEq(loans.claim(address(ifil), alice), 50e18);
        vm.assertEq(ifil.balanceOf(alice) - before, 50e18);
        vm.assertEq(ifil.balanceOf(address(loans)), 0);
    }

    // ------------------------------------------------------------------ claim and sweep

    function test_Claim_ToAnotherAddress() public {
        uint256 loanId = _basicLoanA();
        _repay(alice, loanId, PRINCIPAL);
        uint256 before = usdt.balanceOf(dave);
        vm.expectEmit(address(loans));
        emit IPositionLoans.Claimed(carol, address(usdt), dave, PRINCIPAL);
        vm.prank(carol);
        vm.assertEq(loans.claim(address(usdt), dave), PRINCIPAL);
        vm.assertEq(usdt.balanceOf(dave) - before, PRINCIPAL);
        vm.assertEq(loans.creditOf(carol, address(usdt)), 0);
        vm.prank(carol);
        vm.assertEq(loans.claim(address(usdt), carol), 0, "nothing twice");
    }

    function test_RevertWhen_ClaimingToZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_ZeroAddress.selector));
        vm.prank(carol);
        loans.claim(address(usdt), address(0));
    }

    function test_SweepFees_ToRecipientByAnyone() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);
        _repay(alice, loanId, type(uint256).max);
        uint256 fee = _feeOf(TEN_DAYS_INTEREST, 200);
        vm.expectEmit(address(loans));
        emit IFeeVault.FeesSwept(address(usdt), feeSink, fee);
        vm.prank(stranger);
        vm.assertEq(loans.sweepFees(address(usdt)), fee);
        vm.assertEq(usdt.balanceOf(feeSink), fee);
        vm.assertEq(loans.feesAccrued(address(usdt)), 0);
        vm.assertEq(loans.sweepFees(address(usdt)), 0);
        vm.prank(carol);
        loans.claim(address(usdt), carol);
        vm.assertEq(usdt.balanceOf(address(loans)), 0, "everything paid out");
    }

    // ------------------------------------------------------------------ foreclose

    function test_Foreclose_PositionGoesToLender() public {
        uint256 loanId = _basicLoanA();
        uint256 graceEnd = _graceEnd(loanId);
        vm.warp(graceEnd - 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_NotForeclosable.selector, loanId, graceEnd));
        loans.foreclose(loanId);
        vm.warp(graceEnd);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanForeclosed(loanId, carol, stranger, PRINCIPAL, FULL_INTEREST);
        vm.prank(stranger);
        loans.foreclose(loanId);
        PositionState memory st = exchange.positionState(tokenA);
        vm.assertEq(st.owner, carol);
        vm.assertEq(st.lockHolder, address(0));
        vm.assertEq(_loan(loanId).borrower, address(0));
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownLoan.selector, loanId));
        loans.foreclose(loanId);
        vm.prank(carol);
        exchange.transferFrom(carol, dave, tokenA); // the lender's, free
    }

    function test_Foreclose_AfterPartialRepayment() public {
        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);
        _repay(alice, loanId, 10e6);
        uint256 principal = PRINCIPAL - (10e6 - TEN_DAYS_INTEREST);
        vm.warp(_graceEnd(loanId));
        uint256 interest = _interestOf(principal, APR, 20 days);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanForeclosed(loanId, carol, carol, principal, interest);
        vm.prank(carol);
        loans.foreclose(loanId);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.assertEq(loans.creditOf(carol, address(usdt)), 10e6 - _feeOf(TEN_DAYS_INTEREST, 200), "keeps what was paid");
    }

    function test_Foreclose_TokenLoanCreditsCollateralToLender() public {
        uint256 loanId = _tokenLoan(50e18);
        vm.warp(_graceEnd(loanId));
        vm.expectEmit(address(loans));
        emit IPositionLoans.Credited(carol, address(ifil), 50e18, loanId);
        loans.foreclose(loanId);
        vm.assertEq(loans.creditOf(carol, address(ifil)), 50e18);
        vm.assertEq(loans.creditOf(alice, address(ifil)), 0);
        vm.assertEq(loans.tokenCollateralOf(loanId).amount, 0);
    }

    // ------------------------------------------------------------------ governance

    function test_Constructor_RejectsZeroAddressesAndBadGrace() public {
        IHashpowerExchange ex = IHashpowerExchange(address(exchange));
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_ZeroAddress.selector));
        new PositionLoans(ex, ProtocolParameters(address(0)), governor, feeSink, GRACE);
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        new PositionLoans(ex, params, governor, address(0), GRACE);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidGracePeriod.selector, 59 minutes));
        new PositionLoans(ex, params, governor, feeSink, 59 minutes);
        vm.assertEq(loans.gracePeriod(), GRACE);
        vm.assertEq(loans.feeRecipient(), feeSink);
        vm.assertEq(loans.owner(), governor);
        vm.assertEq(address(loans.params()), address(params));
        vm.assertEq(address(loans.positions()), address(exchange));
    }

    function test_SetGracePeriod_BoundsAndEvent() public {
        vm.startPrank(governor);
        vm.expectEmit(address(loans));
        emit IPositionLoans.GracePeriodSet(GRACE, 1 hours);
        loans.setGracePeriod(1 hours);
        loans.setGracePeriod(7 days);
        vm.assertEq(loans.gracePeriod(), 7 days);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidGracePeriod.selector, 1 hours - 1));
        loans.setGracePeriod(1 hours - 1);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidGracePeriod.selector, 7 days + 1));
        loans.setGracePeriod(7 days + 1);
        vm.stopPrank();
        vm.assertEq(loans.MIN_GRACE(), 1 hours);
        vm.assertEq(loans.MAX_GRACE(), 7 days);
    }

    function test_SetFeeRecipient() public {
        vm.expectEmit(address(loans));
        emit IFeeVault.FeeRecipientSet(feeSink, dave);
        vm.prank(governor);
        loans.setFeeRecipient(dave);
        vm.assertEq(loans.feeRecipient(), dave);
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        vm.prank(governor);
        loans.setFeeRecipient(address(0));

        uint256 loanId = _basicLoanA();
        vm.warp(block.timestamp + 10 days);
        _repay(alice, loanId, type(uint256).max);
        loans.sweepFees(address(usdt));
        vm.assertEq(usdt.balanceOf(dave) - 10_000_000e6, _feeOf(TEN_DAYS_INTEREST, 200));
    }

    function test_SetCollateralToken() public {
        vm.assertTrue(loans.isCollateralToken(address(ifil)));
        vm.assertFalse(loans.isCollateralToken(address(usdt)));
        vm.expectEmit(address(loans));
        emit IPositionLoans.CollateralTokenSet(address(ifil), false);
        vm.prank(governor);
        loans.setCollateralToken(address(ifil), false);
        vm.assertFalse(loans.isCollateralToken(address(ifil)));
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_InvalidCollateral.selector));
        vm.prank(carol);
        loans.makeOffer(_basicTerms(), _tokenAmount(address(ifil), 1e18), uint32(block.timestamp + 1 days), 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_ZeroAddress.selector));
        vm.prank(governor);
        loans.setCollateralToken(address(0), true);
    }

    function test_RevertWhen_StrangerCallsGovernance() public {
        bytes memory err = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger);
        vm.startPrank(stranger);
        vm.expectRevert(err);
        loans.setGracePeriod(2 days);
        vm.expectRevert(err);
        loans.setFeeRecipient(stranger);
        vm.expectRevert(err);
        loans.setCollateralToken(address(usdt), true);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ views

    function test_Views_UnknownIds() public {
        vm.assertFalse(loans.isOfferOpen(1));
        vm.assertEq(loans.requestOf(1).borrower, address(0));
        vm.assertEq(loans.loanOf(1).borrower, address(0));
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownLoan.selector, 1));
        loans.debtOf(1);
        vm.assertEq(loans.nextOfferId(), 1);
        vm.assertEq(loans.nextRequestId(), 1);
        vm.assertEq(loans.MAX_APR_BPS(), 20_000);
        vm.assertEq(loans.MIN_DURATION(), 1 hours);
        vm.assertEq(loans.MAX_DURATION(), 365 days);
    }
}
