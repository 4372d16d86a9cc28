// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IMarketRateOracle
/// @notice Publishes, per hashpower asset and UTC day, the network's average mining reward per
/// hashpower unit (WAD-scaled reward-token base units per unit per day). Reports are final.
interface IMarketRateOracle {
    error DayNotOver(uint256 day, uint256 today);
    error AlreadyReported(uint32 assetId, uint256 day);
    error LengthMismatch();

    /// @notice A reporter published the average for `assetId` on `day`.
    event MarketRateReported(uint32 indexed assetId, uint256 indexed day, uint256 avgRewardPerUnitWad, address indexed reporter);

    /// @notice Publishes the average for a completed day. Reporter role only; one report per asset and day.
    function report(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external;

    /// @notice Publishes several assets' averages for a completed day in one call.
    function reportMany(uint32[] calldata assetIds, uint256 day, uint256[] calldata avgRewardPerUnitWad) external;

    /// @notice The published average, and whether one was published.
    function rateOf(uint32 assetId, uint256 day) external view returns (uint256 avgRewardPerUnitWad, bool reported);
}
