// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAssetRegistryErrors} from "../errors/AssetErrors.sol";
import {Asset} from "../types/HashpowerTypes.sol";

/// @title IAssetRegistry
/// @notice The hashpower assets DMEX trades (FIL, BTC, ...) and, per asset, the reward tokens its
/// offerings may pay in. Governed by the DAO timelock; the exchange reads it when an offering is created
/// or its terms are validated, and the position renderer reads the asset's labels.
/// @dev Event signatures are a frozen API: the subgraph decodes them (they were the exchange's before the
/// registry moved out of it, unchanged).
interface IAssetRegistry is IAssetRegistryErrors {
    // ------------------------------------------------------------------ events
    /// @notice A hashpower asset was registered.
    /// @param assetId The new asset's id (1-based, in registration order).
    /// @param symbol The mined coin's ticker, e.g. "FIL".
    /// @param unitLabel The unit hashpower is sold in, e.g. "TiB" or "TH/s".
    event AssetRegistered(uint32 indexed assetId, string symbol, string unitLabel);

    /// @notice A reward token was listed (`listed`) or delisted for an asset.
    /// @param assetId The asset.
    /// @param token The ERC-20 token.
    /// @param listed Whether offerings of the asset may pay rewards in it now.
    event RewardTokenSet(uint32 indexed assetId, address indexed token, bool listed);

    // ------------------------------------------------------------------ governance
    /// @notice Registers a hashpower asset. Governor role only.
    /// @dev Reverts with {InvalidTerms} if either label is empty. Emits {AssetRegistered}.
    /// @param symbol The mined coin's ticker, e.g. "FIL".
    /// @param unitLabel The unit hashpower is sold in, e.g. "TiB".
    /// @return assetId The new asset's id (1-based).
    function registerAsset(string calldata symbol, string calldata unitLabel) external returns (uint32 assetId);

    /// @notice Lists or delists a reward token for an asset (governor role), e.g. IFIL for FIL, WBTC for BTC:
    /// the oracle's averages are in that token's base units. Live offerings keep theirs.
    /// @dev Reverts with {ZeroAddress} for token zero and {UnknownAsset} for an id never registered.
    /// Emits {RewardTokenSet}.
    function setRewardToken(uint32 assetId, address token, bool listed) external;

    // ------------------------------------------------------------------ views
    /// @notice Number of assets registered (ids are 1..assetCount).
    function assetCount() external view returns (uint32);

    /// @notice A registered asset's labels (empty strings for an id never registered).
    function getAsset(uint32 assetId) external view returns (Asset memory);

    /// @notice Whether `token` may be the reward token of offerings of `assetId`.
    function isRewardToken(uint32 assetId, address token) external view returns (bool);
}
