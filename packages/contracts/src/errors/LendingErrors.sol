// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPositionLoansErrors
/// @notice Errors of the loans against positions and reward tokens (`PositionLoans`).
interface IPositionLoansErrors {
    /// @notice A zero address was passed.
    error Loans_ZeroAddress();
    /// @notice The currency is not a stablecoin the exchange lists.
    error Loans_CurrencyNotListed(address currency);
    /// @notice The principal is zero or does not fit (at most 2^96 - 1).
    error Loans_InvalidPrincipal(uint256 principal);
    /// @notice The duration is outside [MIN_DURATION, MAX_DURATION].
    error Loans_InvalidDuration(uint256 duration, uint256 minDuration, uint256 maxDuration);
    /// @notice The APR is above MAX_APR_BPS.
    error Loans_InvalidApr(uint256 aprBps, uint256 maxAprBps);
    /// @notice The minimum interest is above the interest of the whole duration.
    error Loans_MinInterestAboveMax(uint256 minInterest, uint256 maxInterest);
    /// @notice The expiry is not in the future (or does not fit).
    error Loans_InvalidExpiry(uint256 expiry, uint256 nowTime);
    /// @notice A collection offer's fill count is zero, or a single-position offer's is not one.
    error Loans_InvalidMaxFills(uint256 maxFills);
    /// @notice The collateral description is invalid (zero token or amount, unknown kind).
    error Loans_InvalidCollateral();
    /// @notice The reward price does not fit (at most 2^96 - 1).
    error Loans_InvalidRewardPrice(uint256 rewardPriceWad);
    /// @notice No open offer has this id (never made, cancelled, or filled up).
    error Loans_UnknownOffer(uint256 offerId);
    /// @notice The offer expired at `expiry`.
    error Loans_OfferExpired(uint256 offerId, uint256 expiry);
    /// @notice The lender cancelled all its offers of an earlier nonce.
    error Loans_OfferNonceCancelled(uint256 offerId, uint256 offerNonce, uint256 lenderNonce);
    /// @notice Only the lender who made the offer may do this.
    error Loans_NotLender(address caller, address lender);
    /// @notice No open request has this id.
    error Loans_UnknownRequest(uint256 requestId);
    /// @notice The request expired at `expiry`.
    error Loans_RequestExpired(uint256 requestId, uint256 expiry);
    /// @notice Only the borrower may do this.
    error Loans_NotBorrower(address caller, address borrower);
    /// @notice The collateral does not match what the offer accepts.
    error Loans_CollateralMismatch(uint256 offerId, uint256 tokenId);
    /// @notice The position has fewer units than the collection offer requires.
    error Loans_TooFewUnits(uint256 units, uint256 minUnits);
    /// @notice The position's offering is not active (flagged or halted): it cannot back a new loan.
    error Loans_OfferingNotActive(uint256 offeringId);
    /// @notice The due date would be after the collateral's term end, or leave fewer days than required.
    error Loans_TermTooShort(uint256 dueTime, uint256 termEnd, uint256 minDaysLeft);
    /// @notice No active loan has this id.
    error Loans_UnknownLoan(uint256 loanId);
    /// @notice The grace period has ended: the loan can only be foreclosed now.
    error Loans_RepaymentClosed(uint256 loanId, uint256 graceEnd);
    /// @notice The grace period has not ended: the loan cannot be foreclosed yet.
    error Loans_NotForeclosable(uint256 loanId, uint256 graceEnd);
    /// @notice The payment is zero.
    error Loans_ZeroPayment();
    /// @notice The debt is above the most the caller agreed to pay.
    error Loans_DebtAboveMax(uint256 debt, uint256 maxPayment);
    /// @notice The refinancing terms are not strictly better for the borrower.
    error Loans_NotBetterTerms();
    /// @notice The due date has passed: a new lender can no longer take the loan over.
    error Loans_PastDue(uint256 loanId, uint256 dueTime);
    /// @notice The lender and the borrower are the same account.
    error Loans_SelfLoan(address account);
    /// @notice The loan's terms give no reward price: self-repayment is not available.
    error Loans_SelfRepayUnavailable(uint256 loanId);
    /// @notice The loan is not self-repaying.
    error Loans_NotSelfRepaying(uint256 loanId);
    /// @notice The grace period is outside [MIN_GRACE, MAX_GRACE].
    error Loans_InvalidGracePeriod(uint256 grace);
    /// @notice The rollover's offer is in another currency than the loan.
    error Loans_CurrencyMismatch(address loanCurrency, address offerCurrency);
}
