// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IMutualInsuranceErrors
/// @notice Errors of the mutual insurance pool (`MutualInsurance`, prefix `Mutual_`; `Insurance_` is the DAO's
/// InsuranceFund). See {IExchangeErrors} for the naming rule and the list of prefixes.
interface IMutualInsuranceErrors {
    /// @notice A zero address was passed.
    error Mutual_ZeroAddress();
    /// @notice A zero amount (or zero shares) was passed.
    error Mutual_ZeroAmount();
    /// @notice The deposit is too small to mint a single share.
    error Mutual_ZeroShares(uint256 amount);
    /// @notice The account holds fewer shares than asked.
    error Mutual_InsufficientShares(address account, uint256 shares, uint256 held);
    /// @notice A payout claim is open: requests and withdrawals wait until it is executed, rejected or expires.
    error Mutual_ExitsFrozen(uint256 frozenUntil);
    /// @notice The account has no unstake request.
    error Mutual_NoRequest(address account);
    /// @notice The request's cooldown has not passed yet.
    error Mutual_CooldownActive(address account, uint256 readyAt);
    /// @notice The request's withdrawal window closed: request again.
    error Mutual_RequestLapsed(address account, uint256 expiredAt);
    /// @notice The offering is not in the status this needs (`openClaim`: flagged or halted; a payout and a
    /// slashed-stake deposit: halted).
    error Mutual_OfferingNotDefaulted(uint256 offeringId, uint8 status);
    /// @notice A claim was already opened for this offering (only the DAO may open another), or one is open.
    error Mutual_ClaimExists(uint256 offeringId, uint256 claimId);
    /// @notice The claim is not open (never opened, executed, rejected, closed or expired).
    error Mutual_ClaimNotOpen(uint256 claimId);
    /// @notice The claim is open, unexpired and its offering is still defaulted: only the DAO may end it.
    error Mutual_ClaimStillOpen(uint256 claimId);
    /// @notice The payout is larger than what the order of loss may take from the pool.
    error Mutual_PayoutExceedsPool(uint256 amount, uint256 available);
    /// @notice The payout is smaller than one DMC wei per unit sold, or the offering sold no units.
    error Mutual_PayoutTooSmall(uint256 amount, uint256 unitsSold);
    /// @notice No payout has this id.
    error Mutual_UnknownPayout(uint256 payoutId);
    /// @notice The position belongs to another offering than the payout's.
    error Mutual_WrongOffering(uint256 payoutId, uint256 tokenId, uint256 offeringId);
    /// @notice The position already claimed this payout.
    error Mutual_AlreadyClaimed(uint256 payoutId, uint256 tokenId);
    /// @notice The position's lock routes refunds to its lock holder (a loan, an auction): only the lock holder
    /// may claim until the lock is released.
    error Mutual_PositionPledged(uint256 tokenId, address lockHolder);
    /// @notice The token cannot be a premium token (DMC, or the list is full), or is not listed.
    error Mutual_InvalidPremiumToken(address token);
    /// @notice A parameter is out of its bounds.
    error Mutual_InvalidParams(uint256 cooldown, uint256 window, uint256 claimDuration, uint256 maxPotShareBps);
    /// @notice More than the offering's slashed stake was asked for.
    error Mutual_InsufficientSlashed(uint256 offeringId, uint256 amount, uint256 slashed);
    /// @notice The payout's claim period has not ended yet.
    error Mutual_PayoutNotExpired(uint256 payoutId, uint256 claimDeadline);
    /// @notice The payout's claim period ended: what is unclaimed went back to the fund.
    error Mutual_PayoutExpired(uint256 payoutId);
}
