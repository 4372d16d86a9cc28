// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {IPromotionNodes} from "../../../src/interfaces/IPromotionNodes.sol";
import {PromotionNodes} from "../../../src/nodes/PromotionNodes.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {TestBase} from "../../utils/TestBase.sol";

/// @notice Drives PromotionNodes for invariants 48-52: actors register main and light nodes (light ones under
/// invitations, and uninvited attempts), exit, withdraw at their cooldown (and a second before), re-delegate
/// their vault to themselves, refer purchases of each other with fees from 1 wei up, fund part or all of the
/// owed commission and claim it, while governance changes stakes, cooldown and rates and time passes.
contract NodesHandler is TestBase {
    PromotionNodes public immutable nodes;
    DMCToken public immutable dmc;
    BridgedToken public immutable usdt;
    address public immutable hook;
    address public immutable timelock;
    address[] public actors;

    /// @notice When each actor's current exit was requested (0: not in exit).
    mapping(address => uint256) public ghostExitRequestedAt;
    /// @notice The most commission each node could have earned: commissionBps (at the time) of the fees it
    /// referred, plus, for a main node, of the fees its light nodes referred.
    mapping(address => uint256) public ghostCommissionCap;
    /// @notice Each actor's votes before it ever staked.
    mapping(address => uint256) public ghostVotes;
    /// @notice Withdrawals refused at or after the cooldown's end (must stay 0).
    uint256 public withdrawFailures;
    /// @notice Withdrawals that succeeded before the cooldown's end (must stay 0).
    uint256 public earlyWithdrawals;
    uint256 public withdrawals;
    uint256 public referrals;
    uint256 public claims;

    constructor(
        PromotionNodes nodes_,
        DMCToken dmc_,
        BridgedToken usdt_,
        address hook_,
        address timelock_,
        address[] memory actors_
    ) {
        nodes = nodes_;
        dmc = dmc_;
        usdt = usdt_;
        hook = hook_;
        timelock = timelock_;
        actors = actors_;
        for (uint256 i; i < actors_.length; ++i) {
            ghostVotes[actors_[i]] = dmc_.getVotes(actors_[i]);
        }
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function registerMain(uint256 seed) external {
        address a = _actor(seed);
        vm.prank(a);
        try nodes.registerMainNode() {} catch {}
    }

    function registerLight(uint256 seed, uint256 mainSeed, bool invite) external {
        address a = _actor(seed);
        address m = _actor(mainSeed);
        if (invite && m != a && nodes.isLiveNode(m) && nodes.nodeOf(m).kind == IPromotionNodes.Kind.Main) {
            vm.prank(m);
            nodes.recruit(a, true);
        }
        vm.prank(a);
        try nodes.registerLightNode(m) {} catch {}
    }

    function requestExit(uint256 seed) external {
        address a = _actor(seed);
        vm.prank(a);
        try nodes.requestExit() {
            ghostExitRequestedAt[a] = block.timestamp;
        } catch {}
    }

    /// @dev Tries a second early (must fail), then at the cooldown's end exactly (must succeed).
    function withdraw(uint256 seed) external {
        address a = _actor(seed);
        IPromotionNodes.Node memory n = nodes.nodeOf(a);
        if (n.kind == IPromotionNodes.Kind.None || n.exitReadyAt == 0) return;
        if (block.timestamp < n.exitReadyAt) {
            vm.warp(n.exitReadyAt - 1);
            vm.prank(a);
            try nodes.withdraw() {
                ++earlyWithdrawals;
            } catch {}
            vm.warp(n.exitReadyAt);
        }
        vm.prank(a);
        try nodes.withdraw() {
            ++withdrawals;
            ghostExitRequestedAt[a] = 0;
        } catch {
            ++withdrawFailures;
        }
    }

    function delegateSelf(uint256 seed) external {
        address a = _actor(seed);
        vm.prank(a);
        try nodes.delegateVault(a) {} catch {}
    }

    function refer(uint256 referrerSeed, uint256 buyerSeed, uint256 fee) external {
        address r = _actor(referrerSeed);
        address b = buyerSeed % 5 == 0 ? r : _actor(buyerSeed);
        fee = fee % 4 == 0 ? _bound(fee, 0, 10) : _bound(fee, 0, 100_000e6);
        IPromotionNodes.Node memory n = nodes.nodeOf(r);
        uint256 cap = fee * nodes.commissionBps() / 10_000;
        ghostCommissionCap[r] += cap;
        if (n.mainNode != address(0)) ghostCommissionCap[n.mainNode] += cap;
        vm.prank(hook);
        nodes.recordReferral(r, b, address(usdt), fee);
        ++referrals;
    }

    function fund(uint256 amount) external {
        uint256 unfunded = nodes.unfundedCommission(address(usdt));
        amount = amount % 3 == 0 ? unfunded : _bound(amount, 0, unfunded);
        usdt.mint(address(this), amount);
        usdt.approve(address(nodes), amount);
        nodes.fundCommission(address(usdt), amount);
    }

    function claim(uint256 seed, uint256 toSeed) external {
        address a = _actor(seed);
        vm.prank(a);
        try nodes.claimCommission(address(usdt), _actor(toSeed)) {
            ++claims;
        } catch {}
    }

    function setCommission(uint256 bps, uint256 share) external {
        vm.prank(timelock);
        nodes.setCommission(_bound(bps, 0, 5_000), _bound(share, 0, 10_000));
    }

    function setStakes(uint256 mainStake, uint256 lightStake, uint256 cooldown) external {
        vm.startPrank(timelock);
        nodes.setStakes(_bound(mainStake, 1e18, 30_000e18), _bound(lightStake, 1e18, 5_000e18));
        nodes.setCooldown(_bound(cooldown, 1 days, 90 days));
        vm.stopPrank();
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + _bound(secs, 1, 20 days));
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        return bound(x, min, max);
    }
}
