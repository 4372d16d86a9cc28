// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IOracleErrors} from "../errors/OracleErrors.sol";

/// @title IMarketRateOracle
/// @notice Publishes, per hashpower asset and UTC day, the network's average mining reward per
/// hashpower unit (WAD-scaled reward-token base units per unit per day). A report may be corrected
/// during {CORRECTION_WINDOW} after it was made and is final from then on; deposits are judged only
/// against final reports, so no judgement ever used a figure that later changed.
interface IMarketRateOracle is IOracleErrors {
    /// @notice A reporter published the average for `assetId` on `day`; final {CORRECTION_WINDOW} later.
    /// @param assetId The hashpower asset.
    /// @param day The UTC day reported.
    /// @param avgRewardPerUnitWad The average reward per unit, WAD-scaled reward-token base units.
    /// @param reporter The reporter.
    event MarketRateReported(
        uint32 indexed assetId, uint256 indexed day, uint256 avgRewardPerUnitWad, address indexed reporter
    );

    /// @notice A reporter corrected a report within its window.
    /// @param assetId The hashpower asset.
    /// @param day The UTC day corrected.
    /// @param oldAvgRewardPerUnitWad The average replaced.
    /// @param newAvgRewardPerUnitWad The average now reported.
    /// @param reporter The reporter.
    event MarketRateCorrected(
        uint32 indexed assetId,
        uint256 indexed day,
        uint256 oldAvgRewardPerUnitWad,
        uint256 newAvgRewardPerUnitWad,
        address indexed reporter
    );

    /// @notice Seconds after a report during which it can be corrected (one hour).
    /// @return Seconds.
    function CORRECTION_WINDOW() external view returns (uint256);

    /// @notice Publishes the non-zero average for a completed day. Reporter role only; one report per asset and day.
    /// @param assetId The hashpower asset.
    /// @param day A completed UTC day.
    /// @param avgRewardPerUnitWad The network's average reward per unit (WAD-scaled), not zero.
    function report(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external;

    /// @notice Publishes several assets' averages for a completed day in one call.
    /// @param assetIds The assets.
    /// @param day A completed UTC day.
    /// @param avgRewardPerUnitWad Each asset's average (same length as `assetIds`).
    function reportMany(uint32[] calldata assetIds, uint256 day, uint256[] calldata avgRewardPerUnitWad) external;

    /// @notice Replaces a report that is not final yet (reporter role). The window does not restart.
    /// @param assetId The hashpower asset.
    /// @param day The day whose report is corrected.
    /// @param avgRewardPerUnitWad The corrected average, not zero.
    function correct(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external;

    /// @notice The final average for the day, and whether there is one (false while unreported or still correctable).
    /// @param assetId The hashpower asset.
    /// @param day The UTC day.
    /// @return avgRewardPerUnitWad The final average (0 without one).
    /// @return reported Whether a final report exists.
    function rateOf(uint32 assetId, uint256 day) external view returns (uint256 avgRewardPerUnitWad, bool reported);

    /// @notice The report of the latest day reported for the asset, if it is final (day 0 and false otherwise):
    /// what a day the oracle never reported is judged against.
    /// @param assetId The hashpower asset.
    /// @return avgRewardPerUnitWad The latest final average.
    /// @return day The day it is for.
    /// @return reported Whether there is a final report.
    function latestRate(uint32 assetId) external view returns (uint256 avgRewardPerUnitWad, uint256 day, bool reported);
}
