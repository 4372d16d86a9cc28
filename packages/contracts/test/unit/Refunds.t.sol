// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {OfferingStatus} from "../../src/types/HashpowerTypes.sol";
import {Vm} from "../utils/Vm.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice claimRefunds / refundableOf after a halt: exact amounts, once, solvency.
contract RefundsTest is UnitHelpers {
    uint256 internal tokenA; // alice, 7 units on the fixture's first day
    uint256 internal tokenB; // bob, 13 units the day before the term
    uint256 internal tokenC; // carol, 5 units in the sale's last second
    uint256 internal flagDay;

    // net - ceil(net * elapsed / termDays), worked out by hand for the fixture's figures: every position
    // starts on TERM_START (sales close when the term starts), so all release 7 of 180 days by the flag
    uint256 internal constant REFUND_A = 252_700_000 - 9_827_223; // ceil(252.7e6 * 7 / 180)
    uint256 internal constant REFUND_B = 469_300_000 - 18_250_556; // ceil(469.3e6 * 7 / 180)
    uint256 internal constant REFUND_C = 180_500_000 - 7_019_445; // ceil(180.5e6 * 7 / 180)

    function setUp() public override {
        super.setUp();
        tokenA = _buy(alice, offeringId, 7);
        _warpToDay(TERM_START - 1);
        tokenB = _buy(bob, offeringId, 13);
        vm.warp(TERM_START * DAY - 1);
        tokenC = _buy(carol, offeringId, 5);
        flagDay = _flagForMissedDeposits(offeringId);
    }

    function test_ExpectedRefundsMatchTheRule() public view {
        vm.assertEq(flagDay, TERM_START + 7);
        vm.assertEq(_expectedRefund(7 * NET_PER_UNIT, TERM_START, TERM_END, flagDay), REFUND_A);
        vm.assertEq(_expectedRefund(13 * NET_PER_UNIT, TERM_START, TERM_END, flagDay), REFUND_B);
        vm.assertEq(_expectedRefund(5 * NET_PER_UNIT, TERM_START, TERM_END, flagDay), REFUND_C);
    }

    function test_ClaimRefunds_PaysNetMinusCeilReleasedAndEmits() public {
        _halt(offeringId);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RefundClaimed(tokenA, offeringId, alice, REFUND_A);
        vm.expectEmit(address(exchange));
        emit IERC4906.MetadataUpdate(tokenA);
        vm.expectEmit(address(usdt));
        emit IERC20.Transfer(address(exchange), alice, REFUND_A);
        uint256 before = usdt.balanceOf(alice);
        vm.prank(alice);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA)), REFUND_A);
        vm.assertEq(usdt.balanceOf(alice) - before, REFUND_A);
        vm.assertTrue(exchange.getPosition(tokenA).refunded);
        vm.assertEq(exchange.getOffering(offeringId).refunded, REFUND_A);
    }

    function test_ClaimRefunds_EveryPositionGetsItsOwnShare() public {
        _halt(offeringId);
        vm.prank(bob);
        vm.assertEq(exchange.claimRefunds(_ids(tokenB)), REFUND_B);
        vm.prank(carol);
        vm.assertEq(exchange.claimRefunds(_ids(tokenC)), REFUND_C, "the last buyer is refunded like the first");
        vm.assertEq(exchange.getOffering(offeringId).refunded, REFUND_B + REFUND_C);
    }

    function test_RefundableOf_TracksStatusAndClaims() public {
        vm.assertEq(exchange.refundableOf(tokenA), 0, "flagged is not halted");
        _halt(offeringId);
        vm.assertEq(exchange.refundableOf(tokenA), REFUND_A);
        vm.assertEq(exchange.refundableOf(tokenB), REFUND_B);
        vm.assertEq(exchange.refundableOf(tokenC), REFUND_C);
        vm.assertEq(exchange.refundableOf(99), 0);
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        vm.assertEq(exchange.refundableOf(tokenA), 0);
    }

    function test_GivenEveryoneExits_EscrowIsSolventAndOnlyDustRemains() public {
        _halt(offeringId);
        vm.prank(miner);
        uint256 withdrawn = exchange.withdrawEscrow(offeringId, miner);
        exchange.collectFees(_ids(offeringId));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        vm.prank(bob);
        exchange.claimRefunds(_ids(tokenB));
        vm.prank(carol);
        exchange.claimRefunds(_ids(tokenC));

        uint256 totalNet = 25 * NET_PER_UNIT;
        uint256 refunds = REFUND_A + REFUND_B + REFUND_C;
        vm.assertLe(withdrawn + refunds, totalNet, "never pays out more than was escrowed");
        vm.assertEq(usdt.balanceOf(address(exchange)), totalNet - withdrawn - refunds);
        vm.assertLe(totalNet - withdrawn - refunds, 3, "dust below one base unit per position");

        _warpToDay(TERM_END + 1);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, offeringId));
        vm.prank(miner);
        exchange.withdrawEscrow(offeringId, miner);
    }

    function test_GivenTransferredAfterHalt_NewOwnerIsRefunded() public {
        _halt(offeringId);
        vm.prank(alice);
        exchange.transferFrom(alice, carol, tokenA);
        uint256 before = usdt.balanceOf(carol);
        vm.prank(carol);
        exchange.claimRefunds(_ids(tokenA, tokenC));
        vm.assertEq(usdt.balanceOf(carol) - before, REFUND_A + REFUND_C);
    }

    function test_GivenApprovedOperator_RefundGoesToOwner() public {
        _halt(offeringId);
        vm.prank(alice);
        exchange.setApprovalForAll(bob, true);
        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 bobBefore = usdt.balanceOf(bob);
        vm.recordLogs();
        vm.prank(bob);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA, tokenB)), REFUND_A + REFUND_B);
        vm.assertEq(_countTransfers(vm.getRecordedLogs(), address(usdt)), 2, "one transfer per owner run");
        vm.assertEq(usdt.balanceOf(alice) - aliceBefore, REFUND_A);
        vm.assertEq(usdt.balanceOf(bob) - bobBefore, REFUND_B);
    }

    function test_GivenSameOwnerRun_OneTransfer() public {
        _halt(offeringId);
        vm.prank(carol);
        exchange.transferFrom(carol, alice, tokenC);
        vm.recordLogs();
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA, tokenC));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        vm.assertEq(_countTransfers(logs, address(usdt)), 1);
        (, address to, uint256 amount) = _transferAt(logs, address(usdt), 0);
        vm.assertEq(to, alice);
        vm.assertEq(amount, REFUND_A + REFUND_C);
    }

    function test_GivenResumedAndFlaggedAgain_RefundUsesTheLatestFlagDay() public {
        vm.prank(governor);
        exchange.resume(offeringId);
        _warpToDay(TERM_START + 20); // still nothing covered: flag again
        exchange.flag(offeringId);
        _halt(offeringId);
        vm.prank(alice);
        vm.assertEq(
            exchange.claimRefunds(_ids(tokenA)),
            252_700_000 - 28_077_778, // ceil(252.7e6 * 20 / 180) = 28,077,777.8 -> 28,077,778
            "release continued to the second flag"
        );
    }

    function test_GivenRefunded_RewardsCanStillBeClaimed() public {
        _coverThrough(offeringId, TERM_START, 25e18);
        _halt(offeringId);
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 7e18);
    }

    function test_RevertWhen_RefundClaimedTwice() public {
        _halt(offeringId);
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_AlreadyRefunded.selector, tokenA));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
    }

    function test_RevertWhen_SamePositionTwiceInOneCall() public {
        _halt(offeringId);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_AlreadyRefunded.selector, tokenA));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA, tokenA));
    }

    function test_RevertWhen_RefundingFlaggedOffering() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotHalted.selector, offeringId, OfferingStatus.Flagged
            )
        );
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
    }

    function test_RevertWhen_RefundingActiveOffering() public {
        vm.prank(governor);
        exchange.resume(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_OfferingNotHalted.selector, offeringId, OfferingStatus.Active
            )
        );
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
    }

    function test_RevertWhen_BatchMixesHaltedAndActiveOfferings() public {
        _halt(offeringId);
        _warpToDay(TERM_START + 10);
        uint256 other = _createOffering(miner, 10, PRICE, TERM_START + 20, TERM_END);
        uint256 t2 = _buy(alice, other, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_OfferingNotHalted.selector, other, OfferingStatus.Active)
        );
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA, t2));
    }

    function test_RevertWhen_RefundCallerIsNotOwnerOrApproved() public {
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA, bob)
        );
        vm.prank(bob);
        exchange.claimRefunds(_ids(tokenA));
    }

    function test_RevertWhen_RefundingNonexistentPosition() public {
        _halt(offeringId);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 42));
        vm.prank(alice);
        exchange.claimRefunds(_ids(42));
    }
}
