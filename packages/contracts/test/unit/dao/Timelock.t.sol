// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {DmexTimelock} from "../../../src/governance/DmexTimelock.sol";
import {DmexGovernor} from "../../../src/governance/DmexGovernor.sol";
import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";
import {IDmexTimelockErrors} from "../../../src/errors/GovernanceErrors.sol";

/// @notice DmexTimelock's rules: operations die with their scheduler's PROPOSER_ROLE, cancellers
/// cancel only their own operations, the treasury never delegates.
contract TimelockTest is DaoFixture {
    bytes32 internal constant SALT = "council";

    function _feeCall(uint16 fee) internal view returns (address[] memory, uint256[] memory, bytes[] memory) {
        return _single(address(dao.parameters), abi.encodeCall(ProtocolParameters.setDefiFee, (fee)));
    }

    function test_schedulingRecordsTheScheduler() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(300);
        bytes32 id = dao.timelock.hashOperationBatch(t, v, c, bytes32(0), SALT);
        vm.expectEmit(address(dao.timelock));
        emit DmexTimelock.OperationScheduledBy(id, dao.council);
        _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        (address scheduler, bool orphaned) = dao.timelock.schedulerOf(id);
        vm.assertEq(scheduler, dao.council);
        vm.assertFalse(orphaned);
        vm.assertEq(dao.timelock.getTimestamp(id), block.timestamp + TIMELOCK_DELAY);
    }

    function test_revokedSchedulerOrphansItsOperations() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(300);
        bytes32 id = _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        bytes32 proposer = dao.timelock.PROPOSER_ROLE();
        vm.prank(address(dao.timelock));
        dao.timelock.revokeRole(proposer, dao.council);
        vm.assertEq(dao.timelock.proposerEpoch(dao.council), 1);

        (address scheduler, bool orphaned) = dao.timelock.schedulerOf(id);
        vm.assertEq(scheduler, dao.council);
        vm.assertTrue(orphaned);
        vm.assertEq(dao.timelock.getTimestamp(id), 0);
        vm.assertEq(uint256(dao.timelock.getOperationState(id)), uint256(TimelockController.OperationState.Unset));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IDmexTimelockErrors.Timelock_OperationOrphaned.selector, id, dao.council)
        );
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);

        // Granted again, the council schedules afresh (with a fresh delay); the old one stays dead.
        vm.prank(address(dao.timelock));
        dao.timelock.grantRole(proposer, dao.council);
        (, orphaned) = dao.timelock.schedulerOf(id);
        vm.assertTrue(orphaned, "a new grant does not revive it");
        _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        vm.assertEq(dao.timelock.getTimestamp(id), block.timestamp + TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);
        vm.assertEq(dao.parameters.defiFeeBps(), 300);
    }

    function test_renouncingOrphansToo() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(300);
        bytes32 id = _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        bytes32 proposer = dao.timelock.PROPOSER_ROLE();
        vm.assertTrue(
            _councilExec(
                address(dao.timelock),
                abi.encodeWithSignature("renounceRole(bytes32,address)", proposer, dao.council),
                _firstSigners(4)
            )
        );
        vm.assertFalse(dao.timelock.isOperationPending(id));
        // Losing another role does not.
        vm.assertEq(dao.timelock.proposerEpoch(dao.council), 1);
    }

    function test_losingAnotherRoleOrphansNothing() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(300);
        bytes32 id = _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        bytes32 canceller = dao.timelock.CANCELLER_ROLE();
        vm.prank(address(dao.timelock));
        dao.timelock.revokeRole(canceller, dao.council);
        vm.assertEq(dao.timelock.proposerEpoch(dao.council), 0);
        vm.assertTrue(dao.timelock.isOperationPending(id));
    }

    function test_anOperationMayRevokeItsOwnScheduler() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(
            address(dao.timelock),
            abi.encodeWithSignature("revokeRole(bytes32,address)", dao.timelock.PROPOSER_ROLE(), dao.council)
        );
        bytes32 id = _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);
        vm.assertTrue(dao.timelock.isOperationDone(id));
        vm.assertFalse(dao.timelock.hasRole(dao.timelock.PROPOSER_ROLE(), dao.council));
    }

    function test_governorProposalsSurviveTheHandOver() public {
        // A fee change is queued, then the hand-over passes; the fee change still executes.
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(150);
        vm.prank(whale1);
        uint256 fee = dao.governor.propose(t, v, c, "# DeFi fee 1.5%");
        (address[] memory ht, uint256[] memory hv, bytes[] memory hc) = _handOverActions();
        vm.prank(whale1);
        uint256 handOver = dao.governor.propose(ht, hv, hc, HAND_OVER);
        vm.warp(dao.governor.proposalSnapshot(fee) + 1);
        for (uint256 i; i < 2; ++i) {
            address w = i == 0 ? whale1 : whale2;
            vm.startPrank(w);
            dao.governor.castVote(fee, 1);
            dao.governor.castVote(handOver, 1);
            vm.stopPrank();
        }
        vm.warp(dao.governor.proposalDeadline(fee) + 1);
        dao.governor.queue(t, v, c, keccak256("# DeFi fee 1.5%"));
        dao.governor.queue(ht, hv, hc, keccak256(bytes(HAND_OVER)));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        dao.governor.execute(ht, hv, hc, keccak256(bytes(HAND_OVER)));
        dao.governor.execute(t, v, c, keccak256("# DeFi fee 1.5%"));
        vm.assertEq(dao.parameters.defiFeeBps(), 150);
        vm.assertEq(uint256(dao.governor.state(fee)), uint256(IGovernor.ProposalState.Executed));
    }

    function test_cancellersCancelOnlyTheirOwnOperations() public {
        // A governor proposal, queued: the council may not cancel it on the timelock...
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(150);
        vm.prank(whale1);
        uint256 id = dao.governor.propose(t, v, c, "# fee");
        _voteThrough(id, 1);
        dao.governor.queue(t, v, c, keccak256("# fee"));
        bytes32 opId = _timelockId(t, v, c, "# fee");
        vm.prank(dao.council);
        vm.expectRevert(
            abi.encodeWithSelector(
                IDmexTimelockErrors.Timelock_NotScheduler.selector, opId, dao.council, address(dao.governor)
            )
        );
        dao.timelock.cancel(opId);
        // ...but, as guardian, through the governor (it is not protected), which cancels it on the timelock.
        vm.assertTrue(
            _councilExec(
                address(dao.governor),
                abi.encodeCall(DmexGovernor.guardianCancel, (t, v, c, keccak256("# fee"))),
                _firstSigners(4)
            )
        );
        vm.assertFalse(dao.timelock.isOperation(opId));
        vm.assertEq(uint256(dao.governor.state(id)), uint256(IGovernor.ProposalState.Canceled));

        // The governor (a canceller) may not cancel the council's operation either.
        (t, v, c) = _feeCall(300);
        bytes32 councilOp = _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        vm.prank(address(dao.governor));
        vm.expectRevert(
            abi.encodeWithSelector(
                IDmexTimelockErrors.Timelock_NotScheduler.selector, councilOp, address(dao.governor), dao.council
            )
        );
        dao.timelock.cancel(councilOp);
    }

    function test_theTreasuryNeverDelegates() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _single(address(dao.dmc), abi.encodeWithSignature("delegate(address)", whale1));
        vm.prank(address(dao.governor));
        dao.timelock.scheduleBatch(t, v, c, bytes32(0), SALT, TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IDmexTimelockErrors.Timelock_CannotDelegate.selector, address(dao.dmc), whale1)
        );
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);
        vm.prank(address(dao.governor));
        dao.timelock.schedule(t[0], 0, c[0], bytes32(0), SALT, TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(IDmexTimelockErrors.Timelock_CannotDelegate.selector, address(dao.dmc), whale1)
        );
        dao.timelock.execute(t[0], 0, c[0], bytes32(0), SALT);
    }

    function test_anOrphanedPredecessorBlocksItsSuccessor() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(300);
        bytes32 first = _councilScheduleBatch(t, v, c, SALT, TIMELOCK_DELAY);
        bytes memory next = abi.encodeCall(ProtocolParameters.setTradingFee, (300));
        vm.prank(address(dao.governor));
        dao.timelock.schedule(address(dao.parameters), 0, next, first, SALT, TIMELOCK_DELAY);
        bytes32 proposer = dao.timelock.PROPOSER_ROLE();
        vm.prank(address(dao.timelock));
        dao.timelock.revokeRole(proposer, dao.council);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnexecutedPredecessor.selector, first));
        dao.timelock.execute(address(dao.parameters), 0, next, first, SALT);
    }

    function test_scheduleKeepsOpenZeppelinsChecks() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _feeCall(300);
        vm.startPrank(address(dao.governor));
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockInsufficientDelay.selector, TIMELOCK_DELAY - 1, TIMELOCK_DELAY
            )
        );
        dao.timelock.scheduleBatch(t, v, c, bytes32(0), SALT, TIMELOCK_DELAY - 1);
        dao.timelock.scheduleBatch(t, v, c, bytes32(0), SALT, TIMELOCK_DELAY);
        vm.expectRevert(); // already scheduled
        dao.timelock.scheduleBatch(t, v, c, bytes32(0), SALT, TIMELOCK_DELAY);
        vm.expectRevert(); // a delay past uint48
        dao.timelock.schedule(address(1), 0, "", bytes32(0), SALT, type(uint256).max - block.timestamp);
        vm.stopPrank();
        vm.expectRevert(); // not ready yet
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);
        vm.prank(whale1);
        vm.expectRevert(); // not a proposer
        dao.timelock.scheduleBatch(t, v, c, bytes32(0), "x", TIMELOCK_DELAY);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);
        vm.expectRevert(); // done
        dao.timelock.executeBatch(t, v, c, bytes32(0), SALT);
    }
}
