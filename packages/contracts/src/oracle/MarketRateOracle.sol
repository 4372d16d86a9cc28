// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IMarketRateOracle} from "../interfaces/IMarketRateOracle.sol";

/// @title MarketRateOracle
/// @notice Daily network-average mining reward per hashpower unit, per asset, published by
/// reporters the DAO appoints. The exchange judges each miner's deposit against it.
contract MarketRateOracle is IMarketRateOracle, AccessControl {
    /// @notice May publish daily averages.
    bytes32 public constant REPORTER_ROLE = keccak256("REPORTER_ROLE");

    /// @inheritdoc IMarketRateOracle
    uint256 public constant CORRECTION_WINDOW = 1 hours;

    struct Rate {
        uint128 avgRewardPerUnitWad;
        uint64 reportedAt; // 0: not reported
    }

    mapping(uint32 assetId => mapping(uint256 day => Rate)) private _rates;
    mapping(uint32 assetId => uint256 day) private _latestDay;

    /// @param admin Manages reporters (the DAO timelock once governance is live).
    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc IMarketRateOracle
    function report(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external onlyRole(REPORTER_ROLE) {
        _report(assetId, day, avgRewardPerUnitWad);
    }

    /// @inheritdoc IMarketRateOracle
    function reportMany(uint32[] calldata assetIds, uint256 day, uint256[] calldata avgRewardPerUnitWad)
        external
        onlyRole(REPORTER_ROLE)
    {
        if (assetIds.length != avgRewardPerUnitWad.length) {
            revert Oracle_LengthMismatch(assetIds.length, avgRewardPerUnitWad.length);
        }
        for (uint256 i; i < assetIds.length; ++i) {
            _report(assetIds[i], day, avgRewardPerUnitWad[i]);
        }
    }

    /// @inheritdoc IMarketRateOracle
    function correct(uint32 assetId, uint256 day, uint256 avgRewardPerUnitWad) external onlyRole(REPORTER_ROLE) {
        Rate storage rate = _rates[assetId][day];
        uint256 reportedAt = rate.reportedAt;
        if (reportedAt == 0) revert Oracle_NotReported(assetId, day);
        if (block.timestamp >= reportedAt + CORRECTION_WINDOW) {
            revert Oracle_ReportFinal(assetId, day, reportedAt + CORRECTION_WINDOW);
        }
        if (avgRewardPerUnitWad == 0) revert Oracle_ZeroRate(assetId, day);
        uint256 old = rate.avgRewardPerUnitWad;
        rate.avgRewardPerUnitWad = SafeCast.toUint128(avgRewardPerUnitWad);
        emit MarketRateCorrected(assetId, day, old, avgRewardPerUnitWad, msg.sender);
    }

    /// @inheritdoc IMarketRateOracle
    function rateOf(uint32 assetId, uint256 day) external view returns (uint256 avgRewardPerUnitWad, bool reported) {
        return _final(_rates[assetId][day]);
    }

    /// @inheritdoc IMarketRateOracle
    function latestRate(uint32 assetId)
        external
        view
        returns (uint256 avgRewardPerUnitWad, uint256 day, bool reported)
    {
        day = _latestDay[assetId];
        (avgRewardPerUnitWad, reported) = _final(_rates[assetId][day]);
        if (!reported) day = 0;
    }

    function _final(Rate storage rate) private view returns (uint256, bool) {
        uint256 reportedAt = rate.reportedAt;
        if (reportedAt == 0 || block.timestamp < reportedAt + CORRECTION_WINDOW) return (0, false);
        return (rate.avgRewardPerUnitWad, true);
    }

    function _report(uint32 assetId, uint256 day, uint256 avg) private {
        uint256 today = block.timestamp / 1 days;
        if (day >= today) revert Oracle_DayNotOver(day, today);
        if (avg == 0) revert Oracle_ZeroRate(assetId, day);
        Rate storage rate = _rates[assetId][day];
        if (rate.reportedAt != 0) revert Oracle_AlreadyReported(assetId, day);
        // Checked: a wrapped value would judge deposits against a different average than announced.
        rate.avgRewardPerUnitWad = SafeCast.toUint128(avg);
        rate.reportedAt = uint64(block.timestamp);
        if (day > _latestDay[assetId]) _latestDay[assetId] = day;
        emit MarketRateReported(assetId, day, avg, msg.sender);
    }
}
