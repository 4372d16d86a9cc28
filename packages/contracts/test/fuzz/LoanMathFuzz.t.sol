// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LoanMath} from "../../src/libraries/LoanMath.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice LoanMath against the rules of docs/decisions/0018-lending.md, checked on the exact rational
/// figures (cross-multiplied, so no rounding of the test's own): interest rounds up by less than one
/// base unit, accrual in steps costs at most one unit a step more, a payment's split conserves value and
/// lowers the interest due by exactly its interest part, and self-repayment values rewards rounded down
/// while taking the tokens for a payoff rounded up.
contract LoanMathFuzzTest is TestBase {
    uint256 internal constant DEN = 10_000 * 365 days;
    uint256 internal constant MAX_DURATION = 365 days;
    uint256 internal constant MAX_APR = 20_000;
    /// @dev A billion USDT in 6-decimal base units: every realistic stablecoin principal.
    uint256 internal constant MAX_6DEC = 1e15;

    /// Interest on a 6-decimal principal for 1 s .. MAX_DURATION is >= the exact figure and < it + 1.
    function testFuzz_InterestRoundsUpByLessThanOneUnit(uint256 principal, uint256 apr, uint256 elapsed) public pure {
        principal = bound(principal, 1, MAX_6DEC);
        apr = bound(apr, 1, MAX_APR);
        elapsed = bound(elapsed, 1, MAX_DURATION);
        uint256 r = LoanMath.interest(principal, apr, elapsed);
        uint256 num = principal * apr * elapsed;
        vm.assertGe(r * DEN, num, "never below exact");
        vm.assertLt((r - 1) * DEN, num, "less than one unit above exact");
        vm.assertGe(r, 1, "a second of a non-zero loan always costs something");
    }

    /// The same on the whole uint96 range (18-decimal currencies), through mulDiv's 512-bit product.
    function testFuzz_InterestOnAnyPrincipal(uint96 principal, uint16 apr, uint32 elapsed) public pure {
        uint256 a = bound(apr, 0, MAX_APR);
        uint256 e = bound(elapsed, 0, MAX_DURATION);
        uint256 r = LoanMath.interest(principal, a, e);
        uint256 num = uint256(principal) * a * e;
        if (num == 0) {
            vm.assertEq(r, 0);
            return;
        }
        vm.assertGe(r * DEN, num);
        vm.assertLt((r - 1) * DEN, num);
    }

    /// Accrued in k steps, interest is >= one accrual over the whole time and <= it + k.
    function testFuzz_AccrualInStepsCostsAtMostOneUnitAStep(uint256 principal, uint256 apr, uint256 seed, uint8 k)
        public
        pure
    {
        principal = bound(principal, 1, MAX_6DEC);
        apr = bound(apr, 1, MAX_APR);
        uint256 steps = bound(k, 1, 24);
        uint256 total;
        uint256 stepped;
        for (uint256 i; i < steps; ++i) {
            uint256 e = 1 + uint256(keccak256(abi.encode(seed, i))) % (MAX_DURATION / steps);
            total += e;
            stepped += LoanMath.interest(principal, apr, e);
        }
        uint256 once = LoanMath.interest(principal, apr, total);
        vm.assertGe(stepped, once, "splitting never lowers the interest");
        vm.assertLe(stepped, once + steps, "at most one unit a step more");
    }

    /// A payment of `value` (at most principal + interest due) splits into interest first, then principal;
    /// the parts add up to it, and the interest due afterwards is exactly the due minus the interest part.
    function testFuzz_SplitConservesValue(uint256 value, int256 owed, uint256 minLeft, uint256 principal) public pure {
        owed = int256(bound(uint256(owed), 0, 2 ** 92)) - 2 ** 91; // accrued minus paid, either sign
        minLeft = bound(minLeft, 0, 2 ** 91);
        principal = bound(principal, 1, type(uint96).max);
        uint256 due = LoanMath.interestDue(owed, minLeft);
        value = bound(value, 0, principal + due);
        (uint256 toInterest, uint256 toPrincipal, int256 owedAfter, uint256 minLeftAfter) =
            LoanMath.split(value, owed, minLeft);
        vm.assertEq(toInterest + toPrincipal, value, "conserved");
        vm.assertLe(toInterest, due);
        vm.assertEq(toInterest, value < due ? value : due, "interest first");
        vm.assertLe(toPrincipal, principal);
        vm.assertEq(owedAfter, owed - int256(toInterest));
        vm.assertEq(minLeftAfter, minLeft > toInterest ? minLeft - toInterest : 0);
        vm.assertEq(LoanMath.interestDue(owedAfter, minLeftAfter), due - toInterest, "due drops by the interest paid");
    }

    /// The interest due is the larger of what accrued (net of payments) and the unpaid minimum.
    function testFuzz_InterestDueIsMaxOfOwedAndMinimum(int256 owed, uint256 minLeft) public pure {
        owed = int256(bound(uint256(owed), 0, 2 ** 96)) - 2 ** 95;
        minLeft = bound(minLeft, 0, type(uint96).max);
        uint256 due = LoanMath.interestDue(owed, minLeft);
        uint256 positive = owed > 0 ? uint256(owed) : 0;
        vm.assertEq(due, positive > minLeft ? positive : minLeft);
    }

    struct Ledger {
        uint256 principal;
        int256 owed;
        uint256 minLeft;
        uint256 paid;
        uint256 exactNum; // sum of principal_i * apr * elapsed_i, to compare with the interest paid * DEN
        uint256 interestPaid;
    }

    /// A loan paid down in k partial payments at accrual points: the debt after each is the debt before it
    /// minus the payment, the principal never rises, every unit paid is principal or interest, and the
    /// interest is never below the exact figure on what was outstanding (never in the borrower's favour).
    function testFuzz_DebtAfterPartialPayments(uint256 principal, uint256 apr, uint256 seed, uint8 k) public pure {
        Ledger memory g;
        g.principal = bound(principal, 1, MAX_6DEC);
        uint256 original = g.principal;
        apr = bound(apr, 0, MAX_APR);
        uint256 steps = bound(k, 1, 12);
        for (uint256 i; i < steps && g.principal != 0; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 elapsed = 1 + r % (30 days);
            g.owed += int256(LoanMath.interest(g.principal, apr, elapsed));
            g.exactNum += g.principal * apr * elapsed;
            uint256 debt = g.principal + LoanMath.interestDue(g.owed, g.minLeft);
            uint256 value = (r >> 128) % (debt + 1);
            (uint256 toInterest, uint256 toPrincipal, int256 owedAfter, uint256 minLeftAfter) =
                LoanMath.split(value, g.owed, g.minLeft);
            (g.owed, g.minLeft) = (owedAfter, minLeftAfter);
            vm.assertLe(toPrincipal, g.principal, "the principal never rises");
            g.principal -= toPrincipal;
            vm.assertEq(
                g.principal + LoanMath.interestDue(g.owed, g.minLeft), debt - value, "debt falls by the payment"
            );
            g.paid += value;
            g.interestPaid += toInterest;
        }
        uint256 dueLeft = LoanMath.interestDue(g.owed, g.minLeft);
        g.interestPaid += dueLeft;
        vm.assertGe(g.interestPaid * DEN, g.exactNum, "interest >= the exact interest on what was outstanding");
        vm.assertEq(g.paid + g.principal + dueLeft, original + g.interestPaid, "every unit is principal or interest");
    }

    /// Reward value is rounded down; the tokens needed to pay `debt` are rounded up, and pay at least it.
    function testFuzz_RewardValueDownPayoffTokensUp(uint256 amount, uint256 price, uint256 debt) public pure {
        amount = bound(amount, 0, 1e30);
        price = bound(price, 1, type(uint96).max);
        uint256 value = LoanMath.rewardValue(amount, price);
        vm.assertLe(value * 1e18, amount * price, "value rounded down");
        vm.assertGt((value + 1) * 1e18, amount * price, "by less than one base unit");

        debt = bound(debt, 1, type(uint96).max);
        uint256 used = LoanMath.rewardsFor(debt, price);
        vm.assertGe(used * price, debt * 1e18, "the tokens taken are worth the debt");
        vm.assertLt((used - 1) * price, debt * 1e18, "one fewer would not be");
        vm.assertGe(LoanMath.rewardValue(used, price), debt, "and they pay it in full");
    }

    /// The tokens used for a payoff never exceed what was claimed when the claim is worth the debt.
    function testFuzz_PayoffNeverUsesMoreThanClaimed(uint256 claimed, uint256 price, uint256 debt) public pure {
        claimed = bound(claimed, 1, 1e30);
        price = bound(price, 1, type(uint96).max);
        uint256 value = LoanMath.rewardValue(claimed, price);
        vm.assume(value > 0);
        debt = bound(debt, 1, value);
        vm.assertLe(LoanMath.rewardsFor(debt, price), claimed);
    }

    /// The fee is rounded down (the lender keeps the rounding) and never exceeds the interest.
    function testFuzz_FeeRoundsDown(uint256 interestPaid, uint256 feeBps) public pure {
        interestPaid = bound(interestPaid, 0, type(uint96).max);
        feeBps = bound(feeBps, 0, 500);
        uint256 f = LoanMath.fee(interestPaid, feeBps);
        vm.assertLe(f * 10_000, interestPaid * feeBps);
        vm.assertGt((f + 1) * 10_000, interestPaid * feeBps);
        vm.assertLe(f, interestPaid);
    }
}
