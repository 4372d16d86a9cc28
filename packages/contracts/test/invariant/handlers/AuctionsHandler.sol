// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {IPositionAuctions} from "../../../src/interfaces/IPositionAuctions.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {PositionAuctions} from "../../../src/trading/PositionAuctions.sol";
import {TestBase} from "../../utils/TestBase.sol";

/// @notice Random auction traffic for AuctionInvariants: secondary auctions of the actors' positions,
/// primary auctions by the miner while the sale is open, bids (outbids, self-raises, too-low and late
/// bids), cancels by sellers and strangers, settles (retried, to catch a second settle), withdrawals,
/// fee sweeps, the offering flagged and halted (missed deposits) and time passing. It keeps a ghost record per bid (26) and per auction (27).
contract AuctionsHandler is TestBase {
    enum BidStatus {
        Leading,
        Refundable,
        Refunded,
        PaidOut
    }

    struct GhostBid {
        uint256 auctionId;
        address bidder;
        uint256 amount; // a leader's raise updates its own record: one bid, raised
        BidStatus status;
    }

    HashpowerExchange public immutable exchange;
    PositionAuctions public immutable auctions;
    BridgedToken public immutable usdt;
    address public immutable miner;
    address public immutable governor;
    uint256 public immutable offeringId;

    address[] public actors;
    uint256[] public tokens; // positions the actors may auction
    uint256[] public auctionIds;
    GhostBid[] public bids;
    mapping(uint256 auctionId => uint256 bidIndexPlusOne) public leadingBidOf;
    mapping(uint256 auctionId => uint256) public settleCount;
    mapping(uint256 tokenId => address) public sellerOf; // last seller of a position
    mapping(uint256 tokenId => address) public winnerOf; // last winner of a position
    mapping(address account => uint256) public proceedsOf; // credited, not yet withdrawn
    uint256 public withdrawals;

    constructor(
        HashpowerExchange exchange_,
        PositionAuctions auctions_,
        BridgedToken usdt_,
        address miner_,
        address governor_,
        uint256 offeringId_,
        address[] memory actors_,
        uint256[] memory tokens_
    ) {
        exchange = exchange_;
        auctions = auctions_;
        usdt = usdt_;
        miner = miner_;
        governor = governor_;
        offeringId = offeringId_;
        actors = actors_;
        tokens = tokens_;
    }

    function bidCount() external view returns (uint256) {
        return bids.length;
    }

    function auctionCount() external view returns (uint256) {
        return auctionIds.length;
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function bidAt(uint256 i) external view returns (GhostBid memory) {
        return bids[i];
    }

    // ------------------------------------------------------------------ actions

    function createSecondary(uint256 tokenSeed, uint256 reserveSeed, uint256 durationSeed) external {
        uint256 tokenId = tokens[tokenSeed % tokens.length];
        if (exchange.lockedBy(tokenId) != address(0)) return;
        address owner = exchange.ownerOf(tokenId);
        uint256 reserve = bound(reserveSeed, 1, 500e6);
        uint256 duration = bound(durationSeed, 1 hours, 3 days);
        vm.prank(owner);
        try auctions.createAuction(tokenId, address(usdt), reserve, duration) returns (uint256 id) {
            auctionIds.push(id);
            sellerOf[tokenId] = owner;
        } catch {} // a halted offering's position cannot be auctioned
    }

    function createPrimary(uint256 unitsSeed, uint256 durationSeed, uint256 reserveSeed) external {
        uint256 saleEnd = exchange.getOffering(offeringId).saleEnd;
        if (block.timestamp + 1 hours > saleEnd) return;
        uint256 left = exchange.getOffering(offeringId).unitsTotal - exchange.getOffering(offeringId).unitsSold;
        if (left == 0) return;
        uint256 units = bound(unitsSeed, 1, left < 50 ? left : 50);
        uint256 duration = bound(durationSeed, 1 hours, saleEnd - block.timestamp);
        vm.prank(miner);
        auctionIds.push(auctions.createPrimaryAuction(offeringId, units, bound(reserveSeed, 1, 500e6), duration));
    }

    function bid(uint256 auctionSeed, uint256 actorSeed, uint256 extraSeed) external {
        if (auctionIds.length == 0) return;
        uint256 id = auctionIds[auctionSeed % auctionIds.length];
        address bidder = actors[actorSeed % actors.length];
        uint256 minimum;
        try auctions.minNextBid(id) returns (uint256 m) {
            minimum = m;
        } catch {
            return;
        }
        // Now and then a bid one unit too low, which must fail.
        uint256 amount = extraSeed % 7 == 0 ? minimum - 1 : minimum + bound(extraSeed, 0, 50e6);
        IPositionAuctions.Auction memory before = auctions.getAuction(id);
        vm.prank(bidder);
        try auctions.bid(id, amount) {
            if (amount < minimum) revert("handler: a bid under the minimum was taken");
            uint256 leading = leadingBidOf[id];
            if (leading != 0 && before.leader == bidder) {
                bids[leading - 1].amount = amount; // a raise of its own bid
                return;
            }
            if (leading != 0) bids[leading - 1].status = BidStatus.Refundable;
            bids.push(GhostBid(id, bidder, amount, BidStatus.Leading));
            leadingBidOf[id] = bids.length;
        } catch {}
    }

    function cancel(uint256 auctionSeed, bool asStranger) external {
        if (auctionIds.length == 0) return;
        uint256 id = auctionIds[auctionSeed % auctionIds.length];
        IPositionAuctions.Auction memory a = auctions.getAuction(id);
        vm.prank(asStranger ? actors[0] == a.seller ? actors[1] : actors[0] : a.seller);
        try auctions.cancel(id) {
            if (asStranger) revert("handler: a stranger cancelled");
            if (leadingBidOf[id] != 0) revert("handler: cancelled after a bid");
        } catch {}
    }

    function settle(uint256 auctionSeed) external {
        if (auctionIds.length == 0) return;
        uint256 id = auctionIds[auctionSeed % auctionIds.length];
        IPositionAuctions.Auction memory a = auctions.getAuction(id);
        for (uint256 attempt; attempt < 2; ++attempt) {
            try auctions.settle(id) {
                ++settleCount[id];
                uint256 leading = leadingBidOf[id];
                if (leading == 0) continue;
                bids[leading - 1].status = BidStatus.PaidOut;
                if (a.kind == IPositionAuctions.AuctionKind.Secondary) {
                    uint256 amount = bids[leading - 1].amount;
                    proceedsOf[a.seller] += amount - amount * a.feeBps / 10_000;
                    winnerOf[a.tokenId] = bids[leading - 1].bidder;
                }
            } catch {}
        }
    }

    function withdrawLeadingBid(uint256 auctionSeed) external {
        if (auctionIds.length == 0) return;
        uint256 id = auctionIds[auctionSeed % auctionIds.length];
        uint256 leading = leadingBidOf[id];
        if (leading == 0) return;
        vm.prank(bids[leading - 1].bidder);
        try auctions.withdrawLeadingBid(id) {
            bids[leading - 1].status = BidStatus.Refundable;
        } catch {}
    }

    function withdraw(uint256 actorSeed) external {
        address account = actorSeed % 5 == 4 ? miner : actors[actorSeed % actors.length];
        vm.prank(account);
        try auctions.withdraw(address(usdt), account) returns (uint256 amount) {
            uint256 refunds;
            for (uint256 i; i < bids.length; ++i) {
                if (bids[i].bidder == account && bids[i].status == BidStatus.Refundable) {
                    bids[i].status = BidStatus.Refunded;
                    refunds += bids[i].amount;
                }
            }
            if (amount != refunds + proceedsOf[account]) revert("handler: withdrew other than refunds + proceeds");
            proceedsOf[account] = 0;
            ++withdrawals;
        } catch {}
    }

    function sweepFees() external {
        auctions.sweepFees(address(usdt));
    }

    /// @dev Flags the offering when its deposits are missed (the miner never deposits here), and halts it
    /// once flagged: bids stop and leaders may withdraw.
    function flagOrHalt() external {
        try exchange.flag(offeringId) {}
        catch {
            vm.prank(governor);
            try exchange.halt(offeringId) {} catch {}
        }
    }

    function warp(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1 minutes, 1 days));
    }
}
