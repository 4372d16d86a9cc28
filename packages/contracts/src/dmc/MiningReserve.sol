// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IMiningReserve} from "../interfaces/IMiningReserve.sol";

/// @title MiningReserve
/// @notice Holds the 50% of DMC set aside for mining, split into three buckets the future mining
/// contracts draw from: behaviour mining (30%: primary buys, trades, DeFi), liquidity mining (10%)
/// and node staking (10%). The DAO (owner: the timelock) authorises drawers per bucket; a drawer can
/// take at most what is left in its bucket, so no bucket can eat another's share. Anyone may `replenish` a
/// bucket with DMC (the fee buyback does).
contract MiningReserve is IMiningReserve, Ownable {
    using SafeERC20 for IERC20;

    /// @notice The DMC token.
    IERC20 public immutable dmc;
    /// @notice What is left to draw in each bucket.
    mapping(Bucket bucket => uint256 amount) public remaining;
    /// @notice Contracts allowed to draw from a bucket.
    mapping(Bucket bucket => mapping(address drawer => bool allowed)) public isDrawer;

    /// @param dmc_ The DMC token (which mints the sum of the buckets to this contract).
    /// @param owner_ The DAO timelock.
    /// @param behaviour Behaviour-mining bucket size.
    /// @param liquidity Liquidity-mining bucket size.
    /// @param nodeStaking Node-staking bucket size.
    constructor(IERC20 dmc_, address owner_, uint256 behaviour, uint256 liquidity, uint256 nodeStaking)
        Ownable(owner_)
    {
        if (address(dmc_) == address(0)) revert Reserve_ZeroAddress();
        dmc = dmc_;
        remaining[Bucket.Behaviour] = behaviour;
        remaining[Bucket.Liquidity] = liquidity;
        remaining[Bucket.NodeStaking] = nodeStaking;
        emit BucketsFunded(behaviour, liquidity, nodeStaking);
    }

    /// @notice Allows or disallows `drawer` to draw from `bucket`. DAO only.
    /// @param bucket The bucket.
    /// @param drawer The mining contract.
    /// @param allowed Whether it may draw.
    function setDrawer(Bucket bucket, address drawer, bool allowed) external onlyOwner {
        if (drawer == address(0)) revert Reserve_ZeroAddress();
        isDrawer[bucket][drawer] = allowed;
        emit DrawerSet(bucket, drawer, allowed);
    }

    /// @notice Pays `amount` DMC from `bucket` to `to`. Authorised drawers only.
    /// @param bucket The bucket to draw from.
    /// @param to The recipient (a miner of DMC).
    /// @param amount DMC in wei.
    function draw(Bucket bucket, address to, uint256 amount) external {
        if (!isDrawer[bucket][msg.sender]) revert Reserve_NotDrawer(uint8(bucket), msg.sender);
        uint256 available = remaining[bucket];
        if (amount > available) revert Reserve_BucketExhausted(uint8(bucket), amount, available);
        remaining[bucket] = available - amount;
        emit Drawn(bucket, msg.sender, to, amount);
        dmc.safeTransfer(to, amount);
    }

    /// @notice Pulls `amount` DMC from the caller and adds it to `bucket` (the fee buyback returns the DMC it
    /// bought to the behaviour bucket this way). Anyone may add; only drawers take out.
    /// @param bucket The bucket to add to.
    /// @param amount DMC in wei.
    function replenish(Bucket bucket, uint256 amount) external {
        if (amount == 0) revert Reserve_ZeroAmount();
        uint256 total = remaining[bucket] + amount;
        remaining[bucket] = total;
        emit Replenished(bucket, msg.sender, amount, total);
        dmc.safeTransferFrom(msg.sender, address(this), amount);
    }
}
