// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {MarketRateOracle} from "../../../src/oracle/MarketRateOracle.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {
    DefaultThresholds,
    LockPayouts,
    Offering,
    OfferingStatus,
    Position
} from "../../../src/types/HashpowerTypes.sol";
import {RawLocker} from "../../mocks/RawLocker.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives the exchange through random but valid-looking life: purchases during the sale
/// (which closes when the term starts), reward deposits by the miner or its approved pool (healthy,
/// low but above the 50% floor, in batches, or skipped), an oracle that is sometimes silent (days
/// judged against its latest final report), outsiders trying to deposit, claims, withdrawals across
/// the term end and the post-term flag window, NFT transfers, locks, flags, halts, resumes, refunds,
/// governance changing the default thresholds, while time moves forward by hours to days. Ghost
/// variables record what left and entered the contract.
contract ExchangeHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant DAY = 1 days;
    uint256 internal constant MARKET_WAD = 2e33; // 0.002 IFIL per unit per day
    uint256 internal constant MIN_COVERAGE_BPS = 5_000; // the handler never changes the floor

    HashpowerExchange public immutable exchange;
    MarketRateOracle public immutable oracle;
    BridgedToken public immutable usdt;
    BridgedToken public immutable ifil;
    RawLocker public immutable locker;
    address public immutable governor;
    address public immutable reporter;
    address public immutable bridge;
    uint32 public immutable assetId;

    address[] public actors;
    uint256[] public offeringIds;
    mapping(uint256 offeringId => address) public minerOf;
    mapping(uint256 offeringId => address) public poolOf; // the depositor each miner may approve

    // ghosts
    mapping(uint256 offeringId => uint256) public ghostNetPaid;
    mapping(uint256 offeringId => uint256) public ghostFeesPaid;
    mapping(uint256 offeringId => uint256) public ghostWithdrawn;
    mapping(uint256 offeringId => uint256) public ghostRefunded;
    mapping(uint256 offeringId => uint256) public ghostRewardsDeposited;
    mapping(uint256 offeringId => uint256) public ghostRewardsClaimed;
    mapping(uint256 offeringId => uint256) public ghostDeposits;
    /// @dev Successful deposits since the offering's creation or its last resume.
    mapping(uint256 offeringId => uint256) public ghostJudgedSinceResume;
    mapping(uint256 offeringId => uint256) public ghostLastReleased;
    mapping(uint256 offeringId => uint256) public ghostHoldbackAtCreation;
    mapping(uint256 tokenId => uint256) public ghostRefundCount;
    uint256 public ghostFeesCollected;
    /// @dev Set if an offering's released amount ever went down between two actions.
    bool public ghostReleaseWentBackwards;
    /// @dev Set if lastCoveredDay moved in an action that was not a deposit by the miner or its pool.
    bool public ghostCoveredByOther;
    /// @dev Set if an outsider's deposit ever succeeded.
    bool public ghostOutsiderDeposited;
    /// @dev Set if a position was minted that does not start on its offering's termStartDay, or was
    /// bought on or after it (both are fixed at the mint: the invariant need not re-read every position).
    bool public ghostLateStart;
    /// @dev Set if an owner ever claimed a payout routed to the lock holder.
    bool public ghostRoutedPayoutLeaked;
    /// @dev What the locker received through routed claims, per token.
    mapping(address token => uint256) public ghostLockerReceived;
    mapping(uint256 offeringId => uint256[]) internal _tokensOf;
    uint256 public ghostClaimCalls;
    mapping(bytes32 action => uint256) public calls;

    mapping(uint256 day => bool) internal _silent; // days the oracle never reports
    mapping(uint256 offeringId => bool) internal _authorizedCover;
    mapping(uint256 offeringId => uint256) internal _lastCovered;
    /// @dev Storage position of the exchange's offerings mapping, found at deployment (see _findOfferings):
    /// lastCoveredDay is read straight from storage, since getOffering (strings and all) after every
    /// call would double the campaign's time.
    uint256 public offeringsSlot;

    struct Setup {
        HashpowerExchange exchange;
        MarketRateOracle oracle;
        BridgedToken usdt;
        BridgedToken ifil;
        RawLocker locker;
        address governor;
        address reporter;
        address bridge;
        uint32 assetId;
        address[] actors;
        uint256[] offeringIds;
        address[] miners;
        address[] pools;
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
        offeringsSlot = _findOfferings(setup.offeringIds[0]);
        for (uint256 i; i < setup.offeringIds.length; ++i) {
            uint256 id = setup.offeringIds[i];
            minerOf[id] = setup.miners[i];
            poolOf[id] = setup.pools[i];
            Offering memory o = exchange.getOffering(id);
            ghostHoldbackAtCreation[id] = o.holdbackDays;
            _lastCovered[id] = o.lastCoveredDay;
            require(_lastCoveredOf(id) == o.lastCoveredDay && _statusOf(id) == o.status, "storage layout");
            require((uint256(_word(id, 2)) >> 200) & type(uint40).max == o.unitsSold, "storage layout");
        }
    }

    /// @dev The mapping's position: the one whose entry for `id` starts with the offering's first word
    /// (miner, assetId, termStartDay, termEndDay, packed from the low bits).
    function _findOfferings(uint256 id) internal view returns (uint256) {
        Offering memory o = exchange.getOffering(id);
        bytes32 word0 = bytes32(
            uint256(uint160(o.miner)) | (uint256(o.assetId) << 160) | (uint256(o.termStartDay) << 192)
                | (uint256(o.termEndDay) << 224)
        );
        for (uint256 p; p < 64; ++p) {
            if (vm.load(address(exchange), keccak256(abi.encode(id, p))) == word0) return p;
        }
        revert("offerings mapping not found");
    }

    /// @dev The offering's `k`-th storage word (see Offering in HashpowerTypes for the packing).
    function _word(uint256 id, uint256 k) internal view returns (bytes32) {
        return vm.load(address(exchange), bytes32(uint256(keccak256(abi.encode(id, offeringsSlot))) + k));
    }

    /// @dev lastCoveredDay: bits 128-159 of the offering's fifth word (accRewardPerUnit, lastCoveredDay, recentShares).
    function _lastCoveredOf(uint256 id) internal view returns (uint256) {
        return (uint256(_word(id, 4)) >> 128) & type(uint32).max;
    }

    /// @dev status: bits 240-247 of the third word (rewardToken, unitsTotal, unitsSold, status, holdbackDays).
    function _statusOf(uint256 id) internal view returns (OfferingStatus) {
        return OfferingStatus((uint256(_word(id, 2)) >> 240) & 0xff);
    }

    // ------------------------------------------------------------------ helpers for the invariants
    function offeringCount() external view returns (uint256) {
        return offeringIds.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    /// @notice The ghost flags of invariants 15. to 17. in one call (read after every call).
    function violations() external view returns (bool backwards, bool coveredByOther, bool outsider, bool lateStart) {
        return (ghostReleaseWentBackwards, ghostCoveredByOther, ghostOutsiderDeposited, ghostLateStart);
    }

    /// @notice The per-offering ghosts of invariants 17., 18. and 20. in one call.
    function ghostsOf(uint256 offeringId)
        external
        view
        returns (uint256 judgedSinceResume, uint256 holdbackAtCreation, uint256 positionsMinted)
    {
        return (ghostJudgedSinceResume[offeringId], ghostHoldbackAtCreation[offeringId], _tokensOf[offeringId].length);
    }

    /// @notice The positions minted in an offering.
    function tokensOf(uint256 offeringId) external view returns (uint256[] memory) {
        return _tokensOf[offeringId];
    }

    function isActor(address account) public view returns (bool) {
        for (uint256 i; i < actors.length; ++i) {
            if (actors[i] == account) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ actions
    function buy(uint256 actorSeed, uint256 offeringSeed, uint256 units) external tracked {
        address actor = _actor(actorSeed);
        uint256 id = _offering(offeringSeed);
        if (block.timestamp >= uint256(_word(id, 1)) >> 208) return; // saleEnd: sales close at the term start
        Offering memory o = exchange.getOffering(id);
        uint256 available = o.unitsTotal - o.unitsSold;
        if (o.status != OfferingStatus.Active || available == 0 || block.timestamp >= o.saleEnd) return;
        units = 1 + units % (available < 50 ? available : 50);
        vm.prank(actor);
        uint256 tokenId = exchange.buy(id, units, type(uint256).max, address(0));
        if (exchange.getPosition(tokenId).purchaseDay >= o.termStartDay) {
            ghostLateStart = true;
        }
        _tokensOf[id].push(tokenId);
        ghostNetPaid[id] += units * o.netPricePerUnit;
        ghostFeesPaid[id] += units * (o.pricePerUnit - o.netPricePerUnit);
        calls["buy"]++;
    }

    /// @param quality 0-3: healthy (80% to 150% of the market), 4-5: low but above the floor (50% to
    /// 79.9%), 6: skip (the miner pays nothing now), 7: the oracle stays silent on the next day.
    /// @param amountSeed Also picks the depositor (miner or pool) and the batch size (1 to 8 days).
    function depositReward(uint256 offeringSeed, uint256 quality, uint256 amountSeed) external tracked {
        uint256 id = _offering(offeringSeed);
        quality %= 8;
        if (quality == 6) return;
        uint256 batch = 1 + (amountSeed >> 8) % 8;
        uint256 units = (uint256(_word(id, 2)) >> 200) & type(uint40).max; // unitsSold
        uint256 termEnd = uint256(_word(id, 0)) >> 224;
        for (uint256 b; b < batch; ++b) {
            uint256 day = _lastCoveredOf(id) + 1;
            uint256 today = block.timestamp / DAY;
            if (units == 0 || day >= today || day >= termEnd) return;
            if (quality == 7 && b == 0) _silent[day] = true;
            uint256 market = _marketFor(day, today);
            if (market == 0) return; // nothing to judge against yet: the miner waits
            uint256 perMille = quality < 4 ? 800 + (amountSeed >> (16 + b)) % 701 : 500 + (amountSeed >> (16 + b)) % 300;
            // rounded up, so the share the exchange computes (rounded down) is at least perMille
            uint256 amount = (units * market * perMille + 1e21 - 1) / 1e21 + units;
            address from = (amountSeed & 1 == 1 && exchange.isDepositor(id, poolOf[id])) ? poolOf[id] : minerOf[id];
            vm.prank(bridge);
            ifil.mint(from, amount);
            _authorizedCover[id] = true;
            vm.prank(from);
            exchange.depositReward(id, amount);
            ghostRewardsDeposited[id] += amount;
            ghostDeposits[id]++;
            ghostJudgedSinceResume[id]++;
            calls["depositReward"]++;
        }
    }

    /// @dev The market the exchange will judge `day` against, reporting it (and waiting out the
    /// correction window) unless the oracle is silent on it; 0 if the deposit cannot be judged yet.
    function _marketFor(uint256 day, uint256 today) internal returns (uint256) {
        (uint256 avg, bool reported) = oracle.rateOf(assetId, day);
        if (reported) return avg;
        if (!_silent[day]) {
            try oracle.report(assetId, day, MARKET_WAD) {} catch {} // fails only if already reported
            vm.warp(block.timestamp + 1 hours); // the correction window
            (avg, reported) = oracle.rateOf(assetId, day);
            if (reported) return avg;
            today = block.timestamp / DAY;
        }
        if (today <= day + 1) return 0;
        (uint256 latest,, bool known) = oracle.latestRate(assetId);
        return known ? latest : 0;
    }

    /// @dev An outsider (a holder, not the miner nor its pool) tries to cover the next day with dust
    /// or a full day's reward: it must always revert.
    function outsiderDeposit(uint256 actorSeed, uint256 offeringSeed, uint256 amount) external tracked {
        uint256 id = _offering(offeringSeed);
        address outsider = _actor(actorSeed);
        amount = 1 + amount % 1e18;
        vm.prank(bridge);
        ifil.mint(outsider, amount);
        vm.prank(outsider);
        ifil.approve(address(exchange), amount);
        vm.prank(outsider);
        try exchange.depositReward(id, amount) {
            ghostOutsiderDeposited = true;
        } catch {}
        calls["outsiderDeposit"]++;
    }

    /// @dev The miner approves or revokes its pool's payout address.
    function setDepositor(uint256 offeringSeed, bool approved) external tracked {
        uint256 id = _offering(offeringSeed);
        vm.prank(minerOf[id]);
        exchange.setDepositor(id, poolOf[id], approved);
        calls["setDepositor"]++;
    }

    function claimRewards(uint256 tokenSeed, uint256 count) external tracked {
        uint256 total = exchange.positionCount();
        if (total == 0) return;
        uint256 first = 1 + tokenSeed % total;
        if (exchange.getPosition(first).lockPayouts & LockPayouts.REWARDS_TO_LOCKER != 0) {
            _claimRoutedRewards(first);
            return;
        }
        address owner = exchange.ownerOf(first);
        // A run of the same owner's positions, so one call may pay several.
        uint256[] memory ids = new uint256[](1 + count % 4);
        uint256 n;
        for (uint256 tokenId = first; tokenId <= total && n < ids.length; ++tokenId) {
            if (exchange.ownerOf(tokenId) == owner && exchange.getPosition(tokenId).lockPayouts & 1 == 0) {
                ids[n++] = tokenId;
            }
        }
        assembly {
            mstore(ids, n)
        }
        uint256[] memory perOffering = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            perOffering[i] = exchange.claimableRewards(ids[i]);
        }
        vm.prank(owner);
        exchange.claimRewards(ids);
        for (uint256 i; i < n; ++i) {
            ghostRewardsClaimed[exchange.getPosition(ids[i]).offeringId] += perOffering[i];
        }
        ghostClaimCalls++;
        calls["claimRewards"]++;
    }

    /// @dev A position whose rewards go to its lock holder: the owner's claim must fail, the locker's pays it.
    function _claimRoutedRewards(uint256 tokenId) private {
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        vm.prank(exchange.ownerOf(tokenId));
        try exchange.claimRewards(ids) returns (uint256 paid) {
            if (paid != 0) ghostRoutedPayoutLeaked = true;
        } catch {}
        Position memory p = exchange.getPosition(tokenId);
        uint256 expected = exchange.claimableRewards(tokenId);
        vm.assertEq(locker.claimRewards(ids), expected, "routed rewards paid to the lock holder");
        ghostLockerReceived[exchange.getOffering(p.offeringId).rewardToken] += expected;
        ghostRewardsClaimed[p.offeringId] += expected;
        calls["claimRoutedRewards"]++;
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
            locker.lockWith(tokenId, uint8(action % 4)); // every LockPayouts combination
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
        if (block.timestamp / DAY >= uint256(_word(id, 0)) >> 224) calls["postTermFlag"]++;
    }

    function resolveFlag(uint256 offeringSeed, bool haltIt) external tracked {
        uint256 id = _offering(offeringSeed);
        if (_statusOf(id) != OfferingStatus.Flagged) return;
        vm.prank(governor);
        if (haltIt) {
            exchange.halt(id);
            calls["halt"]++;
        } else {
            exchange.resume(id);
            ghostJudgedSinceResume[id] = 0;
            calls["resume"]++;
        }
    }

    function claimRefund(uint256 tokenSeed) external tracked {
        uint256 total = exchange.positionCount();
        if (total == 0) return;
        uint256 tokenId = 1 + tokenSeed % total;
        Position memory p = exchange.getPosition(tokenId);
        if (_statusOf(p.offeringId) != OfferingStatus.Halted) return;
        address owner = exchange.ownerOf(tokenId);
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId;
        if (p.refunded) {
            // A second refund must always fail.
            vm.prank(owner);
            try exchange.claimRefunds(ids) {
                ghostRefundCount[tokenId]++;
            } catch {}
            try locker.claimRefunds(ids) {
                ghostRefundCount[tokenId]++;
            } catch {}
            return;
        }
        uint256 expected = exchange.refundableOf(tokenId);
        if (p.lockPayouts & LockPayouts.REFUND_TO_LOCKER != 0) {
            vm.prank(owner);
            try exchange.claimRefunds(ids) {
                ghostRoutedPayoutLeaked = true;
            } catch {}
            locker.claimRefunds(ids);
            ghostLockerReceived[exchange.getOffering(p.offeringId).paymentToken] += expected;
            calls["claimRoutedRefund"]++;
        } else {
            vm.prank(owner);
            exchange.claimRefunds(ids);
        }
        ghostRefunded[p.offeringId] += expected;
        ghostRefundCount[tokenId]++;
        calls["refund"]++;
    }

    /// @dev Governance changes the default thresholds while offerings are live (the coverage floor
    /// stays, so every judged share stays at or above it): holdbacks must stay their snapshots.
    function setThresholds(uint256 seed) external tracked {
        uint16 missed = uint16(1 + (seed & 0xff) % 30);
        uint16 window = uint16(1 + ((seed >> 8) & 0xff) % 8);
        uint16 ratio = uint16(MIN_COVERAGE_BPS + ((seed >> 16) & 0xffff) % 5_001);
        uint16 postTerm = uint16(missed + ((seed >> 32) & 0xff) % (61 - missed));
        vm.prank(governor);
        exchange.setDefaultThresholds(DefaultThresholds(missed, window, ratio, uint16(MIN_COVERAGE_BPS), postTerm));
        calls["setThresholds"]++;
    }

    function advanceTime(uint256 hoursSeed) external tracked {
        vm.warp(block.timestamp + 1 hours + (hoursSeed % 72) * 1 hours);
        calls["warp"]++;
    }

    /// @dev Days at a time, so runs cross term ends and post-term flag windows.
    function advanceDays(uint256 daysSeed) external tracked {
        vm.warp(block.timestamp + (1 + daysSeed % 10) * 1 days);
        calls["warp"]++;
    }

    /// @dev After every action: release must never have gone backwards (flags pause it, halts freeze
    /// it), and lastCoveredDay may have moved only through the miner's or its pool's deposits. Nothing
    /// changes between actions (time moves only inside them), so comparing with the state after the
    /// previous action covers everything.
    modifier tracked() {
        _;
        _after();
    }

    function _after() internal {
        for (uint256 i; i < offeringIds.length; ++i) {
            uint256 id = offeringIds[i];
            // (stores only on change: every touched slot costs the fuzzer time)
            (uint256 released,) = exchange.releasedToDate(id);
            uint256 last = ghostLastReleased[id];
            if (released != last) {
                if (released < last) ghostReleaseWentBackwards = true;
                ghostLastReleased[id] = released;
            }
            uint256 covered = _lastCoveredOf(id);
            if (covered != _lastCovered[id]) {
                if (!_authorizedCover[id]) ghostCoveredByOther = true;
                _lastCovered[id] = covered;
            }
            if (_authorizedCover[id]) _authorizedCover[id] = false;
        }
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _offering(uint256 seed) internal view returns (uint256) {
        return offeringIds[seed % offeringIds.length];
    }
}
