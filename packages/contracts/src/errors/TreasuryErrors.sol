// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IInsuranceFundErrors
/// @notice InsuranceFund's errors (prefix `Insurance_`; see {IExchangeErrors} for the naming rule and
/// the list of prefixes).
interface IInsuranceFundErrors {
    /// @notice A payout needs a recipient and a non-zero amount.
    error Insurance_InvalidPayout(address to, uint256 amount);
}
