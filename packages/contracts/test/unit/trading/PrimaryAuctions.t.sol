// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionAuctionsErrors} from "../../../src/errors/TradingErrors.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IPositionAuctions} from "../../../src/interfaces/IPositionAuctions.sol";
import {Offering, OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {AuctionsFixture} from "./AuctionsFixture.sol";

/// @notice Primary auctions: a miner auctions units of its active offering; they are reserved from its
/// supply, sold into the daily-release escrow at the winning bid, or released.
contract PrimaryAuctionsTest is AuctionsFixture {
    uint256 internal constant UNITS = 100;
    uint256 internal saleEnd;

    function setUp() public override {
        super.setUp();
        saleEnd = TERM_START * DAY;
    }

    function _fee(uint256 amount) internal pure returns (uint256) {
        return amount * FEE_BPS / BPS;
    }

    function test_Primary_WholeLifecycle() public {
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.UnitsReserved(offeringId, address(auctions), UNITS);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionCreated(
            1,
            IPositionAuctions.AuctionKind.Primary,
            miner,
            0,
            offeringId,
            UNITS,
            address(usdt),
            RESERVE,
            DURATION,
            INCREMENT_BPS,
            0,
            saleEnd
        );
        uint256 id = _primary(UNITS, DURATION);
        vm.assertEq(_get(id).tokenId, 0, "no position before the settle");
        vm.assertEq(exchange.reservedUnits(offeringId), UNITS);
        vm.assertEq(exchange.getOffering(offeringId).unitsSold, UNITS);
        // The fixed-price sale cannot sell the reserved units.
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_InsufficientUnits.selector, offeringId, 901, 900)
        );
        _buy(alice, offeringId, 901);

        uint256 start = block.timestamp;
        _bid(bob, id, RESERVE);
        uint256 amount = auctions.minNextBid(id);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.BidRefundCredited(id, bob, address(usdt), RESERVE);
        _bid(carol, id, amount);
        vm.assertEq(_get(id).endTime, start + DURATION);

        vm.warp(start + DURATION);
        uint256 tokenId = exchange.positionCount() + 1;
        uint256 fee = _fee(amount);
        Offering memory before = exchange.getOffering(offeringId);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.PositionPurchased(
            tokenId, offeringId, carol, address(0), UNITS, amount, fee, amount - fee, _today(), TERM_START, 0
        );
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionSettled(id, carol, amount, fee, tokenId);
        vm.prank(dave);
        auctions.settle(id);

        vm.assertEq(exchange.ownerOf(tokenId), carol);
        vm.assertEq(exchange.getPosition(tokenId).units, UNITS);
        vm.assertEq(exchange.positionNet(tokenId), amount - fee, "position escrows bid - fee");
        vm.assertEq(_get(id).tokenId, tokenId);
        vm.assertEq(uint256(_get(id).state), uint256(IPositionAuctions.AuctionState.Settled));
        Offering memory afterSale = exchange.getOffering(offeringId);
        vm.assertEq(afterSale.totalNet - before.totalNet, amount - fee, "escrow grows by the net");
        vm.assertEq(afterSale.feesAccrued - before.feesAccrued, fee);
        vm.assertEq(afterSale.unitsSold, UNITS);
        vm.assertEq(exchange.reservedUnits(offeringId), 0);
        vm.assertEq(rewards.creditedTo(carol, address(usdt)), fee, "the exchange credits the winner's fee");
        vm.assertEq(rewards.callAt(rewards.callCount() - 1).source, address(exchange), "by the exchange");
        vm.assertEq(rewards.callAt(rewards.callCount() - 1).referrer, address(0), "an auction names no referrer");
        vm.assertEq(usdt.balanceOf(address(auctions)), RESERVE, "only bob's refund is left here");
        vm.assertEq(auctions.feesAccrued(address(usdt)), 0);

        // The escrow releases the net day by day to the miner, like a fixed-price sale.
        _warpToDay(TERM_START + 18);
        vm.assertEq(exchange.withdrawableEscrow(offeringId), (amount - fee) * 18 / TERM_DAYS);
        vm.prank(bob);
        auctions.withdraw(address(usdt), bob);
        vm.assertEq(usdt.balanceOf(address(auctions)), 0);
    }

    function test_Primary_RefundAfterHaltComesFromBidLessFee() public {
        uint256 id = _primary(UNITS, DURATION);
        uint256 amount = 5_000e6 + 3; // odd amount: the fee rounds down as in a fixed-price sale
        _bid(bob, id, amount);
        vm.warp(_get(id).endTime);
        auctions.settle(id);
        uint256 tokenId = _get(id).tokenId;
        uint256 net = amount - _fee(amount);
        vm.assertEq(exchange.positionNet(tokenId), net);
        uint256 flagDay = _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 expected = _expectedRefund(net, TERM_START, TERM_END, flagDay);
        vm.assertEq(exchange.refundableOf(tokenId), expected);
        vm.prank(bob);
        vm.assertEq(exchange.claimRefunds(_ids(tokenId)), expected);
    }

    function test_Primary_CancelReturnsUnits() public {
        uint256 id = _primary(UNITS, DURATION);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.ReservedUnitsReleased(offeringId, address(auctions), UNITS);
        vm.prank(miner);
        auctions.cancel(id);
        vm.assertEq(exchange.reservedUnits(offeringId), 0);
        vm.assertEq(exchange.getOffering(offeringId).unitsSold, 0);
        _buy(alice, offeringId, 1_000); // every unit is for sale again
    }

    function test_Primary_NoBidSettlesAtSaleCloseAndReleases() public {
        uint256 id = _primary(UNITS, DURATION);
        vm.warp(saleEnd - 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotEnded.selector, id, saleEnd));
        auctions.settle(id);
        vm.warp(saleEnd);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
        _bid(bob, id, RESERVE);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.ReservedUnitsReleased(offeringId, address(auctions), UNITS);
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionSettled(id, address(0), 0, 0, 0);
        auctions.settle(id);
        vm.assertEq(exchange.reservedUnits(offeringId), 0);
        vm.assertEq(exchange.getOffering(offeringId).unitsSold, 0);
        vm.assertEq(uint256(_get(id).state), uint256(IPositionAuctions.AuctionState.Settled));
        vm.assertEq(_get(id).tokenId, 0, "nothing minted");
    }

    /// @dev Once a deposit was made the reserved units have shared it: they go to the miner at no price.
    function test_Primary_NoBidAfterDepositsMintsUnitsToMiner() public {
        uint256 id = _primary(UNITS, DURATION);
        _buy(alice, offeringId, 10);
        _warpToDay(TERM_START + 1);
        _deposit(offeringId, 11e18);
        uint256 tokenId = exchange.positionCount() + 1;
        vm.expectEmit(address(auctions));
        emit IPositionAuctions.AuctionSettled(id, address(0), 0, 0, tokenId);
        auctions.settle(id);
        vm.assertEq(exchange.ownerOf(tokenId), miner);
        vm.assertEq(exchange.positionNet(tokenId), 0);
        vm.assertEq(_get(id).tokenId, tokenId);
        vm.assertEq(exchange.reservedUnits(offeringId), 0);
    }

    function test_RevertWhen_NotTheMiner() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NotMiner.selector, offeringId, bob));
        vm.prank(bob);
        auctions.createPrimaryAuction(offeringId, UNITS, RESERVE, DURATION);
    }

    function test_RevertWhen_UnitsOverSupply() public {
        _buy(alice, offeringId, 950);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_InsufficientUnits.selector, offeringId, 51, 50));
        _primary(51, DURATION);
    }

    function test_RevertWhen_AuctionOutlastsSale() public {
        uint256 tooLong = saleEnd - block.timestamp + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionAuctionsErrors.Auctions_EndsAfterSaleClose.selector, block.timestamp + tooLong, saleEnd
            )
        );
        _primary(UNITS, tooLong);
        // Exactly to the close is fine.
        _primary(UNITS, saleEnd - block.timestamp);
    }

    function test_RevertWhen_StrangerCancelsPrimary() public {
        uint256 id = _primary(UNITS, DURATION);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotSeller.selector, id, bob));
        vm.prank(bob);
        auctions.cancel(id);
    }

    /// @dev Flagging needs missed term days, so it reaches a primary auction only after the sale closed
    /// and before someone settled it. The leader may take its bid back (the units are released) ...
    function test_Primary_FlaggedBeforeSettle_LeaderWithdraws() public {
        uint256 id = _primary(UNITS, 1 hours);
        _bid(bob, id, RESERVE);
        _flagForMissedDeposits(offeringId);
        vm.prank(bob);
        auctions.withdrawLeadingBid(id);
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), RESERVE);
        vm.assertEq(exchange.reservedUnits(offeringId), 0);
        vm.assertEq(exchange.getOffering(offeringId).unitsSold, 0);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_AlreadyClosed.selector, id));
        auctions.settle(id);
    }

    /// @dev Governance revoking the primary-auction role mid-auction must not trap the leader's bid: the sale
    /// could never happen, so the leader takes it back (the units stay reserved until the role is restored).
    function test_Attack_RevokedPrimaryRoleTrapsNoBid() public {
        uint256 id = _primary(UNITS, 1 hours);
        _bid(bob, id, RESERVE);
        bytes32 role = exchange.PRIMARY_AUCTION_ROLE();
        vm.prank(governor);
        exchange.revokeRole(role, address(auctions));
        vm.warp(_get(id).endTime);
        vm.expectRevert(); // the sale needs the role
        auctions.settle(id);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_CannotWithdrawBid.selector, id, alice));
        auctions.withdrawLeadingBid(id);
        vm.prank(bob);
        auctions.withdrawLeadingBid(id);
        vm.assertEq(auctions.withdrawable(bob, address(usdt)), RESERVE);
        vm.assertEq(exchange.reservedUnits(offeringId), UNITS, "reserved until governance restores the role");
        uint256 before = usdt.balanceOf(bob);
        vm.prank(bob);
        auctions.withdraw(address(usdt), bob);
        vm.assertEq(usdt.balanceOf(bob) - before, RESERVE);
    }

    /// @dev ... or anyone settles it as usual, and the winner holds the refund right of a halted offering.
    function test_Primary_HaltedBeforeSettle_SettlesNormally() public {
        uint256 id = _primary(UNITS, 1 hours);
        _bid(bob, id, RESERVE);
        uint256 flagDay = _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        auctions.settle(id);
        uint256 tokenId = _get(id).tokenId;
        vm.assertEq(exchange.ownerOf(tokenId), bob);
        uint256 net = RESERVE - _fee(RESERVE);
        vm.assertEq(exchange.refundableOf(tokenId), _expectedRefund(net, TERM_START, TERM_END, flagDay));
    }

    /// @dev Wherever the first bid and the late bids fall, the end never passes the sale's close and a
    /// bid at the close is refused.
    function testFuzz_PrimaryExtensionNeverPassesSaleEnd(uint256 duration, uint256 firstAt, uint256[4] memory gaps)
        public
    {
        duration = bound(duration, 1 hours, saleEnd - block.timestamp);
        uint256 id = _primary(UNITS, duration);
        firstAt = bound(firstAt, block.timestamp, saleEnd - 1);
        vm.warp(firstAt);
        _bid(bob, id, RESERVE);
        vm.assertLe(_get(id).endTime, saleEnd);
        vm.assertEq(_get(id).endTime, firstAt + duration < saleEnd ? firstAt + duration : saleEnd);
        address[2] memory bidders = [carol, bob];
        for (uint256 i; i < 4; ++i) {
            uint256 end = _get(id).endTime;
            uint256 at = block.timestamp + bound(gaps[i], 0, end - block.timestamp);
            vm.warp(at);
            uint256 amount = auctions.minNextBid(id);
            if (at >= end) {
                vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
                _bid(bidders[i % 2], id, amount);
                break;
            }
            _bid(bidders[i % 2], id, amount);
            uint256 newEnd = _get(id).endTime;
            vm.assertLe(newEnd, saleEnd, "never past the sale's close");
            uint256 want = end - at < 15 minutes ? (at + 15 minutes < saleEnd ? at + 15 minutes : saleEnd) : end;
            vm.assertEq(newEnd, want);
        }
        vm.warp(saleEnd);
        uint256 late = auctions.minNextBid(id);
        vm.expectRevert(abi.encodeWithSelector(IPositionAuctionsErrors.Auctions_NotOpen.selector, id));
        _bid(carol, id, late);
    }
}
