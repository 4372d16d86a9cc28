// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IAssetRegistryErrors
/// @notice The errors of `AssetRegistry` (prefix `Assets_`; see ExchangeErrors.sol for the naming rule).
interface IAssetRegistryErrors {
    /// @notice The admin or a reward token of address zero.
    error Assets_ZeroAddress();
    /// @notice An asset needs a non-empty symbol and unit label.
    error Assets_EmptyLabel();
    /// @notice `assetId` was never registered (ids are 1..assetCount).
    error Assets_UnknownAsset(uint32 assetId);
}
