// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IReferralRecorder} from "../interfaces/IFeeSinks.sol";
import {IMiningReserve} from "../interfaces/IMiningReserve.sol";
import {ITradingRewards} from "../interfaces/ITradingRewards.sol";

/// @title TradingRewards
/// @notice DMC for trading fees, drawn from the behaviour-mining bucket of `MiningReserve` when claimed
/// (nothing is pre-funded: this contract must be a drawer of that bucket). Per epoch an account earns
/// min(budget * credit / totalCredit, credit * cap / 1e18), rounded down, so the epoch's rewards never exceed
/// its budget and an account never earns more than `cap` DMC per dollar of fees: two accounts washing a
/// position back and forth lose money at any DMC price below 1e18 / cap dollars ($0.10 at the deploy cap of
/// 10 DMC per $1).
/// @dev Storage is one slot per account (its pending epoch, its credit there and its settled DMC) and two per
/// epoch (written at the epoch's first credit), so crediting and claiming are O(1) however long an account was
/// idle. A claim pays at most what is left in the bucket and keeps the rest claimable.
contract TradingRewards is ITradingRewards, Ownable, ReentrancyGuard {
    /// @notice The largest budget an epoch may have (10 million DMC).
    uint256 public constant MAX_DMC_PER_EPOCH = 10_000_000e18;
    /// @notice The largest cap (one million DMC per $1 of fees; the deploy value is 10).
    uint256 public constant MAX_CAP_DMC_PER_FEE_UNIT = 1_000_000e18;
    /// @notice The shortest epoch (an epoch number must fit the account slot's 32 bits for ever).
    uint256 public constant MIN_EPOCH_DURATION = 1 hours;
    /// @notice The gas bound of a referral: a first referral writing four new slots needs about 100k.
    uint256 public constant REFERRAL_GAS = 150_000;

    /// @dev An account's pending epoch, its credit in that epoch, and its settled, unclaimed DMC. One slot.
    struct AccountSlot {
        uint32 epoch;
        uint96 credit;
        uint128 accrued;
    }

    /// @dev An epoch's totals. The first slot holds what a credit writes; the cap is read only to settle.
    struct EpochSlot {
        uint128 totalCredit;
        uint96 dmcPerEpoch;
        bool opened;
        uint96 capDmcPerFeeUnit;
    }

    /// @dev A listed fee token: `scale` = 10^(18 - decimals), zero when not listed.
    struct FeeToken {
        uint64 scale;
        uint8 decimals;
    }

    /// @notice The DMC token the reserve pays.
    IERC20 public immutable dmc;
    /// @notice The reserve whose behaviour bucket pays the rewards.
    IMiningReserve public immutable reserve;
    /// @notice When epoch 0 starts (seconds).
    uint256 public immutable genesis;
    /// @notice Seconds per epoch.
    uint256 public immutable epochDuration;

    /// @notice Contracts allowed to credit fees.
    mapping(address source => bool allowed) public isSource;
    /// @notice The referral recorder (PromotionNodes; zero: none).
    address public referrals;

    mapping(address token => FeeToken) private _feeTokens;
    mapping(address account => AccountSlot) private _accounts;
    mapping(uint256 epoch => EpochSlot) private _epochs;
    /// @dev The schedule in force, and the one set for a later epoch (fromEpoch 0: none).
    Schedule private _current;
    Schedule private _pending;

    /// @param owner_ The DAO timelock.
    /// @param dmc_ The DMC token (the reserve's token).
    /// @param reserve_ The mining reserve; this contract must be a drawer of its behaviour bucket.
    /// @param genesis_ When epoch 0 starts, at or before now.
    /// @param epochDuration_ Seconds per epoch, at least {MIN_EPOCH_DURATION}.
    /// @param dmcPerEpoch The budget of each epoch (DMC wei), at most {MAX_DMC_PER_EPOCH}.
    /// @param capDmcPerFeeUnit DMC wei per 1e18 of fee credit at most, in (0, {MAX_CAP_DMC_PER_FEE_UNIT}].
    constructor(
        address owner_,
        IERC20 dmc_,
        IMiningReserve reserve_,
        uint256 genesis_,
        uint256 epochDuration_,
        uint256 dmcPerEpoch,
        uint256 capDmcPerFeeUnit
    ) Ownable(owner_) {
        if (address(dmc_) == address(0) || address(reserve_) == address(0)) {
            revert Rewards_ZeroAddress();
        }
        if (address(reserve_.dmc()) != address(dmc_)) revert Rewards_ReserveTokenMismatch(address(dmc_));
        if (epochDuration_ < MIN_EPOCH_DURATION || genesis_ > block.timestamp) {
            revert Rewards_InvalidEpochs(genesis_, epochDuration_);
        }
        _checkSchedule(dmcPerEpoch, capDmcPerFeeUnit);
        dmc = dmc_;
        reserve = reserve_;
        genesis = genesis_;
        epochDuration = epochDuration_;
        _current = Schedule(uint96(dmcPerEpoch), uint96(capDmcPerFeeUnit), 0);
        emit ScheduleSet(0, dmcPerEpoch, capDmcPerFeeUnit);
    }

    // =================================================================== credit and claim

    /// @inheritdoc ITradingRewards
    function recordFee(address account, address referrer, address token, uint256 fee) external {
        // A caller that is not a registered source credits nothing, and does not revert: a sale that calls a
        // rewards contract governance has not (or no longer) registered it with must still go through.
        if (!isSource[msg.sender]) return;
        uint256 scale = _feeTokens[token].scale;
        if (scale == 0 || fee == 0) return;

        uint256 epoch = currentEpoch();
        EpochSlot storage e = _epochs[epoch];
        if (!e.opened) _open(e, epoch);
        AccountSlot memory a = _accounts[account];
        if (a.epoch != epoch) {
            _settle(account, a);
            a.epoch = uint32(epoch);
        }

        // Saturate instead of overflowing: a sale must never fail for its reward (no real fee comes close).
        uint256 credit = fee > type(uint96).max ? type(uint96).max : fee * scale;
        uint256 room = type(uint96).max - a.credit;
        if (credit > room) credit = room;
        uint256 total = e.totalCredit;
        room = type(uint128).max - total;
        if (credit > room) credit = room;
        uint256 accountCredit = a.credit + credit;
        total += credit;

        a.credit = uint96(accountCredit);
        _accounts[account] = a;
        e.totalCredit = uint128(total);
        emit FeeCredited(account, epoch, msg.sender, token, fee, credit, accountCredit, total);
        if (referrer != address(0)) _refer(account, referrer, token, fee);
    }

    /// @inheritdoc ITradingRewards
    /// @dev Pays at most what is left in the behaviour bucket; the rest stays claimable.
    function claim(address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert Rewards_ZeroAddress();
        AccountSlot memory a = _accounts[msg.sender];
        if (a.epoch < currentEpoch()) _settle(msg.sender, a);
        if (a.accrued == 0) revert Rewards_NothingToClaim(msg.sender);
        amount = a.accrued;
        uint256 available = reserve.remaining(IMiningReserve.Bucket.Behaviour);
        if (available == 0) revert Rewards_BucketEmpty(msg.sender, amount);
        if (amount > available) amount = available;
        a.accrued -= uint128(amount);
        _accounts[msg.sender] = a;
        emit RewardsClaimed(msg.sender, to, amount);
        reserve.draw(IMiningReserve.Bucket.Behaviour, to, amount);
    }

    /// @dev Forwards a referral. The recorder is DAO-set but still untrusted here: it runs inside a try with
    /// REFERRAL_GAS at most, so neither a revert nor a gas sink in it can fail the sale. A buyer who sends just
    /// too little gas for the referral only loses its referrer's commission, which it could have left out anyway.
    function _refer(address account, address referrer, address token, uint256 fee) private {
        address recorder = referrals;
        if (recorder == address(0)) return;
        try IReferralRecorder(recorder).recordReferral{gas: REFERRAL_GAS}(referrer, account, token, fee) {}
        catch {
            emit ReferralFailed(referrer, account, token, fee);
        }
    }

    // =================================================================== governance

    /// @inheritdoc ITradingRewards
    function setReferrals(address recorder) external onlyOwner {
        referrals = recorder;
        emit ReferralsSet(recorder);
    }

    /// @inheritdoc ITradingRewards
    function setSource(address source, bool allowed) external onlyOwner {
        if (source == address(0)) revert Rewards_ZeroAddress();
        isSource[source] = allowed;
        emit SourceSet(source, allowed);
    }

    /// @inheritdoc ITradingRewards
    function setFeeToken(address token, bool listed) external onlyOwner {
        if (token == address(0)) revert Rewards_ZeroAddress();
        uint8 decimals = _feeTokens[token].decimals;
        if (listed) {
            decimals = IERC20Metadata(token).decimals();
            if (decimals > 18) revert Rewards_UnsupportedDecimals(token, decimals);
            _feeTokens[token] = FeeToken(uint64(10 ** (18 - decimals)), decimals);
        } else {
            _feeTokens[token].scale = 0;
        }
        emit FeeTokenSet(token, decimals, listed);
    }

    /// @inheritdoc ITradingRewards
    /// @dev Applies from `currentEpoch() + 1`. Setting it again in the same epoch replaces the pending one.
    function setSchedule(uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit) external onlyOwner {
        _checkSchedule(dmcPerEpoch, capDmcPerFeeUnit);
        uint256 next = currentEpoch() + 1;
        Schedule memory pending = _pending;
        // A pending schedule whose epoch has come is the one in force now: promote it before replacing it.
        if (pending.fromEpoch != 0 && pending.fromEpoch < next) _current = pending;
        _pending = Schedule(uint96(dmcPerEpoch), uint96(capDmcPerFeeUnit), uint32(next));
        emit ScheduleSet(next, dmcPerEpoch, capDmcPerFeeUnit);
    }

    // =================================================================== views

    /// @inheritdoc ITradingRewards
    function earned(address account)
        external
        view
        returns (uint256 claimableNow, uint256 currentCredit, uint256 currentEstimate)
    {
        AccountSlot memory a = _accounts[account];
        uint256 epoch = currentEpoch();
        claimableNow = a.accrued;
        if (a.epoch < epoch) {
            claimableNow += _reward(_epochs[a.epoch], a.credit);
        } else {
            currentCredit = a.credit;
            currentEstimate = _reward(_epochs[epoch], a.credit);
        }
    }

    /// @inheritdoc ITradingRewards
    /// @dev For an epoch not opened yet, `credit` is taken as its only credit under {scheduleFor}.
    function rewardFor(uint256 epoch, uint256 credit) external view returns (uint256) {
        EpochSlot memory e = _epochs[epoch];
        if (!e.opened) {
            (uint256 budget, uint256 cap) = scheduleFor(epoch);
            return _formula(budget, cap, credit, credit);
        }
        return _formula(e.dmcPerEpoch, e.capDmcPerFeeUnit, credit, e.totalCredit);
    }

    /// @inheritdoc ITradingRewards
    function epochTotals(uint256 epoch)
        external
        view
        returns (uint256 totalCredit, uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit, bool opened)
    {
        EpochSlot memory e = _epochs[epoch];
        return (e.totalCredit, e.dmcPerEpoch, e.capDmcPerFeeUnit, e.opened);
    }

    /// @inheritdoc ITradingRewards
    function accountRewards(address account) external view returns (uint256 epoch, uint256 credit, uint256 accrued) {
        AccountSlot memory a = _accounts[account];
        return (a.epoch, a.credit, a.accrued);
    }

    /// @inheritdoc ITradingRewards
    /// @dev A timestamp before genesis is in epoch 0.
    function epochAt(uint256 timestamp) public view returns (uint256) {
        if (timestamp < genesis) return 0;
        return (timestamp - genesis) / epochDuration;
    }

    /// @inheritdoc ITradingRewards
    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - genesis) / epochDuration;
    }

    /// @inheritdoc ITradingRewards
    function epochStart(uint256 epoch) external view returns (uint256) {
        return genesis + epoch * epochDuration;
    }

    /// @inheritdoc ITradingRewards
    function scheduleFor(uint256 epoch) public view returns (uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit) {
        Schedule memory s = _pending;
        if (s.fromEpoch == 0 || epoch < s.fromEpoch) s = _current;
        return (s.dmcPerEpoch, s.capDmcPerFeeUnit);
    }

    // =================================================================== internals

    /// @dev Snapshots the schedule in force for `epoch` at its first credit.
    function _open(EpochSlot storage e, uint256 epoch) private {
        (uint256 budget, uint256 cap) = scheduleFor(epoch);
        e.dmcPerEpoch = uint96(budget);
        e.opened = true;
        e.capDmcPerFeeUnit = uint96(cap);
        emit EpochOpened(epoch, budget, cap);
    }

    /// @dev Moves the reward of the account's pending epoch (finished: callers check) into `accrued`, in memory.
    function _settle(address account, AccountSlot memory a) private {
        if (a.credit == 0) return;
        uint256 reward = _reward(_epochs[a.epoch], a.credit);
        a.accrued += uint128(reward);
        emit RewardsSettled(account, a.epoch, a.credit, reward);
        a.credit = 0;
    }

    function _reward(EpochSlot storage e, uint256 credit) private view returns (uint256) {
        if (credit == 0) return 0;
        return _formula(e.dmcPerEpoch, e.capDmcPerFeeUnit, credit, e.totalCredit);
    }

    /// @dev min(budget * credit / total, credit * cap / 1e18), rounded down; a share never exceeds the budget.
    function _formula(uint256 budget, uint256 cap, uint256 credit, uint256 total) private pure returns (uint256) {
        if (credit == 0 || cap == 0) return 0;
        if (total < credit) total = credit;
        uint256 share = Math.mulDiv(budget, credit, total);
        // credit * cap overflowing means the cap is beyond any budget: the share binds
        uint256 capped = credit > type(uint256).max / cap ? type(uint256).max : credit * cap / 1e18;
        return share < capped ? share : capped;
    }

    function _checkSchedule(uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit) private pure {
        if (dmcPerEpoch > MAX_DMC_PER_EPOCH || capDmcPerFeeUnit == 0 || capDmcPerFeeUnit > MAX_CAP_DMC_PER_FEE_UNIT) {
            revert Rewards_InvalidSchedule(dmcPerEpoch, capDmcPerFeeUnit);
        }
    }
}
