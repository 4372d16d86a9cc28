// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title LoanMath
/// @notice The interest and payment arithmetic of `PositionLoans` (docs/decisions/0018-lending.md), pure so
/// it can be fuzzed alone and mirrored by the lending module of the money-math package.
/// @dev Interest is simple, pro-rata by the second on a 365-day year, rounded up at every accrual: rounding
/// never favours the borrower, and each accrual step adds less than one base unit to the exact figure.
library LoanMath {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant YEAR = 365 days;
    /// @dev Reward prices are currency base units per 1e18 reward-token base units.
    uint256 internal constant PRICE_SCALE = 1e18;

    /// @notice Interest on `principal` at `aprBps` for `elapsed` seconds, rounded up.
    function interest(uint256 principal, uint256 aprBps, uint256 elapsed) internal pure returns (uint256) {
        if (principal == 0 || aprBps == 0 || elapsed == 0) return 0;
        return Math.mulDiv(principal, aprBps * elapsed, BPS * YEAR, Math.Rounding.Ceil);
    }

    /// @notice The interest due now given the accrued-minus-paid figure and the unpaid minimum.
    /// `owed` is negative when the minimum was paid ahead of accrual.
    function interestDue(int256 owed, uint256 minLeft) internal pure returns (uint256) {
        if (owed <= 0) return minLeft;
        uint256 o = uint256(owed);
        return o > minLeft ? o : minLeft;
    }

    /// @notice Splits a payment of `value` (at most principal + interest due) into its interest and
    /// principal parts and returns the new accrued-minus-paid figure and unpaid minimum.
    function split(uint256 value, int256 owed, uint256 minLeft)
        internal
        pure
        returns (uint256 toInterest, uint256 toPrincipal, int256 owedAfter, uint256 minLeftAfter)
    {
        uint256 due = interestDue(owed, minLeft);
        toInterest = value < due ? value : due;
        toPrincipal = value - toInterest;
        owedAfter = owed - int256(toInterest);
        minLeftAfter = minLeft > toInterest ? minLeft - toInterest : 0;
    }

    /// @notice The fee on `interestPaid`, rounded down (the lender keeps the rounding).
    function fee(uint256 interestPaid, uint256 feeBps) internal pure returns (uint256) {
        return interestPaid * feeBps / BPS;
    }

    /// @notice The currency value of `rewardAmount` reward base units at `priceWad`, rounded down.
    function rewardValue(uint256 rewardAmount, uint256 priceWad) internal pure returns (uint256) {
        return Math.mulDiv(rewardAmount, priceWad, PRICE_SCALE);
    }

    /// @notice The reward base units needed to pay `value` at `priceWad`, rounded up.
    function rewardsFor(uint256 value, uint256 priceWad) internal pure returns (uint256) {
        return Math.mulDiv(value, PRICE_SCALE, priceWad, Math.Rounding.Ceil);
    }
}
