// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Errors, IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {Offering, OfferingStatus, OfferingTerms, Position} from "../../src/types/HashpowerTypes.sol";
import {ReentrantReceiver} from "../mocks/ReentrantReceiver.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Primary sale: buy, buyWithPermit, the channel fee and collectFees.
contract BuyTest is UnitHelpers {
    address internal dave = makeAddr("dave");

    // ------------------------------------------------------------------ buy: effects

    function test_Buy_PullsPriceAccruesFeeEscrowsNetAndMintsPosition() public {
        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 tokenId = _buy(alice, offeringId, 10);

        vm.assertEq(tokenId, 1);
        vm.assertEq(exchange.positionCount(), 1);
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        vm.assertEq(exchange.balanceOf(alice), 1);
        vm.assertEq(aliceBefore - usdt.balanceOf(alice), 380e6, "buyer pays units * price");
        vm.assertEq(usdt.balanceOf(address(exchange)), 380e6, "exchange holds fee + escrow");

        Offering memory o = exchange.getOffering(offeringId);
        vm.assertEq(o.feesAccrued, 19e6, "5% fee accrues");
        vm.assertEq(o.totalNet, 361e6, "95% escrowed");
        vm.assertEq(o.unitsSold, 10);

        Position memory p = exchange.getPosition(tokenId);
        vm.assertEq(p.offeringId, offeringId);
        vm.assertEq(p.units, 10);
        vm.assertEq(p.purchaseDay, START_DAY);
        vm.assertFalse(p.refunded);
        vm.assertEq(p.rewardSnapshot, 0);
        vm.assertEq(_netPaidOf(tokenId), 361e6);
        vm.assertEq(_startDayOf(tokenId), TERM_START, "pre-term purchase starts at term start");
    }

    function test_Buy_EmitsTransferPositionPurchasedAndPaymentTransfer() public {
        vm.expectEmit(address(exchange));
        emit IERC721.Transfer(address(0), alice, 1);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.PositionPurchased(
            1, offeringId, alice, carol, 10, 380e6, 19e6, 361e6, START_DAY, TERM_START, 0
        );
        vm.expectEmit(address(usdt));
        emit IERC20.Transfer(alice, address(exchange), 380e6);
        vm.prank(alice);
        exchange.buy(offeringId, 10, 380e6, carol);
    }

    function test_RevertWhen_BuyingDuringTheTerm() public {
        uint256 saleStart = block.timestamp;
        _warpToDay(TERM_START + 5);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_SaleClosed.selector, offeringId, saleStart, TERM_START * DAY
            )
        );
        vm.prank(alice);
        exchange.buy(offeringId, 3, type(uint256).max, address(0));
    }

    function test_GivenFirstPurchaseJustBeforeTheTerm_EveryTermDayStillNeedsADeposit() public {
        vm.warp(TERM_START * DAY - 1);
        uint256 tokenId = _buy(alice, offeringId, 3);
        vm.assertEq(_startDayOf(tokenId), TERM_START);
        vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay, TERM_START - 1, "no term day is skipped");
    }

    function test_GivenUnitsAlreadySold_LaterPurchaseKeepsLastCoveredDay() public {
        _buy(alice, offeringId, 1);
        _warpToDay(TERM_START - 1);
        _buy(bob, offeringId, 1);
        vm.assertEq(exchange.getOffering(offeringId).lastCoveredDay, TERM_START - 1);
    }

    function test_GivenPurchaseOnDayBeforeTerm_StartDayIsTermStart() public {
        _warpToDay(TERM_START - 1);
        uint256 tokenId = _buy(alice, offeringId, 1);
        vm.assertEq(_startDayOf(tokenId), TERM_START);
    }

    /// @dev No deposit can precede a sale any more: the first day a deposit covers is the term's
    /// first, deposits for it open once it is over, and by then the sale is closed.
    function test_GivenLastSecondOfTheSale_NoRewardCanBeDepositedYet() public {
        _buy(alice, offeringId, 10);
        vm.warp(TERM_START * DAY - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_NothingToCover.selector, offeringId, TERM_START, TERM_START - 1
            )
        );
        vm.prank(miner);
        exchange.depositReward(offeringId, 1e18);
        uint256 tokenId = _buy(bob, offeringId, 4);
        vm.assertEq(exchange.getPosition(tokenId).rewardSnapshot, 0);
        vm.assertEq(exchange.getOffering(offeringId).accRewardPerUnit, 0);
    }

    function test_Buy_SupplyCapCanBeSoldOutExactly() public {
        _buy(alice, offeringId, 999);
        _buy(bob, offeringId, 1);
        vm.assertEq(exchange.getOffering(offeringId).unitsSold, 1_000);
    }

    function test_Buy_MaxTotalPriceEqualToTotalIsAccepted() public {
        vm.prank(alice);
        exchange.buy(offeringId, 10, 380e6, address(0));
        vm.assertEq(exchange.ownerOf(1), alice);
    }

    function test_Buy_SaleStartIsInclusiveAndSaleEndExclusive() public {
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START, TERM_END);
        t.saleStart = uint48(block.timestamp + 1 hours);
        t.saleEnd = uint48(block.timestamp + 2 hours);
        uint256 id = _createWith(t);
        vm.warp(t.saleStart);
        _buy(alice, id, 1);
        vm.warp(t.saleEnd - 1);
        _buy(alice, id, 1);
        vm.assertEq(exchange.getOffering(id).unitsSold, 2);
    }

    function test_Buy_MintSkipsReceiverCallback() public {
        ReentrantReceiver buyer = new ReentrantReceiver(address(exchange));
        vm.prank(bridge);
        usdt.mint(address(buyer), 38e6);
        buyer.execute(address(usdt), abi.encodeCall(usdt.approve, (address(exchange), 38e6)));
        buyer.setNftAction(abi.encodeCall(exchange.buy, (offeringId, 1, 38e6, address(0))));
        buyer.execute(address(exchange), abi.encodeCall(exchange.buy, (offeringId, 1, 38e6, address(0))));
        vm.assertEq(exchange.ownerOf(1), address(buyer));
        vm.assertEq(buyer.nftCallbacks(), 0, "mint does not call onERC721Received");
    }

    // ------------------------------------------------------------------ buy: channel fee snapshot

    function test_GivenFeeChangedAfterCreation_OfferingKeepsSnapshottedFee() public {
        vm.prank(governor);
        exchange.setChannelFee(1_000);
        uint256 newId = _createOffering(miner, 100, PRICE, TERM_START, TERM_END);

        _buy(alice, offeringId, 10);
        _buy(alice, newId, 10);
        vm.assertEq(exchange.getOffering(offeringId).feeBps, 500);
        vm.assertEq(exchange.getOffering(offeringId).feesAccrued, 19e6, "old offering keeps 5%");
        vm.assertEq(exchange.getOffering(newId).feeBps, 1_000);
        vm.assertEq(exchange.getOffering(newId).feesAccrued, 38e6, "new offering takes 10%");
        vm.assertEq(exchange.getOffering(newId).totalNet, 342e6);
        vm.assertEq(_netPaidOf(2), 342e6);
    }

    function test_GivenZeroFee_WholePriceIsEscrowed() public {
        vm.prank(governor);
        exchange.setChannelFee(0);
        uint256 id = _createOffering(miner, 100, PRICE, TERM_START, TERM_END);
        _buy(alice, id, 10);
        vm.assertEq(exchange.getOffering(id).feesAccrued, 0);
        vm.assertEq(exchange.getOffering(id).totalNet, 380e6);
    }

    function test_GivenTinyPrice_FeeRoundsDownInBuyersFavour() public {
        uint256 id = _createOffering(miner, 100, 19, TERM_START, TERM_END); // 5% of 19 = 0.95
        _buy(alice, id, 3);
        vm.assertEq(exchange.getOffering(id).feesAccrued, 0);
        vm.assertEq(exchange.getOffering(id).totalNet, 57);
    }

    // ------------------------------------------------------------------ buy: reverts

    function test_RevertWhen_BuyingUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 99));
        vm.prank(alice);
        exchange.buy(99, 1, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingFlaggedOffering() public {
        _buy(alice, offeringId, 1);
        _flagForMissedDeposits(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotActive.selector, offeringId, OfferingStatus.Flagged
            )
        );
        vm.prank(bob);
        exchange.buy(offeringId, 1, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingHaltedOffering() public {
        _buy(alice, offeringId, 1);
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotActive.selector, offeringId, OfferingStatus.Halted
            )
        );
        vm.prank(bob);
        exchange.buy(offeringId, 1, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingBeforeSaleStart() public {
        OfferingTerms memory t = _terms(miner, 100, PRICE, TERM_START, TERM_END);
        t.saleStart = uint48(block.timestamp + 1);
        uint256 id = _createWith(t);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_SaleClosed.selector, id, t.saleStart, t.saleEnd)
        );
        vm.prank(alice);
        exchange.buy(id, 1, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingAtSaleEnd() public {
        uint256 saleStart = block.timestamp;
        uint256 saleEnd = TERM_START * DAY; // the term's first second
        vm.warp(saleEnd);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_SaleClosed.selector, offeringId, saleStart, saleEnd)
        );
        vm.prank(alice);
        exchange.buy(offeringId, 1, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingZeroUnits() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroUnits.selector);
        vm.prank(alice);
        exchange.buy(offeringId, 0, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingMoreThanAvailable() public {
        _buy(alice, offeringId, 990);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_InsufficientUnits.selector, offeringId, 11, 10));
        vm.prank(bob);
        exchange.buy(offeringId, 11, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyingFromSoldOutOffering() public {
        _buy(alice, offeringId, 1_000);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_InsufficientUnits.selector, offeringId, 1, 0));
        vm.prank(bob);
        exchange.buy(offeringId, 1, type(uint256).max, address(0));
    }

    function test_RevertWhen_TotalPriceAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_PriceAboveMax.selector, 380e6, 380e6 - 1));
        vm.prank(alice);
        exchange.buy(offeringId, 10, 380e6 - 1, address(0));
    }

    function test_RevertWhen_BuyerHasNoAllowance() public {
        vm.prank(bridge);
        usdt.mint(dave, 1_000e6);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(exchange), 0, 380e6)
        );
        vm.prank(dave);
        exchange.buy(offeringId, 10, type(uint256).max, address(0));
    }

    function test_RevertWhen_BuyerHasNoBalance() public {
        vm.prank(dave);
        usdt.approve(address(exchange), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, dave, 0, 380e6));
        vm.prank(dave);
        exchange.buy(offeringId, 10, type(uint256).max, address(0));
    }

    // ------------------------------------------------------------------ buyWithPermit

    function test_BuyWithPermit_PermitReplacesApproval() public {
        vm.prank(bridge);
        usdt.mint(dave, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(usdt, "dave", address(exchange), 400e6, deadline);

        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.PositionPurchased(
            1, offeringId, dave, bob, 10, 380e6, 19e6, 361e6, START_DAY, TERM_START, 0
        );
        vm.prank(dave);
        uint256 tokenId = exchange.buyWithPermit(offeringId, 10, 400e6, bob, deadline, v, r, s);

        vm.assertEq(exchange.ownerOf(tokenId), dave);
        vm.assertEq(usdt.balanceOf(dave), 620e6);
        vm.assertEq(usdt.allowance(dave, address(exchange)), 20e6, "permit was for maxTotalPrice");
        vm.assertEq(usdt.nonces(dave), 1);
    }

    function test_GivenPermitFrontRun_BuyWithPermitStillSucceeds() public {
        vm.prank(bridge);
        usdt.mint(dave, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(usdt, "dave", address(exchange), 380e6, deadline);
        vm.prank(carol); // griefer submits the permit from the mempool first
        usdt.permit(dave, address(exchange), 380e6, deadline, v, r, s);

        vm.prank(dave);
        uint256 tokenId = exchange.buyWithPermit(offeringId, 10, 380e6, address(0), deadline, v, r, s);
        vm.assertEq(exchange.ownerOf(tokenId), dave);
        vm.assertEq(usdt.allowance(dave, address(exchange)), 0);
    }

    function test_GivenInvalidPermitButExistingAllowance_BuyWithPermitSucceeds() public {
        vm.prank(alice);
        uint256 tokenId = exchange.buyWithPermit(offeringId, 1, 38e6, address(0), 0, 27, bytes32(0), bytes32(0));
        vm.assertEq(exchange.ownerOf(tokenId), alice);
    }

    function test_RevertWhen_PermitInvalidAndNoAllowance() public {
        vm.prank(bridge);
        usdt.mint(dave, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        // signed by someone else: the permit fails, is ignored, and the allowance check decides
        (uint8 v, bytes32 r, bytes32 s) = _signPermitAs(usdt, "carol", dave, address(exchange), 380e6, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(exchange), 0, 380e6)
        );
        vm.prank(dave);
        exchange.buyWithPermit(offeringId, 10, 380e6, address(0), deadline, v, r, s);
    }

    function test_RevertWhen_PermitExpiredAndNoAllowance() public {
        vm.prank(bridge);
        usdt.mint(dave, 1_000e6);
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(usdt, "dave", address(exchange), 380e6, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(exchange), 0, 380e6)
        );
        vm.prank(dave);
        exchange.buyWithPermit(offeringId, 10, 380e6, address(0), deadline, v, r, s);
    }

    function test_RevertWhen_BuyingWithPermitFromUnknownOffering() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownOffering.selector, 7));
        vm.prank(alice);
        exchange.buyWithPermit(7, 1, 38e6, address(0), 0, 27, bytes32(0), bytes32(0));
    }

    function test_RevertWhen_BuyingWithPermitAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_PriceAboveMax.selector, 76e6, 38e6));
        vm.prank(alice);
        exchange.buyWithPermit(offeringId, 2, 38e6, address(0), 0, 27, bytes32(0), bytes32(0));
    }

    function test_RevertWhen_BuyingWithPermitFromFlaggedOffering() public {
        _buy(alice, offeringId, 1);
        _flagForMissedDeposits(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotActive.selector, offeringId, OfferingStatus.Flagged
            )
        );
        vm.prank(alice);
        exchange.buyWithPermit(offeringId, 1, 38e6, address(0), 0, 27, bytes32(0), bytes32(0));
    }

    // ------------------------------------------------------------------ collectFees

    function test_CollectFees_PushesEachOfferingsFeesToRecipient() public {
        uint256 second = _createOffering(miner, 100, 10e6, TERM_START, TERM_END); // fee 0.5 USDT per unit
        _buy(alice, offeringId, 10);
        _buy(bob, second, 7);

        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.FeesCollected(offeringId, treasury, 19e6);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.FeesCollected(second, treasury, 3.5e6);
        vm.prank(carol); // anyone may call
        uint256 total = exchange.collectFees(_ids(offeringId, second));

        vm.assertEq(total, 22.5e6);
        vm.assertEq(usdt.balanceOf(treasury), 22.5e6);
        vm.assertEq(exchange.getOffering(offeringId).feesAccrued, 0);
        vm.assertEq(exchange.getOffering(second).feesAccrued, 0);
        vm.assertEq(usdt.balanceOf(address(exchange)), 361e6 + 66.5e6, "escrow untouched");
    }

    function test_CollectFees_SecondCallPaysNothing() public {
        _buy(alice, offeringId, 10);
        exchange.collectFees(_ids(offeringId));
        vm.recordLogs();
        vm.assertEq(exchange.collectFees(_ids(offeringId)), 0);
        vm.assertEq(vm.getRecordedLogs().length, 0, "no event, no transfer");
        vm.assertEq(usdt.balanceOf(treasury), 19e6);
    }

    function test_CollectFees_SkipsUnknownAndFeelessOfferingsAndEmptyList() public {
        vm.assertEq(exchange.collectFees(_ids(offeringId, 42)), 0);
        vm.assertEq(exchange.collectFees(new uint256[](0)), 0);
    }

    function test_GivenRecipientChanged_CollectFeesPaysNewRecipient() public {
        _buy(alice, offeringId, 10);
        vm.prank(governor);
        exchange.setFeeRecipient(carol);
        uint256 before = usdt.balanceOf(carol);
        exchange.collectFees(_ids(offeringId));
        vm.assertEq(usdt.balanceOf(carol) - before, 19e6);
        vm.assertEq(usdt.balanceOf(treasury), 0);
    }

    function test_GivenFeesAccrueAfterCollection_OnlyNewFeesAreCollected() public {
        _buy(alice, offeringId, 10);
        exchange.collectFees(_ids(offeringId));
        _buy(bob, offeringId, 2);
        vm.assertEq(exchange.collectFees(_ids(offeringId)), 3.8e6);
        vm.assertEq(usdt.balanceOf(treasury), 22.8e6);
    }
}
