// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakeState} from "../issuance/ApplicationTypes.sol";

/// @title IMinerApplicationsErrors
/// @notice Every custom error of `MinerApplications` (prefix `Applications_`; see {IExchangeErrors} for
/// the naming rule and the list of prefixes). Inherited through {IMinerApplications}. The offering
/// terms themselves are checked by the exchange (`Exchange_` errors).
interface IMinerApplicationsErrors {
    /// @notice Effective hashpower must be above zero and at most the total.
    error Applications_InvalidHashpower(uint256 totalHashpower, uint256 effectiveHashpower);
    /// @notice More units for sale than effective hashpower.
    error Applications_UnitsExceedHashpower(uint256 unitsTotal, uint256 effectiveHashpower);
    /// @notice The miner name or the disclosure URI is empty.
    error Applications_MissingDisclosure();
    /// @notice The offering's value (units x price) exceeds what a stake computation holds.
    error Applications_ValueTooLarge(uint256 value, uint256 maxValue);
    /// @notice No application with this id.
    error Applications_UnknownApplication(uint256 applicationId);
    /// @notice The stake is not in the state this action needs.
    error Applications_StakeNotInState(uint256 applicationId, StakeState actual, StakeState expected);
    /// @notice The application was already approved, cancelled, or its stake settled.
    error Applications_Closed(uint256 applicationId);
    /// @notice The sale window ended before the approval was executed.
    error Applications_Stale(uint256 applicationId, uint256 saleEnd);
    /// @notice Only the applying miner may do this.
    error Applications_NotApplicant(uint256 applicationId, address caller);
    /// @notice A stake policy outside its bounds: a minimum stake is required, grace at most `maxLockGraceDays`.
    error Applications_InvalidStakePolicy(uint256 minStake, uint256 lockGraceDays, uint256 maxLockGraceDays);
    /// @notice A zero address was given.
    error Applications_ZeroAddress();
    /// @notice The sale window closes before the approval could execute in the worst case: after the
    /// vote (extended by a late quorum) and the timelock delay.
    error Applications_SaleEndsBeforeExecution(uint256 saleEnd, uint256 executableAt);
}
