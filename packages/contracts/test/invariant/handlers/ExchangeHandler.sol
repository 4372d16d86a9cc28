// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {MarketRateOracle} from "../../../src/oracle/MarketRateOracle.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {Offering, OfferingStatus, Position} from "../../../src/types/HashpowerTypes.sol";
import {TestLocker} from "../../mocks/TestLocker.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives the exchange through random but valid-looking life: purchases, reward deposits
/// (healthy, low or missing), claims, withdrawals, NFT transfers, locks, flags, halts, resumes and
/// refunds, while time moves forward. Ghost variables record what left and entered the contract.
contract ExchangeHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant DAY = 1 days;

    HashpowerExchange public immutable exchange;
    MarketRateOracle public immutable oracle;
    BridgedToken public immutable usdt;
    BridgedToken public immutable ifil;
    TestLocker public immutable locker;
    address public immutable governor;
    address public immutable reporter;
    address public immutable bridge;
    uint32 public immutable assetId;

    address[] public actors;
    uint256[] public offeringIds;
    mapping(uint256 offeringId => address) public minerOf;

    // ghosts
    mapping(uint256 offeringId => uint256) public ghostNetPaid;
    mapping(uint256 offeringId => uint256) public ghostFeesPaid;
    mapping(uint256 offeringId => uint256) public ghostWithdrawn;
    mapping(uint256 offeringId => uint256) public ghostRefunded;
    mapping(uint256 offeringId => uint256) public ghostRewardsDeposited;
    mapping(uint256 offeringId => uint256) public ghostRewardsClaimed;
    mapping(uint256 offeringId => uint256) public ghostDeposits;
    mapping(uint256 offeringId => uint256) public ghostLastReleased;
    mapping(uint256 tokenId => uint256) public ghostRefundCount;
    uint256 public ghostFeesCollected;
    /// @dev Set if an offering's released amount ever went down between two actions.
    bool public ghostReleaseWentBackwards;
    uint256 public ghostClaimCalls;
    mapping(bytes32 action => uint256) public calls;

    struct Setup {
        HashpowerExchange exchange;
        MarketRateOracle oracle;
        BridgedToken usdt;
        BridgedToken ifil;
        TestLocker locker;
        address governor;
        address reporter;
        address bridge;
        uint32 assetId;
        address[] actors;
        uint256[] offeringIds;
        address[] miners;
    }

    constructor(Setup memory setup) {
        exchange = setup.exchange;
        oracle = setup.oracle;
        usdt = setup.usdt;
        ifil = setup.ifil;
        locker = setup.locker;
        governor = setup.governor;
        reporter = setup.reporter;
        bridge = setup.bridge;
        assetId = setup.assetId;
        actors = setup.actors;
        offeringIds = setup.offeringIds;
        for (uint256 i; i < setup.offeringIds.length; ++i) minerOf[setup.offeringIds[i]] = setup.miners[i];
    }

    // ------------------------------------------------------------------ helpers for the invariants
    function offeringCount() external view returns (uint256) {
        return offeringIds.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function isActor(address account) public view returns (bool) {
        for (uint256 i; i < actors.length; ++i) if (actors[i] == account) return true;
        return false;
    }

    // ------------------------------------------------------------------ actions
    function buy(uint256 actorSeed, uint256 offeringSeed, uint256 units) external tracked {
        address actor = _actor(actorSeed);
        uint256 id = _offering(offeringSeed);
        Offering memory o = exchange.getOffering(id);
        uint256 available = o.unitsTotal - o.unitsSold;
        if (o.status != OfferingStatus.Active || available == 0 || block.timestamp >= o.saleEnd) return;
        units = 1 + units % (available < 50 ? available : 50);
        vm.prank(actor);
        exchange.buy(id, units, type(uint256).max, address(0));
        ghostNetPaid[id] += units * o.netPricePerUnit;
        ghostFeesPaid[id] += units * (o.pricePerUnit - o.netPricePerUnit);
        calls["buy"]++;
    }

    /// @param quality 0-3: healthy, 4: under 80% of the market, 5: skip (the miner pays nothing today)
    function depositReward(uint256 offeringSeed, uint256 quality, uint256 amountSeed) external tracked {
        uint256 id = _offering(offeringSeed);
        Offering memory o = exchange.getOffering(id);
        uint256 day = uint256(o.lastCoveredDay) + 1;
        uint256 today = block.timestamp / DAY;
        if (o.unitsSold == 0 || day >= today || day >= o.termEndDay) return;
        quality %= 6;
        if (quality == 5) return;
        uint256 marketWad = 2e33; // 0.002 IFIL per unit per day
        (, bool reported) = oracle.rateOf(assetId, day);
        if (!reported) {
            vm.prank(reporter);
            oracle.report(assetId, day, marketWad);
        }
        uint256 fair = (uint256(o.unitsSold) * marketWad) / 1e18;
        uint256 amount = quality == 4 ? fair / 2 : fair + (amountSeed % (fair + 1));
        if (amount == 0) amount = 1;
        address miner = minerOf[id];
        vm.prank(bridge);
        ifil.mint(miner, amount);
        vm.prank(miner);
        exchange.depositReward(id, amount);
        ghostRewardsDeposited[id] += amount;
        ghostDeposits[id]++;
        calls["depositReward"]++;
    }

    function claimRewards(uint256 tokenSeed, uint256 count) external tracked {
        uint256 total = exchange.positionCount();
        if (total == 0) return;
        uint256 first = 1 + tokenSeed % total;
        address owner = exchange.ownerOf(first);
        // A run of the same owner's positions, so one call may pay several.
        uint256[] memory ids = new uint256[](1 + count % 4);
        uint256 n;
        for (uint256 tokenId = first; tokenId <= total && n < ids.length; ++tokenId) {
            if (exchange.ownerOf(tokenId) == owner) ids[n++] = tokenId;
        }
        assembly {
            mstore(ids, n)
        }
        uint256[] memory perOffering = new uint256[](n);
        for (uint256 i; i < n; ++i) perOffering[i] = exchange.claimableRewards(ids[i]);
        vm.prank(owner);
        exchange.claimRewards(ids);
        for (uint256 i; i < n; ++i) {
            ghostRewardsClaimed[exchange.getPosition(ids[i]).offeringId] += perOffering[i];
        }
        ghostClaimCalls++;
        calls["claimRewards"]++;
    }

    function withdrawEscrow(uint256 offeringSeed) external tracked {
        uint256 id = _offering(offeringSeed);
        uint256 amount = exchange.withdrawableEscrow(id);
        if (amount == 0) return;
        address miner = minerOf[id];
        vm.prank(miner);
        exchange.withdrawEscrow(id, miner);
        ghostWithdrawn[id] += amount;
        calls["withdrawEscrow"]++;
    }

    function collectFees(uint256 offeringSeed) external tracked {
        uint256 id = _offering(offeringSeed);
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        ghostFeesCollected += exchange.collectFees(ids);
        calls["collectFees"]++;
    }

    function transferPosition(uint256 tokenSeed, uint256 toSeed) external tracked {
        uint256 total = exchange.positionCount();
        if (total == 0) return;
        uint256 tokenId = 1 + tokenSeed % total;
        if (exchange.lockedBy(tokenId) != address(0)) return;
        address from = exchange.ownerOf(tokenId);
        address to = _actor(toSeed);
        vm.prank(from);
        exchange.safeTransferFrom(from, to, tokenId);
        calls["transfer"]++;
    }

    function lockOrRelease(uint256 tokenSeed, uint256 action, uint256 toSeed) external tracked {
        uint256 total = exchange.positionCount();
        if (total == 0) return;
        uint256 tokenId = 1 + tokenSeed % total;
        address owner = exchange.ownerOf(tokenId);
        address holder = exchange.lockedBy(tokenId);
        if (holder == address(0)) {
            vm.prank(owner);
            exchange.approve(address(locker), tokenId);
            vm.prank(owner);
            locker.lock(tokenId);
            calls["lock"]++;
        } else if (action % 2 == 0) {
            locker.unlock(tokenId);
            calls["unlock"]++;
        } else {
            locker.seize(tokenId, _actor(toSeed));
            calls["seize"]++;
        }
    }

    function flag(uint256 offeringSeed) external tracked {
        uint256 id = _offering(offeringSeed);
        (bool canFlag,,,) = exchange.flaggable(id);
        if (!canFlag) return;
        exchange.flag(id);
        calls["flag"]++;
    }

    function resolveFlag(uint256 offeringSeed, bool haltIt) external tracked {
        uint256 id = _offering(offeringSeed);
        if (exchange.getOffering(id).status != OfferingStatus.Flagged) return;
        vm.prank(governor);
        if (haltIt) {
            exchange.halt(id);
            calls["halt"]++;
        } else {
            exchange.resume(id);
            calls["resume"]++;
        }
    }

    function claimRefund(uint256 tokenSeed) external tracked {
        uint256 total = exchange.positionCount();
        if (total == 0) return;
        uint256 tokenId = 1 + tokenSeed % total;
        Position memory p = exchange.getPosition(tokenId);
        if (exchange.getOffering(p.offeringId).status != OfferingStatus.Halted) return;
        address owner = exchange.ownerOf(tokenId);
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        if (p.refunded) {
            // A second refund must always fail.
            vm.prank(owner);
            try exchange.claimRefunds(ids) {
                ghostRefundCount[tokenId]++;
            } catch {}
            return;
        }
        uint256 expected = exchange.refundableOf(tokenId);
        vm.prank(owner);
        exchange.claimRefunds(ids);
        ghostRefunded[p.offeringId] += expected;
        ghostRefundCount[tokenId]++;
        calls["refund"]++;
    }

    function advanceTime(uint256 hoursSeed) external tracked {
        vm.warp(block.timestamp + 1 hours + (hoursSeed % 72) * 1 hours);
        calls["warp"]++;
    }

    /// @dev Release must never go backwards, whatever happens (flags pause it, halts freeze it).
    modifier tracked() {
        _trackReleased();
        _;
        _trackReleased();
    }

    function _trackReleased() internal {
        for (uint256 i; i < offeringIds.length; ++i) {
            (uint256 released,) = exchange.releasedToDate(offeringIds[i]);
            if (released < ghostLastReleased[offeringIds[i]]) ghostReleaseWentBackwards = true;
            ghostLastReleased[offeringIds[i]] = released;
        }
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _offering(uint256 seed) internal view returns (uint256) {
        return offeringIds[seed % offeringIds.length];
    }
}
