// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IMiningReserveErrors} from "../errors/DmcErrors.sol";

/// @title IMiningReserve
/// @notice The DMC set aside for mining, in three buckets the mining contracts draw from; the DAO
/// authorises drawers per bucket and a drawer takes at most what is left in its bucket.
interface IMiningReserve is IMiningReserveErrors {
    /// @notice The mining buckets.
    enum Bucket {
        Behaviour,
        Liquidity,
        NodeStaking
    }

    /// @notice `drawer` was allowed (or no longer allowed) to draw from `bucket`.
    /// @param bucket The bucket.
    /// @param drawer The mining contract.
    /// @param allowed Whether it may draw now.
    event DrawerSet(Bucket indexed bucket, address indexed drawer, bool allowed);
    /// @notice `drawer` paid `amount` DMC from `bucket` to `to`.
    /// @param bucket The bucket drawn from.
    /// @param drawer The mining contract that drew.
    /// @param to The recipient.
    /// @param amount DMC in wei.
    event Drawn(Bucket indexed bucket, address indexed drawer, address indexed to, uint256 amount);
    /// @notice The bucket sizes at genesis.
    /// @param behaviour Behaviour-mining bucket size (DMC wei).
    /// @param liquidity Liquidity-mining bucket size (DMC wei).
    /// @param nodeStaking Node-staking bucket size (DMC wei).
    event BucketsFunded(uint256 behaviour, uint256 liquidity, uint256 nodeStaking);
    /// @notice `from` added `amount` DMC to `bucket` (for example DMC the fee buyback bought back).
    /// @param bucket The bucket replenished.
    /// @param from The account the DMC came from.
    /// @param amount DMC in wei.
    /// @param remaining What is left to draw in the bucket after it.
    event Replenished(Bucket indexed bucket, address indexed from, uint256 amount, uint256 remaining);

    /// @notice Allows or disallows `drawer` to draw from `bucket`. DAO only. Emits {DrawerSet}.
    /// @param bucket The bucket.
    /// @param drawer The mining contract (not zero).
    /// @param allowed Whether it may draw.
    function setDrawer(Bucket bucket, address drawer, bool allowed) external;

    /// @notice Pays `amount` DMC from `bucket` to `to`. Authorised drawers only. Emits {Drawn}.
    /// @param bucket The bucket to draw from.
    /// @param to The recipient (a miner of DMC).
    /// @param amount DMC in wei, at most {remaining} of the bucket.
    function draw(Bucket bucket, address to, uint256 amount) external;

    /// @notice Pulls `amount` DMC from the caller (which approved it) and adds it to what is left in `bucket`.
    /// Anyone may replenish; nothing can be taken out this way. Emits {Replenished}.
    /// @param bucket The bucket to add to.
    /// @param amount DMC in wei, not zero.
    function replenish(Bucket bucket, uint256 amount) external;

    /// @notice The DMC token.
    /// @return The token the buckets hold.
    function dmc() external view returns (IERC20);

    /// @notice What is left to draw in `bucket`.
    /// @param bucket The bucket.
    /// @return DMC in wei.
    function remaining(Bucket bucket) external view returns (uint256);

    /// @notice Whether `drawer` may draw from `bucket`.
    /// @param bucket The bucket.
    /// @param drawer The contract.
    /// @return True if it may draw.
    function isDrawer(Bucket bucket, address drawer) external view returns (bool);
}
