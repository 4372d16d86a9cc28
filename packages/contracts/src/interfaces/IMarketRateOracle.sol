// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IOracleErrors} from "../errors/OracleErrors.sol";

/// @title IMarketRateOracle
/// @notice Publishes, per hashpower asset and UTC day, the network's average mining reward per
/// hashpower unit (WAD-scaled reward-token base units per unit per day). A report may be corrected
/// during {CORRECTION_WINDOW} after it was made and is final from then on; deposits are judged only
/// against final reports, so no judgement ever used a figure that later changed.
interface IMarketRateOracle is IOracleErrors {
    /// @notice A reporter published the average for `assetId` on `day`; final at `finalAt`.
    event MarketRateReported(
        uint32 indexed assetId, uint256 indexed day, uint256 avgRewardPerUnitWad, address indexed reporter
    );

    /// @notice A reporter corrected a report within its window.
    event MarketRateCorrected(
        uint32 indexed assetId,
        uint256 indexed day,
        uint256 oldAvgRewardPerUnitWad,
        uint256 newAvgRewardPerUnitWad,
        address indexed reporter
    );

    /// @notice Seconds after a report during which it can be corrected (one hour).
    function CORRECTION_WINDOW() external view returns (uint256);

    /// @notice Publishes the non-zero average for a completed day. Reporter role only; one report per asset and day.
    function report(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external;

    /// @notice Publishes several assets' averages for a completed day in one call.
    function reportMany(uint32[] calldata assetIds, uint256 day, uint256[] calldata avgRewardPerUnitWad) external;

    /// @notice Replaces a report that is not final yet (reporter role). The window does not restart.
    function correct(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external;

    /// @notice The final average for the day, and whether there is one (false while unreported or still correctable).
    function rateOf(uint32 assetId, uint256 day) external view returns (uint256 avgRewardPerUnitWad, bool reported);

    /// @notice The report of the latest day reported for the asset, if it is final (day 0 and false otherwise):
    /// what a day the oracle never reported is judged against.
    function latestRate(uint32 assetId) external view returns (uint256 avgRewardPerUnitWad, uint256 day, bool reported);
}
