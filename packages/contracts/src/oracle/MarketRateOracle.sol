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

    struct Rate {
        uint128 avgRewardPerUnitWad;
        bool reported;
    }

    mapping(uint32 assetId => mapping(uint256 day => Rate)) private _rates;

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
        if (assetIds.length != avgRewardPerUnitWad.length) revert LengthMismatch();
        for (uint256 i; i < assetIds.length; ++i) {
            _report(assetIds[i], day, avgRewardPerUnitWad[i]);
        }
    }

    /// @inheritdoc IMarketRateOracle
    function rateOf(uint32 assetId, uint256 day) external view returns (uint256 avgRewardPerUnitWad, bool reported) {
        Rate storage rate = _rates[assetId][day];
        return (rate.avgRewardPerUnitWad, rate.reported);
    }

    function _report(uint32 assetId, uint256 day, uint256 avg) private {
        uint256 today = block.timestamp / 1 days;
        if (day >= today) revert DayNotOver(day, today);
        Rate storage rate = _rates[assetId][day];
        if (rate.reported) revert AlreadyReported(assetId, day);
        // Checked: a wrapped value would judge deposits against a different average than announced.
        rate.avgRewardPerUnitWad = SafeCast.toUint128(avg);
        rate.reported = true;
        emit MarketRateReported(assetId, day, avg, msg.sender);
    }
}
