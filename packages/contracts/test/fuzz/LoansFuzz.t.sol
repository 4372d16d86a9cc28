// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionLoans} from "../../src/interfaces/IPositionLoans.sol";
import {LoansFixture} from "../unit/lending/LoansFixture.sol";

/// @notice PositionLoans itself under random partial payments, times and terms (6-decimal USDT): each
/// payment lowers the debt by exactly what it paid, the lender and the fee receive exactly what was
/// paid, the interest is never below the exact pro-rata figure, and the loan closes when the debt is paid.
contract LoansFuzzTest is LoansFixture {
    function testFuzz_PartialPaymentsLowerTheDebtByWhatTheyPay(
        uint96 principal,
        uint16 apr,
        uint32 minInterest,
        uint256 seed,
        uint8 count
    ) public {
        principal = uint96(bound(principal, 1, 1_000_000e6));
        apr = uint16(bound(apr, 0, 20_000));
        uint256 maxInterest = _interestOf(principal, apr, DURATION);
        uint256 minimum = bound(minInterest, 0, maxInterest);
        uint256 loanId = _loanA(_terms(principal, apr, DURATION, uint96(minimum), 0));
        uint256 paid;
        uint256 n = bound(count, 1, 8);
        for (uint256 i; i < n && _loan(loanId).borrower != address(0); ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            vm.warp(block.timestamp + r % 3 days); // eight steps stay inside the 30 days
            uint256 before = _debt(loanId);
            vm.assertGe(before, _loan(loanId).principal, "debt >= principal");
            uint256 amount = 1 + (r >> 64) % before;
            vm.assertEq(_repay(bob, loanId, amount), amount);
            paid += amount;
            if (amount < before) vm.assertEq(_debt(loanId), before - amount, "the debt falls by the payment");
        }
        if (_loan(loanId).borrower != address(0)) paid += _repay(bob, loanId, type(uint256).max);
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "closed");
        vm.assertEq(loans.creditOf(carol, address(usdt)) + loans.feesAccrued(address(usdt)), paid);
        vm.assertEq(usdt.balanceOf(address(loans)), paid);
        vm.assertGe(paid, uint256(principal) + minimum, "at least the principal and the minimum");
        vm.assertLe(
            paid, uint256(principal) + _interestOf(principal, apr, DURATION) + n + 1, "a unit an accrual over at most"
        );
    }

    /// A single repayment at a random second costs exactly ceil(principal * apr * t / year), capped at
    /// the due date, or the minimum if higher.
    function testFuzz_RepayInFullCostsTheRoundedUpInterest(uint96 principal, uint16 apr, uint32 elapsed, uint32 minI)
        public
    {
        principal = uint96(bound(principal, 1, 1_000_000e6));
        apr = uint16(bound(apr, 0, 20_000));
        uint256 minimum = bound(minI, 0, _interestOf(principal, apr, DURATION));
        uint256 t = bound(elapsed, 0, DURATION + GRACE - 1);
        _loanA(_terms(principal, apr, DURATION, uint96(minimum), 0));
        vm.warp(block.timestamp + t);
        uint256 interest = _interestOf(principal, apr, t < DURATION ? t : DURATION);
        if (interest < minimum) interest = minimum;
        (uint256 debt, uint256 due) = loans.debtOf(tokenA);
        vm.assertEq(due, interest);
        vm.assertEq(debt, principal + interest);
        _repay(alice, tokenA, type(uint256).max);
        uint256 fee = interest * DEFI_FEE_BPS / BPS;
        vm.assertEq(loans.creditOf(carol, address(usdt)), principal + interest - fee);
        vm.assertEq(loans.feesAccrued(address(usdt)), fee);
    }

    /// Self-repayment at a random reward price: the value applied is rounded down, the lender's tokens
    /// (plus the fee) plus the borrower's spare tokens are exactly what was claimed.
    function testFuzz_SelfRepaymentSplitsTheClaimExactly(uint96 principal, uint96 price, uint8 daysEarned) public {
        principal = uint96(bound(principal, 1, 100e6));
        price = uint96(bound(price, 1, 1_000e6));
        uint256 loanId = _loanA(_terms(principal, APR, DURATION, 0, price));
        vm.prank(alice);
        loans.setSelfRepaying(loanId, true);
        _earn(bound(daysEarned, 1, 5));
        uint256 debtBefore = _debt(loanId);
        uint256 claimed = loans.applyRewards(loanId);
        uint256 toLender = loans.creditOf(carol, address(ifil));
        uint256 spare = loans.creditOf(alice, address(ifil));
        uint256 fee = loans.feesAccrued(address(ifil));
        vm.assertEq(toLender + spare + fee, claimed, "every claimed token is someone's");
        vm.assertEq(ifil.balanceOf(address(loans)), claimed);
        uint256 value = claimed * price / 1e18;
        if (_loan(loanId).borrower != address(0)) {
            vm.assertEq(_debt(loanId), debtBefore - value, "paid down by the value rounded down");
            vm.assertEq(spare, value == 0 ? claimed : 0);
        } else {
            uint256 used = (debtBefore * 1e18 + price - 1) / price;
            vm.assertEq(spare, claimed - used, "the payoff takes the tokens rounded up");
        }
        IPositionLoans.Loan memory l = _loan(loanId);
        if (l.borrower != address(0)) vm.assertGe(_debt(loanId), l.principal);
    }
}
