// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMiningReserve} from "../interfaces/IMiningReserve.sol";
import {IPositionLocks} from "../interfaces/IPositionLocks.sol";
import {IPositionStaking} from "../interfaces/IPositionStaking.sol";
import {PositionLocker} from "../lockers/PositionLocker.sol";
import {LockPayouts, OfferingStatus, PositionState} from "../types/HashpowerTypes.sol";
import {DmcEmissionPool} from "./DmcEmissionPool.sol";

/// @title PositionStaking
/// @notice Stake hashpower positions to mine DMC from the behaviour bucket of `MiningReserve` ("stake NFT
/// assets to mine DMC" is a behaviour of the seeds). A stake is a lock with payouts bits 0 (decision 0016):
/// the position stays with its owner, who keeps claiming every daily mining reward and any refund from the
/// exchange. Weight = units x days of term left when staked (today counted), so a position about to expire
/// does not weigh like a new one; {poke} (anyone) lowers a stake to its current days left, and to zero once
/// the term ended or the offering was halted. See docs/decisions/0019-dmc-emission-pools.md.
/// @dev Only the exchange is called (lock, unlock, positionState): no token moves and no receiver callback runs,
/// so stake, unstake and poke need no re-entrancy guard; claim has one. This contract never owns a position.
contract PositionStaking is IPositionStaking, DmcEmissionPool, PositionLocker {
    /// @dev A stake: its owner and its weight in the pool. One slot.
    struct Stake {
        address staker;
        uint96 weight;
    }

    mapping(uint256 tokenId => Stake) private _stakes;

    /// @param positions_ The exchange (governance must approve this contract as a locker).
    /// @param reserve_ The mining reserve (the DAO must make this contract a drawer of the behaviour bucket).
    /// @param owner_ The DAO timelock.
    /// @param budget_ The most DMC this pool emits.
    /// @param start_ First second of emission.
    /// @param end_ Emission stops at this timestamp.
    /// @param rate_ DMC wei per second.
    constructor(
        IPositionLocks positions_,
        IMiningReserve reserve_,
        address owner_,
        uint256 budget_,
        uint256 start_,
        uint256 end_,
        uint256 rate_
    )
        PositionLocker(positions_)
        DmcEmissionPool(reserve_, IMiningReserve.Bucket.Behaviour, owner_, budget_, start_, end_, rate_)
    {}

    /// @inheritdoc IPositionStaking
    function stake(uint256[] calldata tokenIds) external {
        uint256 n = tokenIds.length;
        if (n == 0) revert NftStaking_NoPositions();
        uint256 today = block.timestamp / 1 days;
        uint256 added;
        for (uint256 i; i < n; ++i) {
            uint256 tokenId = tokenIds[i];
            // _lock checks that the caller owns it (a stranger cannot stake someone's approved position) and the
            // exchange refuses a position another locker holds (a listing's auction, a loan).
            PositionState memory st = _lock(tokenId, msg.sender, LockPayouts.TO_OWNER);
            _requireLive(tokenId, st);
            uint256 daysLeft = st.termEndDay - today;
            uint256 weight = st.units * daysLeft;
            _stakes[tokenId] = Stake(msg.sender, uint96(weight));
            added += weight;
            emit PositionStaked(tokenId, msg.sender, st.units, daysLeft, weight);
        }
        _changeWeight(msg.sender, added, 0);
    }

    /// @inheritdoc IPositionStaking
    function unstake(uint256[] calldata tokenIds) external {
        uint256 n = tokenIds.length;
        if (n == 0) revert NftStaking_NoPositions();
        uint256 removed;
        for (uint256 i; i < n; ++i) {
            uint256 tokenId = tokenIds[i];
            Stake memory s = _stakes[tokenId];
            if (s.staker == address(0)) revert NftStaking_NotStaked(tokenId);
            if (s.staker != msg.sender) revert NftStaking_NotStaker(tokenId, msg.sender, s.staker);
            delete _stakes[tokenId];
            removed += s.weight;
            emit PositionUnstaked(tokenId, msg.sender, s.weight);
        }
        _changeWeight(msg.sender, 0, removed);
        for (uint256 i; i < n; ++i) {
            _unlock(tokenIds[i]);
        }
    }

    /// @inheritdoc IPositionStaking
    function poke(uint256[] calldata tokenIds) external {
        uint256 today = block.timestamp / 1 days;
        for (uint256 i; i < tokenIds.length; ++i) {
            uint256 tokenId = tokenIds[i];
            Stake memory s = _stakes[tokenId];
            if (s.staker == address(0)) continue;
            PositionState memory st = positions.positionState(tokenId);
            bool held = st.lockHolder == address(this);
            uint256 weight = held ? _weightOf(st, today) : 0;
            if (weight >= s.weight && held) continue;
            _changeWeight(s.staker, 0, s.weight - weight);
            if (held) {
                _stakes[tokenId].weight = uint96(weight);
            } else {
                // Governance freed the position (a revoked locker): the stake is over, nothing to unlock.
                delete _stakes[tokenId];
                emit PositionUnstaked(tokenId, s.staker, s.weight);
            }
            emit StakeReweighted(tokenId, s.staker, s.weight, weight, msg.sender);
        }
    }

    /// @inheritdoc IPositionStaking
    function stakeOf(uint256 tokenId) external view returns (address staker, uint256 weight) {
        Stake memory s = _stakes[tokenId];
        return (s.staker, s.weight);
    }

    /// @inheritdoc IPositionStaking
    function currentWeightOf(uint256 tokenId) external view returns (uint256) {
        if (_stakes[tokenId].staker == address(0)) return 0;
        PositionState memory st = positions.positionState(tokenId);
        if (st.lockHolder != address(this)) return 0;
        return _weightOf(st, block.timestamp / 1 days);
    }

    /// @dev units x days of term left (today counted); zero once halted or over.
    function _weightOf(PositionState memory st, uint256 today) private pure returns (uint256) {
        if (st.status == OfferingStatus.Halted || today >= st.termEndDay) return 0;
        return st.units * (st.termEndDay - today);
    }
}
