// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IOracleErrors
/// @notice Every custom error of `MarketRateOracle` (prefix `Oracle_`; see {IExchangeErrors} for the
/// naming rule and the list of prefixes). `IMarketRateOracle` inherits it, so the errors are in the ABI.
interface IOracleErrors {
    /// @notice Reports are for completed days only.
    error Oracle_DayNotOver(uint256 day, uint256 today);
    /// @notice The day already has a report (correct it while its window is open).
    error Oracle_AlreadyReported(uint32 assetId, uint256 day);
    /// @notice A zero average would judge every deposit adequate.
    error Oracle_ZeroRate(uint32 assetId, uint256 day);
    /// @notice A correction of a day without a report.
    error Oracle_NotReported(uint32 assetId, uint256 day);
    /// @notice The report is final: its correction window closed at `finalAt`.
    error Oracle_ReportFinal(uint32 assetId, uint256 day, uint256 finalAt);
    /// @notice `reportMany` got arrays of different lengths.
    error Oracle_LengthMismatch(uint256 assetIds, uint256 rates);
}
