// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {IPositionLockerErrors} from "../../../src/errors/LockErrors.sol";
import {IPositionListingsErrors} from "../../../src/errors/TradingErrors.sol";
import {IFeeVaultErrors} from "../../../src/errors/FeeErrors.sol";
import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {IFeeVault} from "../../../src/interfaces/IFeeVault.sol";
import {IPositionListings} from "../../../src/interfaces/IPositionListings.sol";
import {ITradingRewards} from "../../../src/interfaces/ITradingRewards.sol";
import {PositionListings} from "../../../src/trading/PositionListings.sol";
import {OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../../mocks/CallbackToken.sol";
import {RecordingRewards} from "../../mocks/RecordingRewards.sol";
import {ReentrantReceiver} from "../../mocks/ReentrantReceiver.sol";
import {TestLocker} from "../../mocks/TestLocker.sol";
import {Vm} from "../../utils/Vm.sol";
import {UnitHelpers} from "../UnitHelpers.sol";

/// @notice Fixed-price listings on the real exchange: list, update, cancel, buy, the 2% fee, and every
/// way a listing must die (transfer, lock, halt, expiry) and stay dead.
contract PositionListingsTest is UnitHelpers {
    uint256 internal constant TRADING_FEE_BPS = 200;
    uint256 internal constant LIST_PRICE = 400e6; // 400 USDT for 10 units

    ProtocolParameters internal params;
    RecordingRewards internal recorder;
    PositionListings internal listings;
    TestLocker internal locker;
    address internal feeSink = makeAddr("feeSink");
    address internal referrer = makeAddr("referrer");
    uint256 internal tokenA; // alice, 10 units
    uint256 internal tokenB; // bob, 30 units
    uint256 internal expiry;

    function setUp() public override {
        super.setUp();
        params = new ProtocolParameters(governor, uint16(TRADING_FEE_BPS), 100);
        recorder = new RecordingRewards();
        listings = new PositionListings(exchange, params, ITradingRewards(address(recorder)), governor, feeSink);
        locker = new TestLocker(exchange);
        vm.prank(governor);
        exchange.setLocker(address(locker), true);
        tokenA = _buy(alice, offeringId, 10);
        tokenB = _buy(bob, offeringId, 30);
        address[3] memory accounts = [alice, bob, carol];
        for (uint256 i; i < accounts.length; ++i) {
            vm.startPrank(accounts[i]);
            usdt.approve(address(listings), type(uint256).max);
            exchange.setApprovalForAll(address(locker), true);
            vm.stopPrank();
        }
        expiry = block.timestamp + 7 days;
    }

    // ------------------------------------------------------------------ helpers

    function _approveAndList(address seller, uint256 tokenId, uint256 price) internal returns (uint256 id) {
        vm.startPrank(seller);
        exchange.approve(address(listings), tokenId);
        id = listings.list(tokenId, address(usdt), price, expiry);
        vm.stopPrank();
    }

    function _listA() internal returns (uint256) {
        return _approveAndList(alice, tokenA, LIST_PRICE);
    }

    function _buyAs(address buyer, uint256 tokenId) internal {
        vm.prank(buyer);
        listings.buy(tokenId, type(uint256).max, 0, address(0));
    }

    function _expectBuyRevert(address buyer, uint256 tokenId, bytes memory err) internal {
        vm.expectRevert(err);
        _buyAs(buyer, tokenId);
    }

    /// @dev 40 units sold: each deposit of 4e18 pays 0.1 IFIL a unit, so 1e18 to tokenA.
    function _earnDays(uint256 n) internal {
        _warpToDay(TERM_START + n);
        for (uint256 i; i < n; ++i) {
            _deposit(offeringId, 4e18);
        }
    }

    // ------------------------------------------------------------------ list

    function test_List_StoresListingWithFeeSnapshot() public {
        vm.prank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectEmit(address(listings));
        emit IPositionListings.Listed(1, tokenA, alice, address(usdt), LIST_PRICE, expiry, TRADING_FEE_BPS);
        vm.prank(alice);
        vm.assertEq(listings.list(tokenA, address(usdt), LIST_PRICE, expiry), 1);

        IPositionListings.Listing memory l = listings.listingOf(tokenA);
        vm.assertEq(l.seller, alice);
        vm.assertEq(l.price, LIST_PRICE);
        vm.assertEq(l.paymentToken, address(usdt));
        vm.assertEq(l.expiry, expiry);
        vm.assertEq(l.feeBps, TRADING_FEE_BPS);
        vm.assertEq(l.listingId, 1);
        vm.assertTrue(listings.isLive(tokenA));
        vm.assertEq(exchange.ownerOf(tokenA), alice, "no custody");
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "no lock");
        vm.assertEq(_approveAndList(bob, tokenB, 1e6), 2, "ids increase");
    }

    function test_List_ReplacesEarlierListingOfThePosition() public {
        uint256 first = _listA();
        vm.expectEmit(address(listings));
        emit IPositionListings.ListingCancelled(first, tokenA, alice);
        vm.expectEmit(address(listings));
        emit IPositionListings.Listed(first + 1, tokenA, alice, address(usdt), 500e6, expiry, TRADING_FEE_BPS);
        vm.prank(alice);
        listings.list(tokenA, address(usdt), 500e6, expiry);
        vm.assertEq(listings.listingOf(tokenA).price, 500e6);
        vm.assertEq(listings.listingOf(tokenA).listingId, first + 1);
    }

    function test_RevertWhen_ListingWithOperatorApprovalOnly() public {
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(listings), true);
        vm.expectRevert(abi.encodeWithSelector(IPositionListingsErrors.Listings_NotApproved.selector, tokenA));
        listings.list(tokenA, address(usdt), LIST_PRICE, expiry);
        vm.stopPrank();
    }

    function test_RevertWhen_ListingAnotherOwnersPosition() public {
        vm.prank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenA, carol, alice)
        );
        vm.prank(carol);
        listings.list(tokenA, address(usdt), LIST_PRICE, expiry);
    }

    function test_RevertWhen_ListingLockedPosition() public {
        vm.startPrank(alice);
        locker.stake(tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionListingsErrors.Listings_PositionLocked.selector, tokenA, address(locker))
        );
        listings.list(tokenA, address(usdt), LIST_PRICE, expiry);
        vm.stopPrank();
    }

    function test_RevertWhen_ListingInUnlistedToken() public {
        vm.prank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionListingsErrors.Listings_PaymentTokenNotListed.selector, address(ifil))
        );
        vm.prank(alice);
        listings.list(tokenA, address(ifil), LIST_PRICE, expiry);
    }

    function test_RevertWhen_ListingAtZeroOrOversizedPrice() public {
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionListingsErrors.Listings_InvalidPrice.selector, 0));
        listings.list(tokenA, address(usdt), 0, expiry);
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IPositionListingsErrors.Listings_InvalidPrice.selector, tooBig));
        listings.list(tokenA, address(usdt), tooBig, expiry);
        listings.list(tokenA, address(usdt), type(uint96).max, expiry); // the largest price fits
        vm.stopPrank();
    }

    function test_RevertWhen_ListingWithExpiryNotInFuture() public {
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionListingsErrors.Listings_InvalidExpiry.selector, block.timestamp, block.timestamp
            )
        );
        listings.list(tokenA, address(usdt), LIST_PRICE, block.timestamp);
        vm.stopPrank();
    }

    function test_RevertWhen_ListingPositionOfHaltedOffering() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Halted, TERM_END
            )
        );
        listings.list(tokenA, address(usdt), LIST_PRICE, block.timestamp + 1 days);
        vm.stopPrank();
    }

    function test_RevertWhen_ListingAfterTermEnd() public {
        _warpToDay(TERM_END);
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Active, TERM_END
            )
        );
        listings.list(tokenA, address(usdt), LIST_PRICE, block.timestamp + 1 days);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ update and cancel

    function test_Update_ChangesPriceAndExpiryKeepsFeeSnapshot() public {
        uint256 id = _listA();
        vm.prank(governor);
        params.setTradingFee(500);
        vm.expectEmit(address(listings));
        emit IPositionListings.ListingUpdated(id, tokenA, 300e6, expiry + 1 days);
        vm.prank(alice);
        listings.updateListing(tokenA, 300e6, expiry + 1 days);
        IPositionListings.Listing memory l = listings.listingOf(tokenA);
        vm.assertEq(l.price, 300e6);
        vm.assertEq(l.expiry, expiry + 1 days);
        vm.assertEq(l.feeBps, TRADING_FEE_BPS, "the fee stays as listed");
        vm.assertEq(l.listingId, id);

        _buyAs(bob, tokenA);
        vm.assertEq(listings.feesAccrued(address(usdt)), 300e6 * TRADING_FEE_BPS / BPS);
    }

    function test_RevertWhen_StrangerUpdatesListing() public {
        _listA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionListingsErrors.Listings_NotSeller.selector, tokenA, carol, alice)
        );
        vm.prank(carol);
        listings.updateListing(tokenA, 1e6, expiry);
    }

    function test_RevertWhen_SellerUpdatesListingOfPositionItSold() public {
        _listA();
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionListingsErrors.Listings_SellerNoLongerOwns.selector, tokenA, alice, carol)
        );
        vm.prank(alice);
        listings.updateListing(tokenA, 1e6, expiry);
    }

    function test_RevertWhen_UpdatingWithInvalidTerms() public {
        _listA();
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPositionListingsErrors.Listings_InvalidPrice.selector, 0));
        listings.updateListing(tokenA, 0, expiry);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionListingsErrors.Listings_InvalidExpiry.selector, block.timestamp - 1, block.timestamp
            )
        );
        listings.updateListing(tokenA, 1e6, block.timestamp - 1);
        vm.stopPrank();
    }

    function test_Cancel_BySeller() public {
        uint256 id = _listA();
        vm.expectEmit(address(listings));
        emit IPositionListings.ListingCancelled(id, tokenA, alice);
        vm.prank(alice);
        listings.cancelListing(tokenA);
        vm.assertEq(listings.listingOf(tokenA).seller, address(0));
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_NotListed.selector, tokenA)
        );
    }

    function test_Cancel_ByCurrentOwnerOfTransferredPosition() public {
        uint256 id = _listA();
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenA);
        vm.expectEmit(address(listings));
        emit IPositionListings.ListingCancelled(id, tokenA, carol);
        vm.prank(carol);
        listings.cancelListing(tokenA);
        vm.assertEq(listings.listingOf(tokenA).seller, address(0));
    }

    function test_RevertWhen_StrangerCancelsListing() public {
        _listA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionListingsErrors.Listings_NotSeller.selector, tokenA, carol, alice)
        );
        vm.prank(carol);
        listings.cancelListing(tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionListingsErrors.Listings_NotListed.selector, tokenB));
        vm.prank(bob);
        listings.cancelListing(tokenB);
    }

    // ------------------------------------------------------------------ buy

    function test_Buy_MovesPositionPaysSellerKeepsFeeCreditsBuyer() public {
        uint256 id = _listA();
        uint256 fee = LIST_PRICE * TRADING_FEE_BPS / BPS; // 8 USDT
        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 bobBefore = usdt.balanceOf(bob);

        vm.recordLogs();
        vm.expectEmit(address(listings));
        emit IPositionListings.ListingSold(id, tokenA, bob, alice, address(usdt), LIST_PRICE, fee, referrer);
        vm.prank(bob);
        listings.buy(tokenA, LIST_PRICE, 0, referrer);

        vm.assertEq(exchange.ownerOf(tokenA), bob);
        vm.assertEq(usdt.balanceOf(alice) - aliceBefore, LIST_PRICE - fee);
        vm.assertEq(bobBefore - usdt.balanceOf(bob), LIST_PRICE);
        vm.assertEq(usdt.balanceOf(address(listings)), fee);
        vm.assertEq(listings.feesAccrued(address(usdt)), fee);
        vm.assertEq(listings.listingOf(tokenA).seller, address(0), "a sold listing is gone");
        vm.assertEq(exchange.getApproved(tokenA), address(0), "the transfer cleared the approval");

        vm.assertEq(recorder.callCount(), 1);
        RecordingRewards.Call memory c = recorder.callAt(0);
        vm.assertEq(c.source, address(listings));
        vm.assertEq(c.account, bob);
        vm.assertEq(c.token, address(usdt));
        vm.assertEq(c.fee, fee);
        vm.assertEq(c.referrer, referrer, "the listing passes its buyer's referrer to the fee hook");
    }

    /// @dev Checks-effects-interactions: ListingSold precedes the NFT's Transfer and the payments.
    function test_Buy_EmitsSoldBeforeAnythingMoves() public {
        _listA();
        vm.recordLogs();
        _buyAs(bob, tokenA);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes32 sold = IPositionListings.ListingSold.selector;
        uint256 soldAt = type(uint256).max;
        uint256 firstTransferAt = type(uint256).max;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(listings) && logs[i].topics[0] == sold && soldAt == type(uint256).max) {
                soldAt = i;
            }
            if (
                (logs[i].emitter == address(exchange) || logs[i].emitter == address(usdt))
                    && logs[i].topics[0] == ERC20_TRANSFER && firstTransferAt == type(uint256).max
            ) firstTransferAt = i;
        }
        vm.assertLt(soldAt, firstTransferAt);
    }

    function test_Buy_PositionCarriesItsUnclaimedRewards() public {
        _listA();
        _earnDays(2);
        vm.assertEq(exchange.claimableRewards(tokenA), 2e18);
        expiry = block.timestamp + 1 days;
        vm.prank(alice);
        listings.updateListing(tokenA, LIST_PRICE, expiry);
        vm.prank(bob);
        listings.buy(tokenA, LIST_PRICE, 2e18, address(0));
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 2e18);
    }

    function test_Buy_WithoutRewardsContract() public {
        PositionListings bare = new PositionListings(exchange, params, ITradingRewards(address(0)), governor, feeSink);
        vm.startPrank(alice);
        exchange.approve(address(bare), tokenA);
        bare.list(tokenA, address(usdt), LIST_PRICE, expiry);
        vm.stopPrank();
        vm.startPrank(bob);
        usdt.approve(address(bare), type(uint256).max);
        bare.buy(tokenA, LIST_PRICE, 0, address(0));
        vm.stopPrank();
        vm.assertEq(exchange.ownerOf(tokenA), bob);
        vm.assertEq(bare.feesAccrued(address(usdt)), LIST_PRICE * TRADING_FEE_BPS / BPS);
    }

    function test_Buy_ZeroFeeCreditsNothing() public {
        vm.prank(governor);
        params.setTradingFee(0);
        _listA();
        uint256 before = usdt.balanceOf(alice);
        _buyAs(bob, tokenA);
        vm.assertEq(usdt.balanceOf(alice) - before, LIST_PRICE);
        vm.assertEq(usdt.balanceOf(address(listings)), 0);
        vm.assertEq(recorder.callCount(), 0);
    }

    function test_RevertWhen_BuyerIsSeller() public {
        _listA();
        _expectBuyRevert(
            alice, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_BuyerIsSeller.selector, tokenA)
        );
    }

    function test_RevertWhen_BuyingUnlistedPosition() public {
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_NotListed.selector, tokenA)
        );
    }

    /// @dev Fee math with 6-decimal prices: the fee is rounded down and seller + fee is the price exactly.
    function testFuzz_FeeMath_SellerPlusFeeIsPrice(uint256 price, uint256 feeBps) public {
        price = bound(price, 1, type(uint96).max);
        feeBps = bound(feeBps, 0, params.MAX_TRADING_FEE_BPS());
        vm.prank(governor);
        params.setTradingFee(uint16(feeBps));
        vm.prank(bridge);
        usdt.mint(carol, price);
        _approveAndList(alice, tokenA, price);
        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 carolBefore = usdt.balanceOf(carol);
        _buyAs(carol, tokenA);

        uint256 fee = listings.feesAccrued(address(usdt));
        uint256 toSeller = usdt.balanceOf(alice) - aliceBefore;
        vm.assertEq(toSeller + fee, price, "seller + fee == price");
        vm.assertEq(carolBefore - usdt.balanceOf(carol), price);
        vm.assertEq(usdt.balanceOf(address(listings)), fee);
        vm.assertLe(fee * BPS, price * feeBps, "rounded down");
        vm.assertGt((fee + 1) * BPS, price * feeBps, "by less than one base unit");
    }

    function test_FeeMath_RoundsDownOnSmallPrices() public {
        // 2% of 0.000049 USDT is 0.00000098: nothing; of 0.000050 it is one base unit.
        _approveAndList(alice, tokenA, 49);
        _buyAs(bob, tokenA);
        vm.assertEq(listings.feesAccrued(address(usdt)), 0);
        _approveAndList(bob, tokenA, 50);
        _buyAs(carol, tokenA);
        vm.assertEq(listings.feesAccrued(address(usdt)), 1);
        _approveAndList(carol, tokenA, 38_123_457); // 38.123457 USDT -> 0.762469 (0.76246914 floored)
        _buyAs(alice, tokenA);
        vm.assertEq(listings.feesAccrued(address(usdt)), 1 + 762_469);
    }

    // ------------------------------------------------------------------ a listing dies and stays dead

    function test_Attack_ListingNeverFillsAfterTransferAway() public {
        _listA();
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenA);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob,
            tokenA,
            abi.encodeWithSelector(IPositionListingsErrors.Listings_SellerNoLongerOwns.selector, tokenA, alice, carol)
        );
        // Even if the new owner approves this contract (to list it later), alice's listing cannot take its position.
        vm.prank(carol);
        exchange.approve(address(listings), tokenA);
        _expectBuyRevert(
            bob,
            tokenA,
            abi.encodeWithSelector(IPositionListingsErrors.Listings_SellerNoLongerOwns.selector, tokenA, alice, carol)
        );
        vm.assertEq(exchange.ownerOf(tokenA), carol);
    }

    /// @dev Alice keeps an operator approval for the listings; the position leaves and returns: the old
    /// listing at its old price must not fill, because the transfer cleared the per-token approval.
    function test_Attack_ListingNeverFillsAfterTransferAwayAndBack() public {
        _listA();
        vm.prank(alice);
        exchange.setApprovalForAll(address(listings), true);
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenA);
        vm.prank(carol);
        exchange.transferFrom(carol, alice, tokenA);
        vm.assertEq(exchange.ownerOf(tokenA), alice);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_NotApproved.selector, tokenA)
        );
        vm.assertEq(exchange.ownerOf(tokenA), alice);
    }

    /// @dev The one way a dead listing fills again: its own seller, owning the position again, approves this
    /// contract anew (as a web flow does right before listing). Nobody else can bring it back, and the
    /// seller can cancel a stale listing first (it stays the seller's to cancel while it owns the position).
    function test_StaleListing_OnlyTheSellersOwnApprovalBringsItBack() public {
        _listA();
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenA);
        vm.prank(carol);
        exchange.approve(address(listings), tokenA); // the new owner's approval does not revive it
        vm.assertFalse(listings.isLive(tokenA));
        vm.prank(carol);
        exchange.transferFrom(carol, alice, tokenA);
        vm.assertFalse(listings.isLive(tokenA), "back with alice, still dead");

        vm.prank(alice);
        listings.cancelListing(tokenA); // the safe order: cancel the stale listing, then approve and list
        vm.prank(alice);
        exchange.approve(address(listings), tokenA);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_NotListed.selector, tokenA)
        );
    }

    /// @dev The exchange accepts `approve` while a position is locked, and an unlock does not clear it: a
    /// seller who approves this contract during a lock (a list attempt that then reverts) brings its old
    /// listing back at the old price once unlocked. The seller's own act only; pinned here so a stricter
    /// exchange (refusing approvals while locked) shows up as a change.
    function test_StaleListing_SellersApprovalDuringLockRevivesItAfterUnlock() public {
        _listA();
        vm.startPrank(alice);
        locker.stake(tokenA);
        exchange.approve(address(listings), tokenA);
        vm.stopPrank();
        vm.assertFalse(listings.isLive(tokenA), "dead while locked");
        vm.prank(alice);
        locker.unstake(tokenA);
        vm.assertTrue(listings.isLive(tokenA), "the seller's own approval revived it");
    }

    function test_Attack_ListingVoidOnceLocked() public {
        _listA();
        vm.prank(alice);
        locker.stake(tokenA);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob,
            tokenA,
            abi.encodeWithSelector(IPositionListingsErrors.Listings_PositionLocked.selector, tokenA, address(locker))
        );
        // Unlocked again (alice also holds an operator approval): the lock cleared the token approval for good.
        vm.prank(alice);
        exchange.setApprovalForAll(address(listings), true);
        vm.prank(alice);
        locker.unstake(tokenA);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_NotApproved.selector, tokenA)
        );
        vm.assertEq(exchange.ownerOf(tokenA), alice);
    }

    function test_Attack_ListingVoidOnceHalted() public {
        expiry = (TERM_START + 30) * DAY;
        _listA();
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob,
            tokenA,
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Halted, TERM_END
            )
        );
    }

    function test_RevertWhen_BuyingAfterTermEnd() public {
        expiry = (TERM_END + 10) * DAY;
        _listA();
        _warpToDay(TERM_END);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob,
            tokenA,
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Active, TERM_END
            )
        );
    }

    function test_Attack_ApprovalRevokedVoidsListing() public {
        _listA();
        vm.prank(alice);
        exchange.approve(address(0), tokenA);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_NotApproved.selector, tokenA)
        );
    }

    function test_Attack_SellerEmptiesRewardsBeforeFill() public {
        expiry = (TERM_START + 30) * DAY;
        _listA();
        _earnDays(2);
        uint256 seen = exchange.claimableRewards(tokenA);
        vm.prank(alice); // the seller front-runs the buyer's fill
        exchange.claimRewards(_ids(tokenA));
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_ValueBelowMinimum.selector, tokenA, 0, seen, 0, 0
            )
        );
        vm.prank(bob);
        listings.buy(tokenA, LIST_PRICE, seen, address(0));
        vm.assertEq(exchange.ownerOf(tokenA), alice);
    }

    function test_Attack_PriceRaisedInFrontOfBuyer() public {
        _listA();
        vm.prank(alice); // sees bob's buy at 400 in the mempool
        listings.updateListing(tokenA, 4_000e6, expiry);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionListingsErrors.Listings_PriceAboveMax.selector, 4_000e6, LIST_PRICE)
        );
        vm.prank(bob);
        listings.buy(tokenA, LIST_PRICE, 0, address(0));
    }

    function test_Expiry_VoidFromTheExpirySecond() public {
        _listA();
        vm.warp(expiry - 1);
        vm.assertTrue(listings.isLive(tokenA));
        uint256 snap = vm.snapshotState();
        _buyAs(bob, tokenA); // the last second still fills
        vm.assertEq(exchange.ownerOf(tokenA), bob);
        vm.revertToState(snap);
        vm.warp(expiry);
        vm.assertFalse(listings.isLive(tokenA));
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_Expired.selector, tokenA, expiry)
        );
    }

    function testFuzz_Expiry_Boundary(uint256 offset) public {
        offset = bound(offset, 1, 30 days);
        expiry = block.timestamp + offset;
        _listA();
        vm.warp(expiry);
        _expectBuyRevert(
            bob, tokenA, abi.encodeWithSelector(IPositionListingsErrors.Listings_Expired.selector, tokenA, expiry)
        );
        vm.warp(expiry - 1);
        _buyAs(bob, tokenA);
        vm.assertEq(exchange.ownerOf(tokenA), bob);
    }

    // ------------------------------------------------------------------ hostile tokens and buyers

    /// @dev A blacklisted seller's listing cannot fill (USDT refuses to pay it); every other listing in
    /// the same token still fills, and the failed buy leaves nothing behind.
    function test_Attack_BlacklistedUsdtSellerFailsOnlyItsListing() public {
        BlacklistableUSDT busdt = new BlacklistableUSDT();
        vm.prank(governor);
        exchange.setPaymentToken(address(busdt), true);
        busdt.mint(carol, 10_000e6);
        vm.prank(carol);
        busdt.approve(address(listings), type(uint256).max);
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenA);
        listings.list(tokenA, address(busdt), LIST_PRICE, expiry);
        vm.stopPrank();
        vm.startPrank(bob);
        exchange.approve(address(listings), tokenB);
        listings.list(tokenB, address(busdt), 900e6, expiry);
        vm.stopPrank();
        busdt.setBlacklisted(alice, true);

        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, alice));
        _buyAs(carol, tokenA);
        vm.assertEq(exchange.ownerOf(tokenA), alice, "nothing moved");
        vm.assertEq(busdt.balanceOf(carol), 10_000e6, "nothing lost");
        vm.assertEq(listings.listingOf(tokenA).seller, alice, "the failed fill changed nothing");

        _buyAs(carol, tokenB);
        uint256 fee = 900e6 * TRADING_FEE_BPS / BPS;
        vm.assertEq(exchange.ownerOf(tokenB), carol);
        vm.assertEq(busdt.balanceOf(bob), 900e6 - fee);
        vm.assertEq(busdt.balanceOf(address(listings)), fee);
        vm.assertEq(listings.feesAccrued(address(busdt)), fee);
    }

    /// @dev A buyer contract re-enters `buy` from the payment token's send hook: the guard refuses it,
    /// the outer fill completes once, and no ERC-721 receiver callback ever runs.
    function test_Attack_ReentrantBuyerCannotReenter() public {
        CallbackToken cbt = new CallbackToken();
        vm.prank(governor);
        exchange.setPaymentToken(address(cbt), true);
        ReentrantReceiver buyer = new ReentrantReceiver(address(listings));
        cbt.mint(address(buyer), 10_000e6);
        buyer.execute(address(cbt), abi.encodeCall(cbt.approve, (address(listings), type(uint256).max)));
        buyer.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        vm.startPrank(alice);
        exchange.approve(address(listings), tokenA);
        listings.list(tokenA, address(cbt), LIST_PRICE, expiry);
        vm.stopPrank();
        vm.startPrank(bob);
        exchange.approve(address(listings), tokenB);
        listings.list(tokenB, address(cbt), 900e6, expiry);
        vm.stopPrank();

        buyer.setTokenAction(abi.encodeCall(listings.buy, (tokenB, type(uint256).max, 0, address(0))));
        buyer.execute(address(listings), abi.encodeCall(listings.buy, (tokenA, LIST_PRICE, 0, address(0))));

        vm.assertTrue(buyer.reentered());
        vm.assertFalse(buyer.lastSuccess());
        vm.assertEq(
            keccak256(buyer.lastReturnData()),
            keccak256(abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector))
        );
        vm.assertEq(exchange.ownerOf(tokenA), address(buyer));
        vm.assertEq(exchange.ownerOf(tokenB), bob, "the re-entered fill did not happen");
        vm.assertEq(buyer.nftCallbacks(), 0, "the position moves without a receiver callback");
        uint256 fee = LIST_PRICE * TRADING_FEE_BPS / BPS;
        vm.assertEq(cbt.balanceOf(alice), LIST_PRICE - fee);
        vm.assertEq(cbt.balanceOf(address(listings)), fee);
        vm.assertTrue(listings.isLive(tokenB), "bob's listing is untouched");
    }

    // ------------------------------------------------------------------ fees and governance

    function test_SweepFees_ByAnyoneToRecipient() public {
        _listA();
        _buyAs(bob, tokenA);
        uint256 fee = LIST_PRICE * TRADING_FEE_BPS / BPS;
        vm.expectEmit(address(listings));
        emit IFeeVault.FeesSwept(address(usdt), feeSink, fee);
        vm.prank(carol);
        vm.assertEq(listings.sweepFees(address(usdt)), fee);
        vm.assertEq(usdt.balanceOf(feeSink), fee);
        vm.assertEq(listings.feesAccrued(address(usdt)), 0);
        vm.assertEq(usdt.balanceOf(address(listings)), 0);
        vm.assertEq(listings.sweepFees(address(usdt)), 0, "a second sweep finds nothing");
    }

    function test_SetFeeRecipient_OnlyOwner() public {
        address next = makeAddr("next");
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, carol));
        vm.prank(carol);
        listings.setFeeRecipient(next);
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        vm.prank(governor);
        listings.setFeeRecipient(address(0));
        vm.expectEmit(address(listings));
        emit IFeeVault.FeeRecipientSet(feeSink, next);
        vm.prank(governor);
        listings.setFeeRecipient(next);
        vm.assertEq(listings.feeRecipient(), next);
    }

    function test_RevertWhen_ConstructedWithZeroAddresses() public {
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        new PositionListings(exchange, params, ITradingRewards(address(0)), governor, address(0));
        vm.expectRevert(IPositionListingsErrors.Listings_ZeroAddress.selector);
        new PositionListings(exchange, ProtocolParameters(address(0)), ITradingRewards(address(0)), governor, feeSink);
    }

    function test_RevertWhen_ListingNonexistentPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 999));
        vm.prank(alice);
        listings.list(999, address(usdt), LIST_PRICE, expiry);
    }
}
