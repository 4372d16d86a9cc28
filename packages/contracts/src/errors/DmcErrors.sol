// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title DMC errors
/// @notice The custom errors of the DMC area (see {IExchangeErrors} for the naming rule and the list
/// of prefixes): `DMC_` (DMCToken), `Reserve_` (MiningReserve).

/// @notice DMCToken's errors.
interface IDmcErrors {
    /// @notice The allocations do not add up to exactly the total supply.
    error DMC_AllocationMismatch(uint256 allocated, uint256 expected);
    /// @notice Allocation `index` names the zero address or a zero amount.
    error DMC_InvalidAllocation(uint256 index);
}

/// @notice MiningReserve's errors (inherited through {IMiningReserve}); buckets are `IMiningReserve.Bucket` values.
interface IMiningReserveErrors {
    /// @notice The caller may not draw from this bucket.
    error Reserve_NotDrawer(uint8 bucket, address caller);
    /// @notice The bucket holds less than asked.
    error Reserve_BucketExhausted(uint8 bucket, uint256 requested, uint256 available);
    /// @notice A zero address was given.
    error Reserve_ZeroAddress();
    /// @notice A replenishment of zero DMC.
    error Reserve_ZeroAmount();
}
