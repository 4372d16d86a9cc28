// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionAuctions} from "../../src/interfaces/IPositionAuctions.sol";
import {AuctionsFixture} from "../unit/trading/AuctionsFixture.sol";
import {AuctionsHandler} from "./handlers/AuctionsHandler.sol";

/// @notice Invariants 26-30 of test/invariant/README.md (auctions), checked after every random action.
contract AuctionInvariants is AuctionsFixture {
    AuctionsHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](4);
        (actors[0], actors[1], actors[2], actors[3]) = (alice, bob, carol, dave);
        uint256[] memory tokens = new uint256[](8);
        for (uint256 i; i < 8; ++i) {
            tokens[i] = _buy(actors[i % 4], offeringId, 1 + i);
        }
        handler = new AuctionsHandler(exchange, auctions, usdt, miner, governor, offeringId, actors, tokens);
        vm.prank(miner);
        usdt.approve(address(auctions), type(uint256).max);
        // Start with one auction of each kind and a bid on each, so no run checks nothing.
        handler.createSecondary(0, RESERVE, DURATION);
        handler.createPrimary(10, DURATION, RESERVE);
        handler.bid(0, 1, 1);
        handler.bid(1, 2, 1);
        targetContract(address(handler));
    }

    /// @dev The handler's paths are reachable: outbids, raises, settles of both kinds, refunds pulled.
    function test_HandlerReachesEveryPath() public {
        handler.bid(0, 2, 3); // carol outbids bob on the secondary auction
        handler.bid(0, 2, 5); // carol raises its own bid
        handler.bid(1, 3, 2); // dave outbids carol on the primary auction
        handler.warp(1 days);
        handler.warp(1 days);
        handler.settle(0);
        handler.settle(1);
        handler.withdraw(1); // bob's refund
        handler.withdraw(0); // alice's proceeds
        handler.sweepFees();
        vm.assertEq(handler.bidCount(), 4);
        vm.assertEq(handler.settleCount(1), 1);
        vm.assertEq(handler.settleCount(2), 1);
        vm.assertEq(handler.withdrawals(), 2);
        invariant_26_to_30_auctions();
    }

    /// @dev The flag path: the miner misses its deposits, the offering is flagged then halted, bids stop
    /// and a leader takes its bid back.
    function test_HandlerReachesFlagPath() public {
        for (uint256 i; i < 10; ++i) {
            handler.warp(1 days);
        }
        handler.flagOrHalt();
        vm.assertEq(uint256(exchange.offeringStatus(offeringId)), 2, "flagged");
        handler.withdrawLeadingBid(0); // bob's bid on the secondary auction
        vm.assertEq(uint256(handler.bidAt(0).status), uint256(AuctionsHandler.BidStatus.Refundable));
        handler.flagOrHalt();
        vm.assertEq(uint256(exchange.offeringStatus(offeringId)), 3, "halted");
        handler.withdrawLeadingBid(1); // carol's bid on the primary auction
        handler.withdraw(1);
        invariant_26_to_30_auctions();
    }

    /// @dev 26: every bid is exactly one of leading, refundable, refunded, paid out, and the contract agrees.
    /// 27: an auction settles at most once. 28: the stablecoin held is what is owed. 29: no NFT stranded.
    /// 30: the exchange's reserved units are the units of the open primary auctions.
    function invariant_26_to_30_auctions() public view {
        uint256 n = handler.auctionCount();
        uint256 leadingOpen;
        uint256 reserved;
        for (uint256 i; i < n; ++i) {
            uint256 id = i + 1;
            IPositionAuctions.Auction memory a = auctions.getAuction(id);
            vm.assertLe(handler.settleCount(id), 1, "27: settled more than once");
            if (handler.settleCount(id) == 1) {
                vm.assertEq(uint256(a.state), uint256(IPositionAuctions.AuctionState.Settled), "27: state");
            }
            uint256 leading = handler.leadingBidOf(id);
            if (a.state == IPositionAuctions.AuctionState.Open) {
                if (leading != 0) {
                    AuctionsHandler.GhostBid memory b = handler.bidAt(leading - 1);
                    vm.assertEq(uint256(b.status), uint256(AuctionsHandler.BidStatus.Leading), "26: open lead");
                    vm.assertEq(a.leader, b.bidder, "26: leader");
                    vm.assertEq(a.leadingBid, b.amount, "26: leading amount");
                    leadingOpen += a.leadingBid;
                } else {
                    vm.assertEq(a.leader, address(0), "26: leader without a bid");
                }
                if (a.kind == IPositionAuctions.AuctionKind.Primary) reserved += a.units;
            }
        }
        vm.assertEq(exchange.reservedUnits(offeringId), reserved, "30: reserved units");

        uint256 bidsTotal = handler.bidCount();
        uint256 leaders;
        for (uint256 i; i < bidsTotal; ++i) {
            AuctionsHandler.GhostBid memory b = handler.bidAt(i);
            if (b.status == AuctionsHandler.BidStatus.Leading) {
                ++leaders;
                vm.assertEq(handler.leadingBidOf(b.auctionId), i + 1, "26: a leading bid that does not lead");
            }
        }
        uint256 openWithBids;
        for (uint256 i; i < n; ++i) {
            if (
                auctions.getAuction(i + 1).state == IPositionAuctions.AuctionState.Open
                    && handler.leadingBidOf(i + 1) != 0
            ) ++openWithBids;
        }
        vm.assertEq(leaders, openWithBids, "26: one leading bid per open auction with bids");

        // 26 + 28: credits are exactly the refundable bids plus proceeds; the balance covers all of it.
        uint256 credits;
        uint256 actorsN = handler.actorCount();
        for (uint256 k; k <= actorsN; ++k) {
            address account = k == actorsN ? miner : handler.actors(k);
            uint256 refundable;
            for (uint256 i; i < bidsTotal; ++i) {
                AuctionsHandler.GhostBid memory b = handler.bidAt(i);
                if (b.bidder == account && b.status == AuctionsHandler.BidStatus.Refundable) refundable += b.amount;
            }
            uint256 w = auctions.withdrawable(account, address(usdt));
            vm.assertEq(w, refundable + handler.proceedsOf(account), "26: credits = refundable + proceeds");
            credits += w;
        }
        vm.assertEq(
            usdt.balanceOf(address(auctions)),
            leadingOpen + credits + auctions.feesAccrued(address(usdt)),
            "28: held = leading bids + credits + fees"
        );

        // 29: every position is locked by its open auction (with its seller), or free with its seller or winner.
        uint256 tokensN = handler.tokenCount();
        for (uint256 i; i < tokensN; ++i) {
            uint256 tokenId = handler.tokens(i);
            address owner = exchange.ownerOf(tokenId);
            uint256 open = auctions.auctionOfToken(tokenId);
            if (open != 0) {
                IPositionAuctions.Auction memory a = auctions.getAuction(open);
                vm.assertEq(uint256(a.state), uint256(IPositionAuctions.AuctionState.Open), "29: open auction");
                vm.assertEq(exchange.lockedBy(tokenId), address(auctions), "29: locked by its auction");
                vm.assertEq(owner, a.seller, "29: with its seller");
            } else {
                vm.assertEq(exchange.lockedBy(tokenId), address(0), "29: stranded lock");
                address seller = handler.sellerOf(tokenId);
                if (seller != address(0)) {
                    vm.assertTrue(owner == seller || owner == handler.winnerOf(tokenId), "29: with seller or winner");
                }
            }
        }
    }
}
