// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

import {IAssetRegistry} from "../interfaces/IAssetRegistry.sol";
import {Asset} from "../types/HashpowerTypes.sol";

/// @title AssetRegistry
/// @notice The hashpower assets and their listed reward tokens, out of the exchange so the exchange keeps
/// room under the EIP-170 size limit (string storage code is large). Governed like the exchange: the
/// admin and governor roles belong to the DAO timelock in production (script/lib/DaoDeployment.sol).
contract AssetRegistry is IAssetRegistry, AccessControl {
    /// @notice Registers assets and lists reward tokens. The DAO timelock in production.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");

    /// @inheritdoc IAssetRegistry
    uint32 public assetCount;

    mapping(uint32 assetId => Asset) private _assets;

    /// @inheritdoc IAssetRegistry
    mapping(uint32 assetId => mapping(address token => bool listed)) public isRewardToken;

    /// @param admin Receives the admin and governor roles (the DAO timelock once governance is live).
    constructor(address admin) {
        if (admin == address(0)) revert Assets_ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
    }

    /// @inheritdoc IAssetRegistry
    function registerAsset(string calldata symbol, string calldata unitLabel)
        external
        onlyRole(GOVERNOR_ROLE)
        returns (uint32 assetId)
    {
        if (bytes(symbol).length == 0 || bytes(unitLabel).length == 0) {
            revert Assets_EmptyLabel();
        }
        assetId = ++assetCount;
        _assets[assetId] = Asset({symbol: symbol, unitLabel: unitLabel});
        emit AssetRegistered(assetId, symbol, unitLabel);
    }

    /// @inheritdoc IAssetRegistry
    function setRewardToken(uint32 assetId, address token, bool listed) external onlyRole(GOVERNOR_ROLE) {
        if (token == address(0)) revert Assets_ZeroAddress();
        if (assetId == 0 || assetId > assetCount) revert Assets_UnknownAsset(assetId);
        isRewardToken[assetId][token] = listed;
        emit RewardTokenSet(assetId, token, listed);
    }

    /// @inheritdoc IAssetRegistry
    function getAsset(uint32 assetId) external view returns (Asset memory) {
        return _assets[assetId];
    }
}
