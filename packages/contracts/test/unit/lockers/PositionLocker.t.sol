// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionLockerErrors, IPositionLocksErrors} from "../../../src/errors/LockErrors.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IPositionLocks} from "../../../src/interfaces/IPositionLocks.sol";
import {PositionLocker} from "../../../src/lockers/PositionLocker.sol";
import {LockPayouts, OfferingStatus, PositionState} from "../../../src/types/HashpowerTypes.sol";
import {TestLocker} from "../../mocks/TestLocker.sol";
import {UnitHelpers} from "../UnitHelpers.sol";

/// @notice What a lock means for the value inside a position, through {TestLocker}: the same base
/// ({PositionLocker}) and the same calls the trading, loan and staking lockers make.
/// See docs/decisions/0016-locks-and-value.md.
contract PositionLockerTest is UnitHelpers {
    TestLocker internal locker;
    TestLocker internal otherLocker;
    address internal lender = makeAddr("lender");
    uint256 internal tokenA; // alice, 10 units, both lockers approved as her operators
    uint256 internal tokenB; // bob, 30 units

    function setUp() public override {
        super.setUp();
        locker = new TestLocker(exchange);
        otherLocker = new TestLocker(exchange);
        vm.startPrank(governor);
        exchange.setLocker(address(locker), true);
        exchange.setLocker(address(otherLocker), true);
        vm.stopPrank();
        tokenA = _buy(alice, offeringId, 10);
        tokenB = _buy(bob, offeringId, 30);
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(locker), true);
        exchange.setApprovalForAll(address(otherLocker), true);
        vm.stopPrank();
        vm.prank(bob);
        exchange.setApprovalForAll(address(locker), true);
    }

    /// @dev 40 units sold: each deposit of 4e18 pays 0.1 IFIL a unit, so 1e18 to tokenA.
    function _earnDays(uint256 n) internal {
        _warpToDay(TERM_START + n);
        for (uint256 i; i < n; ++i) {
            _deposit(offeringId, 4e18);
        }
    }

    function _pledgeA() internal {
        vm.prank(alice);
        locker.pledge(tokenA, lender);
    }

    // ------------------------------------------------------------------ stake: the owner keeps every payout

    function test_Stake_OwnerKeepsClaimingRewards() public {
        vm.prank(alice);
        locker.stake(tokenA);
        _earnDays(2);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 2e18);
        vm.assertEq(ifil.balanceOf(alice), 2e18);
        vm.assertEq(ifil.balanceOf(address(locker)), 0, "a stake never holds the owner's rewards");
        vm.assertEq(exchange.lockedBy(tokenA), address(locker));
    }

    function test_Stake_RefundOfHaltedOfferingGoesToOwner() public {
        vm.prank(alice);
        locker.stake(tokenA);
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 refund = exchange.refundableOf(tokenA);
        vm.assertGt(refund, 0);
        uint256 before = usdt.balanceOf(alice);
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));
        vm.assertEq(usdt.balanceOf(alice) - before, refund);
    }

    function test_RevertWhen_StakingPositionOfHaltedOffering() public {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Halted, TERM_END
            )
        );
        vm.prank(alice);
        locker.stake(tokenA);
    }

    function test_RevertWhen_StakingAfterTermEnd() public {
        _warpToDay(TERM_END);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_OfferingNotLive.selector, tokenA, OfferingStatus.Active, TERM_END
            )
        );
        vm.prank(alice);
        locker.stake(tokenA);
    }

    // ------------------------------------------------------------------ pledge: the refund belongs to the loan

    /// @dev On the old code a lock routed nothing: the borrower pulled the refund and left the lender an
    /// empty NFT (see the RawLocker test `test_GivenLockedAndHalted_RefundGoesToOwner`, still true for
    /// a lock that routes nothing).
    function test_Attack_BorrowerCannotPullRefundOfPledgedPosition() public {
        _pledgeA();
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 refund = exchange.refundableOf(tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));

        // Anyone may push it to the loan, which pays the lender.
        vm.prank(carol);
        vm.assertEq(locker.collectRefund(tokenA), refund);
        vm.assertEq(usdt.balanceOf(lender), refund);
        vm.assertEq(usdt.balanceOf(address(locker)), 0);
        vm.assertTrue(exchange.getPosition(tokenA).refunded);
    }

    function test_Attack_BorrowerCannotSlipRoutedPositionIntoItsOwnBatch() public {
        _pledgeA();
        vm.prank(bob);
        exchange.transferFrom(bob, alice, tokenB);
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenB, tokenA));
    }

    function test_Pledge_RewardsStayWithBorrowerUntilSelfRepaymentIsOn() public {
        _pledgeA();
        _earnDays(1);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 1e18, "a pledged position keeps earning for its borrower");

        vm.expectEmit(address(exchange));
        emit IPositionLocks.LockPayoutsSet(tokenA, address(locker), LockPayouts.ALL);
        vm.prank(alice);
        locker.setSelfRepaying(tokenA, true);
        _warpToDay(TERM_START + 2);
        _deposit(offeringId, 4e18);
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA));

        vm.expectEmit(address(locker));
        emit PositionLocker.LockedValueClaimed(tokenA, address(ifil), 1e18, false);
        vm.prank(carol); // self-repayment is pushed by anyone
        vm.assertEq(locker.collectRewards(tokenA), 1e18);
        vm.assertEq(ifil.balanceOf(lender), 1e18);
        vm.assertEq(ifil.balanceOf(alice), 1e18, "only the earlier day's rewards");
    }

    function test_RevertWhen_ThirdPartyClaimsRoutedRewardsDirectly() public {
        _pledgeA();
        vm.prank(alice);
        locker.setSelfRepaying(tokenA, true);
        _earnDays(1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, carol));
        vm.prank(carol);
        exchange.claimRewards(_ids(tokenA));
    }

    function test_Repay_PayoutsReturnToOwnerWithTheirValue() public {
        _pledgeA();
        vm.prank(alice);
        locker.setSelfRepaying(tokenA, true);
        _earnDays(2);
        vm.prank(alice);
        locker.repay(tokenA);
        vm.assertEq(exchange.getPosition(tokenA).lockPayouts, LockPayouts.TO_OWNER);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 2e18, "value not collected by the loan stays in the position");
    }

    function test_RevertWhen_StrangerRepaysForBorrower() public {
        _pledgeA();
        vm.expectRevert(abi.encodeWithSelector(TestLocker.TestLocker_NotYours.selector, tokenA, carol));
        vm.prank(carol);
        locker.repay(tokenA);
    }

    function test_Foreclose_LenderTakesPositionWithUnclaimedValue() public {
        _pledgeA();
        vm.prank(alice);
        locker.setSelfRepaying(tokenA, true);
        _earnDays(3);
        vm.prank(lender);
        locker.foreclose(tokenA);
        vm.assertEq(exchange.ownerOf(tokenA), lender);
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "a seizure leaves no lock behind");
        vm.assertEq(exchange.getPosition(tokenA).lockPayouts, LockPayouts.TO_OWNER);
        vm.prank(lender);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 3e18);
    }

    function test_RevertWhen_BorrowerForecloses() public {
        _pledgeA();
        vm.expectRevert(abi.encodeWithSelector(TestLocker.TestLocker_NotYours.selector, tokenA, alice));
        vm.prank(alice);
        locker.foreclose(tokenA);
    }

    // ------------------------------------------------------------------ auction: value frozen until settled

    function test_Auction_ValueStaysInsideUntilWinnerTakesIt() public {
        vm.prank(alice);
        locker.startAuction(tokenA);
        _earnDays(2);
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA));
        vm.prank(alice);
        locker.settle(tokenA, carol);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.prank(carol);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 2e18, "the winner gets what accrued during the auction");
    }

    function test_Auction_CancelReturnsEverythingToSeller() public {
        vm.prank(alice);
        locker.startAuction(tokenA);
        _earnDays(1);
        vm.prank(alice);
        locker.cancelAuction(tokenA);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 1e18);
    }

    // ------------------------------------------------------------------ listing fill: the buyer states what it saw

    function test_Attack_SellerEmptiesPositionJustBeforeFill() public {
        _earnDays(2);
        uint256 seen = exchange.claimableRewards(tokenA);
        vm.prank(alice); // the seller front-runs the buyer's fill
        exchange.claimRewards(_ids(tokenA));
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_ValueBelowMinimum.selector, tokenA, 0, seen, 0, 0
            )
        );
        vm.prank(carol);
        locker.fillListing(tokenA, alice, seen, 0);
    }

    function test_FillListing_MovesPositionWithTheValueTheBuyerSaw() public {
        _earnDays(2);
        vm.prank(carol);
        locker.fillListing(tokenA, alice, 2e18, 0);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.prank(carol);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 2e18);
    }

    function test_RevertWhen_FillingListingOfLockedPosition() public {
        vm.prank(alice);
        otherLocker.stake(tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(otherLocker)
            )
        );
        vm.prank(carol);
        locker.fillListing(tokenA, alice, 0, 0);
    }

    // ------------------------------------------------------------------ one holder at a time

    function test_Attack_StrangerLocksAnotherOwnersApprovedPosition() public {
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenA, carol, alice)
        );
        vm.prank(carol); // alice approved the locker as operator: only the base's owner check stops this
        locker.pledge(tokenA, carol);
    }

    function test_RevertWhen_SecondLockerTakesHeldPosition() public {
        _pledgeA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(locker))
        );
        vm.prank(alice);
        otherLocker.stake(tokenA);
    }

    function test_RevertWhen_NonHolderReroutesPayouts() public {
        _pledgeA();
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.setLockPayouts(tokenA, LockPayouts.TO_OWNER);
    }

    function test_RevertWhen_ReroutingFreePosition() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsNotLocked.selector, tokenA));
        exchange.setLockPayouts(tokenA, LockPayouts.ALL);
    }

    function test_RevertWhen_LockingWithUnknownPayoutBits() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_InvalidLockPayouts.selector, uint8(4)));
        vm.prank(address(locker));
        exchange.lock(tokenA, 4);
    }

    function test_ReleaseRevokedLock_PayoutsReturnToOwner() public {
        _pledgeA();
        vm.startPrank(governor);
        exchange.setLocker(address(locker), false);
        exchange.releaseRevokedLock(tokenA);
        vm.stopPrank();
        vm.assertEq(exchange.getPosition(tokenA).lockPayouts, LockPayouts.TO_OWNER);
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        vm.prank(alice);
        vm.assertGt(exchange.claimRefunds(_ids(tokenA)), 0);
    }

    // ------------------------------------------------------------------ flags and term end do not touch a lock

    function test_GivenFlaggedHaltedOrEnded_LockStaysUntilHolderReleases() public {
        _pledgeA();
        _flagForMissedDeposits(offeringId);
        PositionState memory st = exchange.positionState(tokenA);
        vm.assertEq(uint256(st.status), uint256(OfferingStatus.Flagged));
        vm.assertEq(st.lockHolder, address(locker));
        _halt(offeringId);
        _warpToDay(TERM_END + 30);
        st = exchange.positionState(tokenA);
        vm.assertEq(st.lockHolder, address(locker), "the exchange never releases a lock by itself");
        vm.assertEq(st.lockPayouts, LockPayouts.REFUND_TO_LOCKER);
        vm.assertGt(st.refundable, 0);
        vm.prank(alice);
        locker.repay(tokenA);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
    }

    function test_PositionState_ReportsOwnerLockOfferingAndValue() public {
        _earnDays(1);
        vm.prank(alice);
        locker.stake(tokenA);
        PositionState memory st = exchange.positionState(tokenA);
        vm.assertEq(st.owner, alice);
        vm.assertEq(st.lockHolder, address(locker));
        vm.assertEq(st.lockPayouts, LockPayouts.TO_OWNER);
        vm.assertEq(st.offeringId, offeringId);
        vm.assertEq(st.units, 10);
        vm.assertEq(st.termEndDay, TERM_END);
        vm.assertEq(st.paymentToken, address(usdt));
        vm.assertEq(st.rewardToken, address(ifil));
        vm.assertEq(st.claimableRewards, 1e18);
        vm.assertEq(st.refundable, 0, "nothing to refund while active");
    }

    function test_RevertWhen_LockerBaseGetsNoExchange() public {
        vm.expectRevert(IPositionLockerErrors.PositionLocker_ZeroExchange.selector);
        new TestLocker(IPositionLocks(address(0)));
    }

    /// @dev claimRewards decodes the position's slot by bit offsets (see {Position}): a position of
    /// another offering, with an odd unit count, a non-zero snapshot and a lock that routes only the
    /// refund must claim exactly what the view says, to its owner.
    function test_ClaimRewards_DecodesPositionSlot() public {
        uint256 second = _createOffering(miner, 777, PRICE, START_DAY + 2, START_DAY + 2 + TERM_DAYS);
        _warpToDay(START_DAY + 1);
        uint256 token = _buy(alice, second, 333);
        _warpToDay(TERM_START + 2);
        _deposit(second, 333e18);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(token)), 333e18);
        _deposit(second, 666e18);
        vm.prank(alice);
        locker.pledge(token, lender); // REFUND_TO_LOCKER only: rewards still go to the owner
        uint256 expected = exchange.claimableRewards(token);
        vm.assertEq(expected, 666e18);
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.RewardClaimed(
            token, second, alice, expected, exchange.getOffering(second).accRewardPerUnit
        );
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(token)), expected);
        vm.assertEq(exchange.getPosition(token).units, 333);
        vm.assertEq(exchange.getPosition(token).lockPayouts, LockPayouts.REFUND_TO_LOCKER);
    }
}
