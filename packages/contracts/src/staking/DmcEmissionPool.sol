// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IDmcEmissionPool} from "../interfaces/IDmcEmissionPool.sol";
import {IMiningReserve} from "../interfaces/IMiningReserve.sol";

/// @title DmcEmissionPool
/// @notice The one reward accumulator of the DMC pools (NFT staking, liquidity mining, node staking): DMC
/// streams at `ratePerSecond` between `start` and `end`, up to `budget`, shared by weight, and is drawn from a
/// `MiningReserve` bucket only when an account claims (this contract must be a drawer of that bucket).
/// @dev Streaming, never a lump sum: there is no `notifyRewardAmount`, so no notify can stretch a period and
/// staking just before a "drop" earns only the seconds staked. Seconds with zero total weight emit nothing
/// (that DMC simply stays in the bucket). Rounding: each update distributes `amount * 1e12 + remainder` over
/// the total weight and carries the division's remainder to the next update, so the pool loses nothing; an
/// account's settlement truncates below 1 DMC wei (kept as emitted, never paid: paid <= emitted <= budget).
/// Storage: two pool slots (accumulator + emitted + last update; total weight + remainder + rate) and one slot
/// per account (weight + accumulator paid) plus its earned DMC. A claim only reads the pool: the stream up to
/// now is computed, not stored (what a later update stores is never less), so claiming writes one account slot.
/// The accumulator fits 128 bits: a budget is at most DMC's supply (1e26 wei), x 1e12 = 1e38 < 2^128, even
/// at a total weight of 1. No migrator, no withdrawal of stakes. `claim` makes no external call but the
/// reserve's `draw` (trusted, set at deployment; DMC has no transfer hooks) after every write, so it needs no
/// re-entrancy guard; pools that move other tokens guard their own entry points.
abstract contract DmcEmissionPool is IDmcEmissionPool, Ownable, ReentrancyGuard {
    /// @notice Scale of the reward-per-weight accumulator.
    uint256 public constant PRECISION = 1e12;
    /// @notice The largest budget: DMC's whole supply (100 million DMC).
    uint256 public constant MAX_BUDGET = 100_000_000e18;

    /// @dev Reward per unit of weight (x PRECISION) ever accrued, DMC emitted to date and the last second
    /// accounted. Written by every weight or rate change; a claim only reads it.
    struct Pool {
        uint128 rewardPerWeight;
        uint96 emitted;
        uint32 lastUpdate;
    }

    /// @dev The total weight, the undistributed remainder (DMC wei x PRECISION, below the total weight it was
    /// divided by) and the rate (DMC wei per second).
    struct Totals {
        uint96 totalWeight;
        uint96 remainder;
        uint64 rate;
    }

    /// @dev An account's weight and the accumulator value its earned DMC was settled at.
    struct Account {
        uint96 weight;
        uint128 paid;
    }

    /// @inheritdoc IDmcEmissionPool
    IMiningReserve public immutable reserve;
    /// @inheritdoc IDmcEmissionPool
    IMiningReserve.Bucket public immutable bucket;
    /// @inheritdoc IDmcEmissionPool
    uint256 public immutable budget;
    uint256 internal immutable _start;
    uint256 internal immutable _end;

    Pool private _pool;
    Totals private _totals;
    mapping(address account => Account) private _accounts;
    mapping(address account => uint256 dmc) private _earned;

    /// @param reserve_ The mining reserve (this pool must be made a drawer of `bucket_`).
    /// @param bucket_ The bucket it draws from.
    /// @param owner_ The DAO timelock (sets the rate).
    /// @param budget_ The most DMC the pool ever emits, at most {MAX_BUDGET}.
    /// @param start_ First second of emission.
    /// @param end_ Emission stops at this timestamp (after `start_`, before 2106).
    /// @param rate_ Initial DMC wei per second, at most `budget_` and 2^64 - 1.
    constructor(
        IMiningReserve reserve_,
        IMiningReserve.Bucket bucket_,
        address owner_,
        uint256 budget_,
        uint256 start_,
        uint256 end_,
        uint256 rate_
    ) Ownable(owner_) {
        if (address(reserve_) == address(0)) revert Emission_ZeroAddress();
        if (start_ >= end_ || end_ > type(uint32).max || budget_ == 0 || budget_ > MAX_BUDGET) {
            revert Emission_InvalidSchedule(start_, end_, budget_);
        }
        _checkRate(rate_, budget_);
        reserve = reserve_;
        bucket = bucket_;
        budget = budget_;
        _start = start_;
        _end = end_;
        _pool.lastUpdate = uint32(start_);
        _totals.rate = uint64(rate_);
        emit RateSet(0, rate_, start_, 0);
    }

    // =================================================================== claim and governance

    /// @inheritdoc IDmcEmissionPool
    function claim(address to) external returns (uint256 amount) {
        return _claim(msg.sender, to, true);
    }

    /// @inheritdoc IDmcEmissionPool
    /// @dev Settles the stream at the old rate up to now first: a rate change never applies to past seconds.
    function setRate(uint256 ratePerSecond_) external onlyOwner {
        _checkRate(ratePerSecond_, budget);
        (Pool memory p, Totals memory t) = _load();
        uint256 old = t.rate;
        t.rate = uint64(ratePerSecond_);
        _pool = p;
        _totals = t;
        emit RateSet(old, ratePerSecond_, block.timestamp, p.emitted);
    }

    // =================================================================== views

    /// @inheritdoc IDmcEmissionPool
    function earned(address account) external view returns (uint256) {
        (Pool memory p,) = _load();
        Account memory a = _accounts[account];
        return _earned[account] + _pending(a, p.rewardPerWeight);
    }

    /// @inheritdoc IDmcEmissionPool
    function rewardRate() external view returns (uint256) {
        if (block.timestamp < _start || block.timestamp >= _end) return 0;
        (Pool memory p, Totals memory t) = _load();
        return p.emitted < budget ? t.rate : 0;
    }

    /// @inheritdoc IDmcEmissionPool
    function ratePerSecond() external view returns (uint256) {
        return _totals.rate;
    }

    /// @inheritdoc IDmcEmissionPool
    function totalWeight() external view returns (uint256) {
        return _totals.totalWeight;
    }

    /// @inheritdoc IDmcEmissionPool
    function weightOf(address account) public view returns (uint256) {
        return _accounts[account].weight;
    }

    /// @inheritdoc IDmcEmissionPool
    function emitted() external view returns (uint256) {
        (Pool memory p,) = _load();
        return p.emitted;
    }

    /// @inheritdoc IDmcEmissionPool
    function period() external view returns (uint256 start, uint256 end) {
        return (_start, _end);
    }

    // =================================================================== internals

    /// @dev Changes `account`'s weight by `+add - sub` (callers keep `sub` within its weight), settling what it
    /// earned at the old weight first. Returns its new weight.
    function _changeWeight(address account, uint256 add, uint256 sub) internal returns (uint256 weight) {
        (Pool memory p, Totals memory t) = _load();
        Account memory a = _accounts[account];
        uint256 settled = _pending(a, p.rewardPerWeight);
        if (settled != 0) _earned[account] += settled;
        weight = a.weight + add - sub;
        uint256 total = t.totalWeight + add - sub;
        if (total > type(uint96).max) revert Emission_WeightOverflow(total);
        a.weight = uint96(weight);
        a.paid = p.rewardPerWeight;
        t.totalWeight = uint96(total);
        _accounts[account] = a;
        _pool = p;
        _totals = t;
        emit WeightChanged(account, weight, total, settled);
    }

    /// @dev Pays `account`'s earned DMC to `to`, at most what is left in the bucket. With `strict` false, pays
    /// nothing (instead of reverting) when nothing is earned or the bucket is empty.
    function _claim(address account, address to, bool strict) internal returns (uint256 amount) {
        if (to == address(0)) revert Emission_ZeroAddress();
        (Pool memory p,) = _load();
        Account memory a = _accounts[account];
        uint256 pending = _pending(a, p.rewardPerWeight);
        if (pending != 0) {
            a.paid = p.rewardPerWeight;
            _accounts[account] = a;
        }
        uint256 stored = _earned[account];
        uint256 e = stored + pending;
        if (e == 0) {
            if (strict) revert Emission_NothingToClaim(account);
            return 0;
        }
        uint256 available = reserve.remaining(bucket);
        if (available == 0) {
            if (strict) revert Emission_BucketEmpty(account, e);
            if (pending != 0) _earned[account] = e;
            return 0;
        }
        amount = e < available ? e : available;
        uint256 left = e - amount;
        if (left != stored) _earned[account] = left;
        emit DmcClaimed(account, to, amount, left);
        reserve.draw(bucket, to, amount);
    }

    /// @dev The pool state as of now (or the end): the stream accrued within the budget, in memory. Seconds
    /// with zero total weight are skipped: their DMC is never emitted.
    function _load() internal view returns (Pool memory p, Totals memory t) {
        p = _pool;
        t = _totals;
        uint256 to = block.timestamp < _end ? block.timestamp : _end;
        if (to <= p.lastUpdate) return (p, t);
        if (t.totalWeight != 0) {
            uint256 amount = uint256(t.rate) * (to - p.lastUpdate);
            uint256 left = budget - p.emitted;
            if (amount > left) amount = left;
            if (amount != 0) {
                uint256 num = amount * PRECISION + t.remainder;
                p.rewardPerWeight = SafeCast.toUint128(p.rewardPerWeight + num / t.totalWeight);
                t.remainder = uint96(num % t.totalWeight);
                p.emitted = uint96(p.emitted + amount);
            }
        }
        p.lastUpdate = uint32(to);
    }

    /// @dev What `a` earned since it was last settled, at accumulator `acc`.
    function _pending(Account memory a, uint256 acc) private pure returns (uint256) {
        if (a.weight == 0) return 0;
        return a.weight * (acc - a.paid) / PRECISION;
    }

    function _checkRate(uint256 rate, uint256 budget_) private pure {
        if (rate > budget_ || rate > type(uint64).max) revert Emission_InvalidRate(rate, budget_);
    }
}
