// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TradingRewards} from "../../../src/trading/TradingRewards.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives TradingRewards through random lives: fees in a 6-decimal and an 18-decimal listed token and in
/// an unlisted one (zero fees too) credited by the registered source to four accounts, strangers trying to credit
/// themselves, claims to the claimer or another address, governance changing the schedule mid-epoch, and time
/// passing by minutes to weeks. Keeps ghosts of every credit per (epoch, account), of the rewards settled (what
/// `rewardFor` said before the settling call) and of the DMC claims paid, and counts any settle or claim that
/// differs from its prediction and any credit a stranger managed.
contract TradingRewardsHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    TradingRewards public immutable rewards;
    IERC20 public immutable dmc;
    address public immutable source;
    address public immutable owner;
    address public immutable usdt;
    address public immutable dai;
    address public immutable unlisted;

    address[] public actors;
    address[] internal receivers;

    mapping(uint256 epoch => mapping(address account => uint256 credit)) public ghostCredit;
    mapping(uint256 epoch => uint256 credit) public ghostEpochCredit;
    uint256[] public openedEpochs;
    uint256 public ghostBudgets;
    uint256 public ghostSettled;
    uint256 public ghostClaimed;
    uint256 public settleMismatches;
    uint256 public strangerCredits;
    uint256 public badClaims;
    uint256 public claims;

    constructor(
        TradingRewards rewards_,
        address source_,
        address owner_,
        address usdt_,
        address dai_,
        address unlisted_,
        address[] memory actors_
    ) {
        rewards = rewards_;
        dmc = rewards_.dmc();
        source = source_;
        owner = owner_;
        usdt = usdt_;
        dai = dai_;
        unlisted = unlisted_;
        actors = actors_;
        receivers = actors_;
        receivers.push(address(uint160(uint256(keccak256("receiver")))));
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function openedCount() external view returns (uint256) {
        return openedEpochs.length;
    }

    function recordFee(uint256 actorSeed, uint256 tokenSeed, uint256 fee) external {
        address account = actors[actorSeed % actors.length];
        uint256 pick = tokenSeed % 4;
        address token = pick == 0 ? dai : pick == 3 ? unlisted : usdt;
        uint256 scale = token == usdt ? 1e12 : token == dai ? 1 : 0;
        fee = fee % 8 == 0 ? 0 : _bound(fee, 1, token == dai ? 1_000_000e18 : 1_000_000e6);

        uint256 epoch = rewards.currentEpoch();
        uint256 expected = _pendingReward(account, epoch);
        (,,, bool wasOpened) = rewards.epochTotals(epoch);
        (,, uint256 accruedBefore) = rewards.accountRewards(account);

        vm.prank(source);
        rewards.recordFee(account, address(0), token, fee);

        uint256 credit = fee * scale;
        if (credit == 0) return;
        ghostCredit[epoch][account] += credit;
        ghostEpochCredit[epoch] += credit;
        if (!wasOpened) {
            (, uint256 budget,,) = rewards.epochTotals(epoch);
            openedEpochs.push(epoch);
            ghostBudgets += budget;
        }
        (,, uint256 accruedAfter) = rewards.accountRewards(account);
        _checkSettled(expected, accruedAfter - accruedBefore);
    }

    function strangerRecordFee(uint256 actorSeed, uint256 fee) external {
        address stranger = actors[actorSeed % actors.length];
        (, uint256 before,) = rewards.accountRewards(stranger);
        vm.prank(stranger);
        rewards.recordFee(stranger, address(0), usdt, _bound(fee, 1, 1_000_000e6));
        (, uint256 afterCall,) = rewards.accountRewards(stranger);
        if (afterCall != before) ++strangerCredits;
    }

    function claim(uint256 actorSeed, uint256 toSeed) external {
        address account = actors[actorSeed % actors.length];
        address to = receivers[toSeed % receivers.length];
        uint256 expected = _pendingReward(account, rewards.currentEpoch());
        (,, uint256 accrued) = rewards.accountRewards(account);
        uint256 balance = dmc.balanceOf(to);
        vm.prank(account);
        try rewards.claim(to) returns (uint256 amount) {
            ++claims;
            ghostSettled += expected;
            ghostClaimed += amount;
            if (amount != accrued + expected || dmc.balanceOf(to) - balance != amount) ++badClaims;
        } catch {
            // only "nothing to claim" may refuse a claim here (the bucket is far larger than the run pays)
            if (accrued + expected != 0) ++badClaims;
        }
    }

    function setSchedule(uint256 budget, uint256 cap) external {
        vm.prank(owner);
        rewards.setSchedule(_bound(budget, 0, 200_000e18), _bound(cap, 1, 100e18));
    }

    function warp(uint256 secondsToPass) external {
        vm.warp(block.timestamp + _bound(secondsToPass, 1 minutes, 10 days));
    }

    /// @dev What the account's pending epoch pays once settled (0 when it is the current epoch or empty).
    function _pendingReward(address account, uint256 epoch) internal view returns (uint256) {
        (uint256 pending, uint256 credit,) = rewards.accountRewards(account);
        if (pending >= epoch || credit == 0) return 0;
        return rewards.rewardFor(pending, credit);
    }

    function _checkSettled(uint256 expected, uint256 settled) internal {
        ghostSettled += settled;
        if (settled != expected) ++settleMismatches;
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }
}
