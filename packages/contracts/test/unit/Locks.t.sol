// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

import {IPositionLocksErrors} from "../../src/errors/LockErrors.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {IPositionLocks} from "../../src/interfaces/IPositionLocks.sol";
import {RawLocker} from "../mocks/RawLocker.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Locks for staking, loans and auctions, driven through the test-only {RawLocker}.
contract LocksTest is UnitHelpers {
    RawLocker internal locker;
    RawLocker internal otherLocker;
    address internal lender = makeAddr("lender");
    uint256 internal tokenA; // alice, 10 units, locker approved for it
    uint256 internal tokenB; // bob, 30 units, no approval

    function setUp() public override {
        super.setUp();
        locker = new RawLocker(exchange);
        otherLocker = new RawLocker(exchange);
        vm.startPrank(governor);
        exchange.setLocker(address(locker), true);
        exchange.setLocker(address(otherLocker), true);
        vm.stopPrank();
        tokenA = _buy(alice, offeringId, 10);
        tokenB = _buy(bob, offeringId, 30);
        vm.prank(alice);
        exchange.approve(address(locker), tokenA);
    }

    function _lockA() internal {
        locker.lock(tokenA);
    }

    // ------------------------------------------------------------------ setLocker / lock

    function test_SetLocker_ApprovesRevokesAndEmits() public {
        address l = makeAddr("staking");
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.LockerSet(l, true);
        vm.prank(governor);
        exchange.setLocker(l, true);
        vm.assertTrue(exchange.isLocker(l));
        vm.expectEmit(address(exchange));
        emit IHashpowerExchange.LockerSet(l, false);
        vm.prank(governor);
        exchange.setLocker(l, false);
        vm.assertFalse(exchange.isLocker(l));
    }

    function test_RevertWhen_SettingZeroLocker() public {
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        vm.prank(governor);
        exchange.setLocker(address(0), true);
    }

    function test_RevertWhen_NonGovernorSetsLocker() public {
        bytes32 role = exchange.GOVERNOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        exchange.setLocker(alice, true);
    }

    function test_Lock_RecordsHolderAndEmits() public {
        vm.expectEmit(address(exchange));
        emit IPositionLocks.PositionLocked(tokenA, address(locker), alice, 0);
        vm.expectEmit(address(exchange));
        emit IERC4906.MetadataUpdate(tokenA);
        _lockA();
        vm.assertEq(exchange.lockedBy(tokenA), address(locker));
        vm.assertEq(exchange.ownerOf(tokenA), alice, "a lock keeps the position in place");
    }

    function test_GivenOperatorApproval_LockerMayLock() public {
        vm.prank(bob);
        exchange.setApprovalForAll(address(locker), true);
        locker.lock(tokenB);
        vm.assertEq(exchange.lockedBy(tokenB), address(locker));
    }

    function test_RevertWhen_LockerIsNotApproved() public {
        RawLocker rogue = new RawLocker(exchange);
        vm.prank(alice);
        exchange.approve(address(rogue), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(rogue))
        );
        rogue.lock(tokenA);
    }

    function test_RevertWhen_OwnerLocksDirectly() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, alice));
        vm.prank(alice);
        exchange.lock(tokenA, 0);
    }

    function test_RevertWhen_OwnerDidNotApproveLocker() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenB, address(locker)
            )
        );
        locker.lock(tokenB);
    }

    function test_RevertWhen_LockingNonexistentPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 99));
        locker.lock(99);
    }

    function test_RevertWhen_LockingLockedPosition() public {
        vm.prank(alice);
        exchange.setApprovalForAll(address(otherLocker), true);
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(locker))
        );
        locker.lock(tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(locker))
        );
        otherLocker.lock(tokenA);
    }

    function test_GivenLockerRevoked_ItCannotLockNewPositions() public {
        vm.prank(governor);
        exchange.setLocker(address(locker), false);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(locker))
        );
        _lockA();
    }

    // ------------------------------------------------------------------ transfers while locked

    function test_RevertWhen_OwnerTransfersLockedPosition() public {
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(locker))
        );
        vm.prank(alice);
        exchange.transferFrom(alice, bob, tokenA);
    }

    function test_RevertWhen_OwnerSafeTransfersLockedPosition() public {
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(locker))
        );
        vm.prank(alice);
        exchange.safeTransferFrom(alice, bob, tokenA);
    }

    function test_RevertWhen_ApprovedLockerTransfersInsteadOfSeizing() public {
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(locker))
        );
        vm.prank(address(locker));
        exchange.transferFrom(alice, lender, tokenA);
    }

    function test_GivenOwnerRevokesApprovalAfterLock_LockHolds() public {
        _lockA();
        vm.prank(alice);
        exchange.approve(address(0), tokenA);
        vm.assertEq(exchange.lockedBy(tokenA), address(locker));
        locker.seize(tokenA, lender); // a borrower cannot escape by revoking approval
        vm.assertEq(exchange.ownerOf(tokenA), lender);
    }

    // ------------------------------------------------------------------ unlock

    function test_Unlock_ReleasesAndEmits() public {
        _lockA();
        vm.expectEmit(address(exchange));
        emit IPositionLocks.PositionUnlocked(tokenA, address(locker), address(0));
        vm.expectEmit(address(exchange));
        emit IERC4906.MetadataUpdate(tokenA);
        locker.unlock(tokenA);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.prank(alice);
        exchange.transferFrom(alice, bob, tokenA);
        vm.assertEq(exchange.ownerOf(tokenA), bob);
    }

    function test_GivenLockerRevoked_UnlockStillWorks() public {
        _lockA();
        vm.prank(governor);
        exchange.setLocker(address(locker), false);
        locker.unlock(tokenA);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
    }

    function test_RevertWhen_OtherLockerUnlocks() public {
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, address(otherLocker))
        );
        otherLocker.unlock(tokenA);
    }

    function test_RevertWhen_OwnerUnlocks() public {
        _lockA();
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, alice));
        vm.prank(alice);
        exchange.unlock(tokenA);
    }

    function test_RevertWhen_UnlockingUnlockedPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsNotLocked.selector, tokenA));
        locker.unlock(tokenA);
    }

    // ------------------------------------------------------------------ seize

    function test_Seize_MovesPositionToLenderAndEmits() public {
        _lockA();
        vm.expectEmit(address(exchange));
        emit IPositionLocks.PositionUnlocked(tokenA, address(locker), lender);
        vm.expectEmit(address(exchange));
        emit IERC4906.MetadataUpdate(tokenA);
        vm.expectEmit(address(exchange));
        emit IERC721.Transfer(alice, lender, tokenA);
        locker.seize(tokenA, lender);
        vm.assertEq(exchange.ownerOf(tokenA), lender);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(exchange.getApproved(tokenA), address(0), "the borrower's approval does not follow");
        vm.prank(lender);
        exchange.transferFrom(lender, carol, tokenA); // freely transferable again
    }

    function test_GivenSeized_UnclaimedRewardsGoToLender() public {
        _lockA();
        _warpToDay(TERM_START + 1);
        _deposit(offeringId, 4e18); // 40 units: 1e17 a unit
        locker.seize(tokenA, lender);
        vm.prank(lender);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 1e18);
        vm.assertEq(ifil.balanceOf(lender), 1e18);
    }

    /// @dev Documents current behaviour: revoking a locker does not stop it seizing what it holds
    /// (only releaseRevokedLock, a separate governance call, does). See the suite report.
    function test_RevertWhen_RevokedLockerSeizes() public {
        _lockA();
        vm.prank(governor);
        exchange.setLocker(address(locker), false);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotApprovedLocker.selector, address(locker))
        );
        locker.seize(tokenA, lender);
        vm.assertEq(exchange.ownerOf(tokenA), alice);
        locker.unlock(tokenA); // the brake still lets it release
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
    }

    function test_RevertWhen_SeizingToZeroAddress() public {
        _lockA();
        vm.expectRevert(IExchangeErrors.Exchange_ZeroAddress.selector);
        locker.seize(tokenA, address(0));
    }

    function test_RevertWhen_NonHolderSeizes() public {
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_NotLockHolder.selector, tokenA, address(otherLocker))
        );
        otherLocker.seize(tokenA, lender);
    }

    function test_RevertWhen_SeizingUnlockedPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsNotLocked.selector, tokenA));
        locker.seize(tokenA, lender);
    }

    function test_RevertWhen_SeizingNonexistentPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 77));
        locker.seize(77, lender);
    }

    // ------------------------------------------------------------------ releaseRevokedLock

    function test_ReleaseRevokedLock_GovernorFreesStrandedPosition() public {
        _lockA();
        vm.prank(governor);
        exchange.setLocker(address(locker), false);
        vm.expectEmit(address(exchange));
        emit IPositionLocks.PositionUnlocked(tokenA, address(locker), address(0));
        vm.expectEmit(address(exchange));
        emit IERC4906.MetadataUpdate(tokenA);
        vm.prank(governor);
        exchange.releaseRevokedLock(tokenA);
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        vm.assertEq(exchange.ownerOf(tokenA), alice);
    }

    function test_RevertWhen_ReleasingLockOfApprovedLocker() public {
        _lockA();
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_LockerStillApproved.selector, address(locker))
        );
        vm.prank(governor);
        exchange.releaseRevokedLock(tokenA);
    }

    function test_RevertWhen_ReleasingUnlockedPosition() public {
        vm.expectRevert(abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsNotLocked.selector, tokenA));
        vm.prank(governor);
        exchange.releaseRevokedLock(tokenA);
    }

    function test_RevertWhen_NonGovernorReleasesRevokedLock() public {
        _lockA();
        vm.prank(governor);
        exchange.setLocker(address(locker), false);
        bytes32 role = exchange.GOVERNOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        exchange.releaseRevokedLock(tokenA);
    }

    // ------------------------------------------------------------------ payouts of locked positions

    function test_Lock_ClearsTheTokenApproval() public {
        vm.assertEq(exchange.getApproved(tokenA), address(locker), "fixture approves the locker for the token");
        _lockA();
        vm.assertEq(exchange.getApproved(tokenA), address(0), "a lock ends the per-token approval, as a transfer does");
        vm.prank(alice);
        exchange.setApprovalForAll(address(locker), true);
        locker.unlock(tokenA);
        vm.assertEq(exchange.getApproved(tokenA), address(0), "unlocking does not bring it back");
    }

    function test_GivenLocked_PositionAccruesAndClaimsRewardsForOwner() public {
        vm.prank(alice);
        exchange.setApprovalForAll(address(locker), true); // the lock clears the per-token approval
        _lockA();
        _warpToDay(TERM_START + 3);
        _deposit(offeringId, 4e18);
        _deposit(offeringId, 8e18); // 40 units: 0.3 FIL a unit over two days
        vm.assertEq(exchange.claimableRewards(tokenA), 3e18);
        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 3e18);
        vm.assertEq(ifil.balanceOf(alice), 3e18);
        _warpToDay(TERM_START + 4);
        _deposit(offeringId, 4e18);
        vm.assertEq(locker.claimRewards(_ids(tokenA)), 1e18, "the locker may claim for the owner");
        vm.assertEq(ifil.balanceOf(alice), 4e18, "paid to the owner");
        vm.assertEq(ifil.balanceOf(address(locker)), 0);
        vm.assertEq(exchange.lockedBy(tokenA), address(locker), "claims do not touch the lock");
    }

    function test_GivenLockedAndHalted_RefundGoesToOwner() public {
        vm.prank(alice);
        exchange.setApprovalForAll(address(locker), true); // the lock clears the per-token approval
        _lockA();
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 refund = _expectedRefund(10 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7);
        uint256 before = usdt.balanceOf(alice);
        locker.claimRefunds(_ids(tokenA));
        vm.assertEq(usdt.balanceOf(alice) - before, refund);
        vm.assertEq(usdt.balanceOf(address(locker)), 0);
    }
}
