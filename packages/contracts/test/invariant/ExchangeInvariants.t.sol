// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {LockPayouts, Offering, OfferingStatus, Position} from "../../src/types/HashpowerTypes.sol";
import {RawLocker} from "../mocks/RawLocker.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";
import {ExchangeHandler} from "./handlers/ExchangeHandler.sol";

/// @notice The invariants numbered in test/invariant/README.md, checked after every random action.
contract ExchangeInvariants is ExchangeFixture {
    ExchangeHandler internal handler;
    RawLocker internal locker;
    uint256[] internal ids;
    /// @dev For _snap: the exchange's offerings mapping position, and each offering's term (start << 32 | end).
    uint256 internal offeringsSlot;
    mapping(uint256 offeringId => uint256) internal termOf;

    function setUp() public override {
        super.setUp();
        locker = new RawLocker(IHashpowerExchange(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(locker), true);

        address minerB = makeAddr("minerB");
        address minerC = makeAddr("minerC");
        address minerD = makeAddr("minerD");
        ids.push(offeringId); // term starts in two days
        ids.push(_createOffering(minerB, 500, 25e6, START_DAY + 1, START_DAY + 31)); // short term
        ids.push(_createOffering(minerC, 2_000, 7_777_777, START_DAY + 5, START_DAY + 65)); // odd price
        ids.push(_createOffering(minerD, 300, 11e6, START_DAY + 3, START_DAY + 13)); // ten days: mostly holdback
        address[] memory miners = new address[](4);
        (miners[0], miners[1], miners[2], miners[3]) = (miner, minerB, minerC, minerD);
        address[] memory pools = new address[](4);
        for (uint256 i; i < 4; ++i) {
            pools[i] = makeAddr(string.concat("pool", vm.toString(i)));
            vm.prank(pools[i]);
            ifil.approve(address(exchange), type(uint256).max);
            if (i == 0) continue;
            vm.prank(miners[i]);
            ifil.approve(address(exchange), type(uint256).max);
        }

        address[] memory actors = new address[](4);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = carol;
        actors[3] = makeAddr("dave");
        _fund(actors[3]);

        handler = new ExchangeHandler(
            ExchangeHandler.Setup({
                exchange: exchange,
                oracle: oracle,
                usdt: usdt,
                ifil: ifil,
                locker: locker,
                governor: governor,
                reporter: reporter,
                bridge: bridge,
                assetId: filAsset,
                actors: actors,
                offeringIds: ids,
                miners: miners,
                pools: pools
            })
        );
        bytes32 reporterRole = oracle.REPORTER_ROLE();
        vm.prank(governor);
        oracle.grantRole(reporterRole, address(handler));
        // Every run starts with positions in all offerings, so no invariant is checked vacuously.
        for (uint256 i; i < 8; ++i) {
            handler.buy(i, i, 3 + i * 7);
        }
        offeringsSlot = handler.offeringsSlot();
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            termOf[ids[i]] = uint256(o.termStartDay) << 32 | o.termEndDay;
        }
        _assertSnapsMatch();
        targetContract(address(handler));
    }

    /// 1. Per offering: net paid in == totalNet, and released + refunded never exceed it.
    function invariant_1_escrowConservation() public view {
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            vm.assertEq(o.totalNet, handler.ghostNetPaid(ids[i]), "totalNet");
            (uint256 released,) = exchange.releasedToDate(ids[i]);
            vm.assertLe(released + o.refunded, o.totalNet, "released + refunded <= net paid");
            vm.assertEq(o.refunded, handler.ghostRefunded(ids[i]), "refunded");
        }
    }

    /// 2. Miner withdrawals never exceed what has been released.
    function invariant_2_withdrawalsWithinReleased() public view {
        for (uint256 i; i < ids.length; ++i) {
            (uint256 released,) = exchange.releasedToDate(ids[i]);
            Offering memory o = exchange.getOffering(ids[i]);
            vm.assertLe(o.withdrawn, released, "withdrawn <= released");
            vm.assertEq(o.withdrawn, handler.ghostWithdrawn(ids[i]), "withdrawn ghost");
        }
    }

    /// 3. The stablecoin balance is exactly escrow still held plus uncollected fees.
    function invariant_3_paymentTokenSolvency() public view {
        uint256 owed;
        uint256 feesPaid;
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            owed += o.totalNet - o.withdrawn - o.refunded + o.feesAccrued;
            feesPaid += handler.ghostFeesPaid(ids[i]);
        }
        vm.assertEq(usdt.balanceOf(address(exchange)), owed, "usdt held == owed");
        vm.assertEq(usdt.balanceOf(treasury), handler.ghostFeesCollected(), "fees reached the recipient");
        vm.assertLe(handler.ghostFeesCollected(), feesPaid, "fees collected <= fees paid");
    }

    /// 4. Reward claims never exceed deposits, and what is neither claimed nor claimable is dust
    /// below one base unit per deposit plus one per claim call.
    function invariant_4_rewardsConservation() public view {
        uint256 depositedAll;
        uint256 claimedAll;
        for (uint256 i; i < ids.length; ++i) {
            uint256 deposited = handler.ghostRewardsDeposited(ids[i]);
            uint256 claimed = handler.ghostRewardsClaimed(ids[i]);
            vm.assertLe(claimed, deposited, "claimed <= deposited");
            depositedAll += deposited;
            claimedAll += claimed;
        }
        vm.assertEq(ifil.balanceOf(address(exchange)), depositedAll - claimedAll, "ifil held == deposited - claimed");

        uint256 claimable;
        uint256 positions = exchange.positionCount();
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            claimable += exchange.claimableRewards(tokenId);
        }
        uint256 unassigned = depositedAll - claimedAll - claimable;
        uint256 deposits;
        for (uint256 i; i < ids.length; ++i) {
            deposits += handler.ghostDeposits(ids[i]);
        }
        vm.assertGe(depositedAll - claimedAll, claimable, "claimable covered by balance");
        vm.assertLe(unassigned, deposits + positions, "rounding dust within bound");
    }

    /// 5. A position is refunded at most once.
    function invariant_5_refundOnce() public view {
        uint256 positions = exchange.positionCount();
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            vm.assertLe(handler.ghostRefundCount(tokenId), 1, "refunded twice");
        }
    }

    /// 6. No position is ever stranded: each belongs to a user, the exchange holds none, and a lock
    /// is held only by the locker that can release it.
    function invariant_6_noStrandedPosition() public view {
        uint256 positions = exchange.positionCount();
        vm.assertEq(exchange.balanceOf(address(exchange)), 0, "exchange holds no position");
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            vm.assertTrue(handler.isActor(exchange.ownerOf(tokenId)), "owner is a user");
            address holder = exchange.lockedBy(tokenId);
            vm.assertTrue(holder == address(0) || holder == address(locker), "lock held by its locker");
        }
    }

    /// 21. Payouts follow the lock: a position routes payouts to its lock holder only while locked
    /// (released or seized, it pays its owner), no owner ever claims a payout routed to the holder, and the
    /// locker holds exactly what its routed claims paid it.
    function invariant_21_payoutsFollowTheLock() public view {
        uint256 positions = exchange.positionCount();
        for (uint256 tokenId = 1; tokenId <= positions; ++tokenId) {
            uint8 payouts = exchange.getPosition(tokenId).lockPayouts;
            vm.assertLe(payouts, LockPayouts.ALL, "known payout bits only");
            if (exchange.lockedBy(tokenId) == address(0)) vm.assertEq(payouts, 0, "a free position pays its owner");
        }
        vm.assertFalse(handler.ghostRoutedPayoutLeaked(), "an owner claimed a payout routed to the lock holder");
        address[3] memory tokens = [address(usdt), address(ifil), address(wbtc)];
        for (uint256 i; i < tokens.length; ++i) {
            vm.assertEq(
                IERC20(tokens[i]).balanceOf(address(locker)),
                handler.ghostLockerReceived(tokens[i]),
                "the locker holds what its routed claims paid"
            );
        }
    }

    /// 7. Release never goes backwards, and a halted offering's release stays frozen at its frozen day
    /// (the flag day, or the held-back day before it when the flag came in the end-of-term holdback).
    function invariant_7_releaseMonotonicAndFrozen() public view {
        vm.assertFalse(handler.ghostReleaseWentBackwards(), "release went backwards");
        for (uint256 i; i < ids.length; ++i) {
            Offering memory o = exchange.getOffering(ids[i]);
            if (o.status == OfferingStatus.Halted) {
                (, uint256 day) = exchange.releasedToDate(ids[i]);
                vm.assertLe(day, o.frozenDay, "halted release frozen at flag day");
            }
        }
    }

    /// 15. to 20.: the buyer-protection invariants, checked together after every call (one campaign:
    /// a campaign per invariant would double the suite's time); each failure names its number.
    /// Offerings and positions are read once for all six, and a cheatcode is called only on failure.
    function invariant_15_to_20_buyerProtection() public view {
        Snap[] memory os = new Snap[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            os[i] = _snap(ids[i]);
        }
        (bool backwards, bool coveredByOther, bool outsider, bool lateStart) = handler.violations();
        _ok(!backwards, "15. release went backwards");
        _ok(!coveredByOther, "16. a day was covered by someone other than the miner or its depositor");
        _ok(!outsider, "16. an outsider's deposit succeeded");
        _ok(!lateStart, "17. a position starts after its term start or was bought during the term");
        uint256 minted;
        uint256 heldAll;
        for (uint256 i; i < os.length; ++i) {
            (uint256 judgedSinceResume, uint256 holdbackAtCreation, uint256 positions) = handler.ghostsOf(ids[i]);
            minted += positions;
            _check15_releaseBounded(os[i]);
            _check16_coverageWithinTheTerm(os[i]);
            _check18_windowCountsJudgedDays(os[i], judgedSinceResume);
            _check20_holdbackIsASnapshot(os[i], holdbackAtCreation);
            heldAll += _check19_holdingsArePullable(os[i], ids[i]);
        }
        _ok(minted == exchange.positionCount(), "17. every position was minted by a checked purchase");
        _ok(usdt.balanceOf(address(exchange)) == heldAll, "19. usdt held == pullable escrow + fees");
    }

    /// 15. Release is bounded: never above totalNet, never past today or the term end, withdrawn
    /// never above it, frozen at or before the flag day once flagged or halted, inside the end-of-term
    /// holdback never past the day after the last covered day, and complete only once every day is
    /// covered; it never went backwards (8. to 14. are the stake and timelock invariants).
    function _check15_releaseBounded(Snap memory o) internal view {
        uint256 day = o.releasedDay;
        _ok(o.released <= o.totalNet, "15. released <= totalNet");
        _ok(o.withdrawn <= o.released, "15. withdrawn <= released");
        _ok(day <= block.timestamp / DAY, "15. never ahead of time");
        _ok(day <= o.termEndDay, "15. capped at the term end");
        uint256 zone = o.termEndDay - o.holdbackDays;
        if (o.status != OfferingStatus.Active) {
            _ok(day <= o.frozenDay, "15. frozen");
            // frozen at the day the holdback let release reach on the flag day (coverage only grows since)
            uint256 cap = o.lastCoveredDay + 1 > zone ? o.lastCoveredDay + 1 : zone;
            _ok(
                o.frozenDay <= o.flaggedOnDay && (o.flaggedOnDay <= zone || o.frozenDay <= cap),
                "15. frozen at the held-back flag day"
            );
        } else if (day > zone && day < o.termEndDay) {
            _ok(day <= o.lastCoveredDay + 1, "15. held back until covered");
        }
        if (day == o.termEndDay) {
            _ok(o.lastCoveredDay + 1 == o.termEndDay, "15. complete only once every day is covered");
        }
    }

    /// 16. Only the miner and the depositors it approved ever cover days: lastCoveredDay moves only
    /// by their deposits (so also while a flag is possible: the handler compares it after every
    /// call), every outsider's deposit reverts, and coverage stays within the term.
    function _check16_coverageWithinTheTerm(Snap memory o) internal pure {
        _ok(o.lastCoveredDay + 1 >= o.termStartDay, "16. coverage starts with the term");
        _ok(o.lastCoveredDay < o.termEndDay, "16. and ends with it");
    }

    /// 18. The window of judged days holds min(8, deposits since creation or the last resume) shares,
    /// each between the coverage floor and 100%, and nothing beyond them.
    function _check18_windowCountsJudgedDays(Snap memory o, uint256 deposits) internal pure {
        uint256 recent = o.recentShares;
        uint256 judged = recent & 0xF;
        _ok(judged <= 8, "18. at most 8 kept");
        _ok(judged == (deposits < 8 ? deposits : 8), "18. judged count");
        for (uint256 k; k < judged; ++k) {
            uint256 share = (recent >> (4 + 10 * k)) & 0x3FF;
            _ok(share * 10 >= 5_000 && share <= 1_000, "18. between the coverage floor and 100%");
        }
        _ok(recent >> (4 + 10 * judged) == 0, "18. nothing beyond the judged shares");
    }

    /// 20. Each offering's end-of-term holdback is its snapshot at creation (the missed-days threshold
    /// then, at most the term), whatever governance sets later.
    function _check20_holdbackIsASnapshot(Snap memory o, uint256 atCreation) internal pure {
        uint256 termDays = o.termEndDay - o.termStartDay;
        _ok(o.holdbackDays == atCreation, "20. snapshot");
        _ok(o.holdbackDays == (termDays < 7 ? termDays : 7), "20. min(threshold at creation, term)");
    }

    /// 17. Every position starts on its offering's termStartDay and was bought before it (sales close
    /// when the term starts), so every unit shares every day's reward. (Both are fixed when the
    /// position is minted: the handler checks each new position, and every position is one it minted.)
    /// 19. What the exchange holds is what holders and miners can still pull: per offering, the escrow
    /// held (totalNet - withdrawn - refunded) is the miner's withdrawable amount plus what is not
    /// released yet; once halted, the withdrawable amount plus every unclaimed refund, short of it by
    /// under one base unit per position. (The reward side is 4.: what is held covers every claim.)
    /// @return held The escrow and fees held for the offering.
    function _check19_holdingsArePullable(Snap memory o, uint256 id) internal view returns (uint256 held) {
        held = o.totalNet - o.withdrawn - o.refunded;
        uint256 withdrawable = o.released - o.withdrawn;
        if (o.status != OfferingStatus.Halted) {
            _ok(o.refunded == 0, "19. refunds only after a halt");
            _ok(held == withdrawable + (o.totalNet - o.released), "19. withdrawable + not yet released");
        } else {
            uint256[] memory tokens = handler.tokensOf(id);
            uint256 refundable;
            for (uint256 k; k < tokens.length; ++k) {
                refundable += exchange.refundableOf(tokens[k]);
            }
            _ok(withdrawable + refundable <= held, "19. every pull is covered");
            _ok(held - withdrawable - refundable <= tokens.length, "19. dust under a unit per position");
        }
        held += o.feesAccrued;
    }

    /// @notice The numeric fields of an offering the checks 15. to 20. read.
    struct Snap {
        uint256 termStartDay;
        uint256 termEndDay;
        OfferingStatus status;
        uint256 holdbackDays;
        uint256 lastCoveredDay;
        uint256 recentShares;
        uint256 totalNet;
        uint256 feesAccrued;
        uint256 withdrawn;
        uint256 frozenDay;
        uint256 flaggedOnDay;
        uint256 refunded;
        uint256 released; // releasedToDate
        uint256 releasedDay;
    }

    /// @dev Read straight from the exchange's storage (the packing of Offering in HashpowerTypes):
    /// decoding getOffering, strings and all, after every call would double this campaign's time.
    /// setUp and the two handler tests check it against getOffering.
    function _snap(uint256 id) internal view returns (Snap memory o) {
        uint256 base = uint256(keccak256(abi.encode(id, offeringsSlot)));
        (o.termStartDay, o.termEndDay) = (termOf[id] >> 32, termOf[id] & type(uint32).max); // never rewritten
        uint256 w = uint256(vm.load(address(exchange), bytes32(base + 2)));
        (o.status, o.holdbackDays) = (OfferingStatus((w >> 240) & 0xff), w >> 248);
        w = uint256(vm.load(address(exchange), bytes32(base + 4)));
        (o.lastCoveredDay, o.recentShares) = ((w >> 128) & type(uint32).max, w >> 160);
        w = uint256(vm.load(address(exchange), bytes32(base + 5)));
        (o.totalNet, o.feesAccrued) = (w & type(uint128).max, w >> 128);
        w = uint256(vm.load(address(exchange), bytes32(base + 6)));
        (o.withdrawn, o.frozenDay, o.flaggedOnDay) =
        (w & type(uint96).max, (w >> 96) & type(uint32).max, (w >> 128) & type(uint32).max);
        if (o.status == OfferingStatus.Halted) {
            o.refunded = uint256(vm.load(address(exchange), bytes32(base + 7))) & type(uint128).max;
        }
        (o.released, o.releasedDay) = exchange.releasedToDate(id);
    }

    function _assertSnapsMatch() internal view {
        for (uint256 i; i < ids.length; ++i) {
            Offering memory full = exchange.getOffering(ids[i]);
            Snap memory o = _snap(ids[i]);
            if (full.status != OfferingStatus.Halted) vm.assertEq(full.refunded, 0, "refunds only after a halt");
            vm.assertEq(o.termStartDay, full.termStartDay, "snap termStartDay");
            vm.assertEq(o.termEndDay, full.termEndDay, "snap termEndDay");
            vm.assertTrue(o.status == full.status, "snap status");
            vm.assertEq(o.holdbackDays, full.holdbackDays, "snap holdbackDays");
            vm.assertEq(o.lastCoveredDay, full.lastCoveredDay, "snap lastCoveredDay");
            vm.assertEq(o.recentShares, full.recentShares, "snap recentShares");
            vm.assertEq(o.totalNet, full.totalNet, "snap totalNet");
            vm.assertEq(o.feesAccrued, full.feesAccrued, "snap feesAccrued");
            vm.assertEq(o.withdrawn, full.withdrawn, "snap withdrawn");
            vm.assertEq(o.frozenDay, full.frozenDay, "snap frozenDay");
            vm.assertEq(o.flaggedOnDay, full.flaggedOnDay, "snap flaggedOnDay");
            vm.assertEq(o.refunded, full.refunded, "snap refunded");
        }
    }

    /// @dev An assertion that costs a cheatcode call only when it fails (these run after every call).
    function _ok(bool condition, string memory why) internal pure {
        if (!condition) vm.assertTrue(false, why);
    }

    /// The handler reaches the default paths (flag, halt, refund, seize), so invariants 5 and 7 bite.
    function test_HandlerReachesDefaultPaths() public {
        handler.lockOrRelease(1, 0, 0); // lock position 1
        handler.lockOrRelease(1, 1, 2); // seize it to carol
        // ~18 days, no deposits at all
        for (uint256 i; i < 6; ++i) {
            handler.advanceTime(71);
        }
        for (uint256 i; i < 4; ++i) {
            handler.flag(i);
        }
        for (uint256 i; i < 4; ++i) {
            handler.resolveFlag(i, true);
        }
        for (uint256 tokenId; tokenId < 8; ++tokenId) {
            handler.claimRefund(tokenId);
        }
        handler.claimRefund(0); // the second refund of the same position must fail
        vm.assertEq(handler.calls("seize"), 1);
        vm.assertEq(handler.calls("flag"), 4);
        vm.assertEq(handler.calls("postTermFlag"), 1, "the ten-day offering is flagged after its term");
        vm.assertEq(handler.calls("halt"), 4);
        vm.assertEq(handler.calls("refund"), 8);
        vm.assertEq(handler.ghostRefundCount(1), 1);
        invariant_1_escrowConservation();
        invariant_3_paymentTokenSolvency();
        invariant_5_refundOnce();
        invariant_6_noStrandedPosition();
        invariant_7_releaseMonotonicAndFrozen();
        invariant_15_to_20_buyerProtection();
        _assertSnapsMatch(); // halted, refunded
    }

    /// The handler reaches the buyer-protection paths: batches by the miner and its pool, low days, a
    /// silent oracle, outsiders refused, the holdback at a term end, a post-term flag, a resume that
    /// clears the window, threshold changes while live. Every invariant holds along the way.
    function test_HandlerReachesProtectionPaths() public {
        // offering D: term [START_DAY + 3, START_DAY + 13), holdback 7; advanceDays(n) moves n + 1 days
        handler.setDepositor(3, true); // its pool
        handler.advanceDays(3); // START_DAY + 4: D's first day is over
        handler.depositReward(3, 0, 1 | (7 << 8)); // the pool's batch: as many days as are over (one)
        handler.outsiderDeposit(0, 3, 1);
        handler.advanceDays(1); // START_DAY + 6
        handler.depositReward(3, 7, 0); // the oracle stays silent on D's next day, over a day late now:
        // judged against the latest final report
        handler.advanceDays(0);
        handler.depositReward(3, 4, 0); // a low day, by the miner
        handler.setThresholds(29 | (6 << 8)); // missed 30, window 7: D's holdback stays 7
        // to START_DAY + 11
        for (uint256 i; i < 4; ++i) {
            handler.advanceDays(0);
        }
        handler.depositReward(3, 0, 7 << 8); // a batch through START_DAY + 10
        handler.advanceDays(2); // past D's term end, its last two days uncovered
        handler.withdrawEscrow(3); // held back: through START_DAY + 11 only
        handler.setThresholds(6 | (6 << 8)); // 7 missed days, a 7-day post-term window
        handler.advanceDays(3); // START_DAY + 18: seven days missed, inside the post-term window
        handler.flag(3);
        _assertSnapsMatch(); // flagged: frozen and flag days
        handler.resolveFlag(3, false); // resume: a fresh window
        handler.depositReward(3, 0, 7 << 8); // the miner catches up after the term
        handler.withdrawEscrow(3);
        vm.assertGt(handler.calls("depositReward"), 5);
        vm.assertEq(handler.calls("outsiderDeposit"), 1);
        vm.assertEq(handler.calls("setThresholds"), 2);
        vm.assertEq(handler.calls("resume"), 1);
        vm.assertGe(handler.calls("postTermFlag"), 1);
        vm.assertEq(exchange.getOffering(ids[3]).lastCoveredDay, START_DAY + 12, "D covered to its last day");
        (uint256 released,) = exchange.releasedToDate(ids[3]);
        vm.assertEq(released, exchange.getOffering(ids[3]).totalNet);
        invariant_1_escrowConservation();
        invariant_2_withdrawalsWithinReleased();
        invariant_3_paymentTokenSolvency();
        invariant_4_rewardsConservation();
        invariant_7_releaseMonotonicAndFrozen();
        invariant_15_to_20_buyerProtection();
        _assertSnapsMatch();
    }
}
