// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

import {MutualInsurance} from "../../../src/insurance/MutualInsurance.sol";
import {IMutualInsurance} from "../../../src/interfaces/IMutualInsurance.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives MutualInsurance through random lives: four underwriters staking (1 wei to a million DMC),
/// requesting, cancelling and withdrawing at random times, premiums in USDT (with nobody staked too) and their
/// claims, the fund added to and DMC sent without a call then synced, slashed stakes for two halted offerings,
/// claims opened by anyone (and again by the DAO), rejected, closed and expired, payouts of random size (beyond
/// the pool too) executed by the DAO, positions claiming them (strangers calling, twice, after a transfer), and
/// time passing by minutes to ten days. Ghosts record what the pool cannot tell afterwards.
contract InsuranceHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant BPS = 10_000;

    MutualInsurance public immutable pool;
    BridgedToken public immutable dmc;
    BridgedToken public immutable usdt;
    IERC721 public immutable positions;
    address public immutable dao;
    address public immutable bridge;

    address[] public actors;
    uint256[] public tokenIds;
    uint256[] public offeringIds;
    uint256[] public payoutIds;

    mapping(address account => uint256) public ghostDeposited;
    mapping(address account => uint256) public ghostWithdrawn;
    mapping(address account => uint256) public ghostOps;
    mapping(uint256 payoutId => uint256) public ghostClaimed;
    uint256 public ghostIn; // DMC that entered a pot
    uint256 public ghostUnsynced; // DMC sent without a call, not synced yet
    uint256 public ghostPayoutTotals;
    uint256 public ghostPotLoss;
    uint256 public ghostPremiumsDeposited;
    uint256 public ghostPremiumsClaimed;
    uint256 public payoutsBeyondThePool; // a payout that took more than the order of loss allowed
    uint256 public blockedWithdrawals; // a withdrawal inside its window, not frozen, that failed or misspaid
    uint256 public exitsWhileFrozen;
    uint256 public doubleClaims;
    uint256 public syncMismatches;
    mapping(uint256 payoutId => uint256) public ghostExpired;
    uint256 public executed;
    uint256 public withdrawals;
    uint256 public positionClaims;

    constructor(
        MutualInsurance pool_,
        BridgedToken usdt_,
        address dao_,
        address bridge_,
        address[] memory actors_,
        uint256[] memory tokenIds_,
        uint256[] memory offeringIds_
    ) {
        pool = pool_;
        dmc = BridgedToken(address(pool_.dmc()));
        usdt = usdt_;
        positions = IERC721(address(pool_.exchange()));
        dao = dao_;
        bridge = bridge_;
        actors = actors_;
        tokenIds = tokenIds_;
        offeringIds = offeringIds_;
        vm.prank(bridge_);
        usdt_.mint(address(this), 1e30);
        usdt_.approve(address(pool_), type(uint256).max);
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function tokenCount() external view returns (uint256) {
        return tokenIds.length;
    }

    function payoutCount() external view returns (uint256) {
        return payoutIds.length;
    }

    // ------------------------------------------------------------------ underwriters

    function underwrite(uint256 actorSeed, uint256 amount) public {
        address who = actors[actorSeed % actors.length];
        amount = amount % 4 == 0 ? 1 + amount % 10 : 1 + amount % 1_000_000e18;
        _mintDmc(who, amount);
        vm.prank(who);
        try pool.underwrite(amount) {
            ghostDeposited[who] += amount;
            ghostIn += amount;
            ++ghostOps[who];
        } catch {}
    }

    function requestUnstake(uint256 actorSeed, uint256 fraction) public {
        address who = actors[actorSeed % actors.length];
        (uint256 shares,) = pool.underwriterOf(who);
        uint256 asked = shares * (1 + fraction % 4) / 4;
        (bool isFrozen,) = pool.frozen();
        vm.prank(who);
        try pool.requestUnstake(asked) {
            if (isFrozen) ++exitsWhileFrozen;
        } catch {}
    }

    function cancelUnstake(uint256 actorSeed) public {
        address who = actors[actorSeed % actors.length];
        vm.prank(who);
        try pool.cancelUnstake() {} catch {}
    }

    function withdraw(uint256 actorSeed) public {
        address who = actors[actorSeed % actors.length];
        IMutualInsurance.Request memory r = pool.requestOf(who);
        (bool isFrozen,) = pool.frozen();
        bool open = r.shares != 0 && block.timestamp >= r.readyAt && block.timestamp < r.expiresAt;
        uint256 expected = pool.previewWithdraw(r.shares);
        uint256 before = dmc.balanceOf(who);
        vm.prank(who);
        try pool.withdraw() returns (uint256 paid) {
            if (isFrozen || !open) ++exitsWhileFrozen;
            if (paid != expected || dmc.balanceOf(who) - before != paid) ++blockedWithdrawals;
            ghostWithdrawn[who] += paid;
            ++ghostOps[who];
            ++withdrawals;
        } catch {
            if (open && !isFrozen) ++blockedWithdrawals;
        }
    }

    function claimPremium(uint256 actorSeed, bool toOther) public {
        address who = actors[actorSeed % actors.length];
        address to = toOther ? address(0xBEEF) : who;
        vm.prank(who);
        try pool.claimPremium(address(usdt), to) returns (uint256 amount) {
            ghostPremiumsClaimed += amount;
        } catch {}
    }

    function depositPremium(uint256 amount) public {
        amount = 1 + amount % 100_000e6;
        pool.depositPremium(address(usdt), amount);
        ghostPremiumsDeposited += amount;
    }

    // ------------------------------------------------------------------ pots

    function addToFund(uint256 amount) public {
        amount = 1 + amount % 1_000_000e18;
        _mintDmc(dao, amount);
        vm.prank(dao);
        pool.addToFund(amount);
        ghostIn += amount;
    }

    function donate(uint256 amount) public {
        amount = 1 + amount % 100_000e18;
        _mintDmc(address(this), amount);
        dmc.transfer(address(pool), amount);
        ghostUnsynced += amount;
    }

    function syncFund() public {
        uint256 synced = pool.syncFund();
        if (synced != ghostUnsynced) ++syncMismatches; // sync must take exactly the untracked DMC
        ghostIn += synced;
        ghostUnsynced = 0;
    }

    function depositSlashed(uint256 offeringSeed, uint256 amount) public {
        uint256 offeringId = offeringIds[offeringSeed % offeringIds.length];
        amount = 1 + amount % 100_000e18;
        _mintDmc(dao, amount);
        vm.prank(dao);
        pool.depositSlashed(offeringId, amount);
        ghostIn += amount;
    }

    // ------------------------------------------------------------------ claims and payouts

    function openClaim(uint256 offeringSeed, bool asDao) public {
        uint256 offeringId = offeringIds[offeringSeed % offeringIds.length];
        vm.prank(asDao ? dao : actors[offeringSeed % actors.length]);
        try pool.openClaim(offeringId) {} catch {}
    }

    function endClaim(uint256 claimSeed, bool reject) public {
        uint256 n = pool.claimCount();
        if (n == 0) return;
        uint256 claimId = 1 + claimSeed % n;
        if (reject) {
            vm.prank(dao);
            try pool.rejectClaim(claimId) {} catch {}
        } else {
            try pool.closeClaim(claimId) {} catch {}
        }
    }

    function executePayout(uint256 claimSeed, uint256 amount) public {
        uint256 n = pool.claimCount();
        if (n == 0) return;
        uint256 claimId = 1 + claimSeed % n;
        amount = 40 + amount % 2_000_000e18;
        IMutualInsurance.Claim memory c = pool.getClaim(claimId);
        (uint256 fund, uint256 pot,,,) = pool.pools();
        uint256 available = pool.slashedOf(c.offeringId) + pot * pool.params().maxPotShareBps / BPS + fund;
        vm.prank(dao);
        try pool.executePayout(claimId, amount) returns (uint256 total) {
            if (total > available || total > amount) ++payoutsBeyondThePool;
            (, uint256 potAfter,,,) = pool.pools();
            ghostPotLoss += pot - potAfter;
            ghostPayoutTotals += total;
            payoutIds.push(claimId);
            ++executed;
        } catch {}
    }

    function claimPayout(uint256 payoutSeed, uint256 tokenSeed, uint256 callerSeed) public {
        if (payoutIds.length == 0) return;
        uint256 payoutId = payoutIds[payoutSeed % payoutIds.length];
        uint256 tokenId = tokenIds[tokenSeed % tokenIds.length];
        bool claimedBefore = pool.hasClaimed(payoutId, tokenId);
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        vm.prank(actors[callerSeed % actors.length]);
        try pool.claimPayout(payoutId, ids) returns (uint256 paid) {
            if (claimedBefore) ++doubleClaims;
            ghostClaimed[payoutId] += paid;
            ++positionClaims;
        } catch {}
    }

    function expirePayout(uint256 payoutSeed) public {
        if (payoutIds.length == 0) return;
        uint256 payoutId = payoutIds[payoutSeed % payoutIds.length];
        IMutualInsurance.Payout memory p = pool.getPayout(payoutId);
        try pool.expirePayout(payoutId) {
            ghostExpired[payoutId] += p.total - p.claimed;
        } catch {}
    }

    function transferPosition(uint256 tokenSeed, uint256 toSeed) public {
        uint256 tokenId = tokenIds[tokenSeed % tokenIds.length];
        address from = positions.ownerOf(tokenId);
        address to = actors[toSeed % actors.length];
        if (from == to) return;
        vm.prank(from);
        positions.transferFrom(from, to, tokenId);
    }

    function warp(uint256 seconds_) public {
        vm.warp(block.timestamp + 1 minutes + seconds_ % 10 days);
    }

    function _mintDmc(address to, uint256 amount) private {
        vm.prank(bridge);
        dmc.mint(to, amount);
        vm.prank(to);
        dmc.approve(address(pool), type(uint256).max);
    }
}
