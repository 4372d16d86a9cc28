// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IDmexTimelockErrors} from "../errors/GovernanceErrors.sol";

/// @title DmexTimelock
/// @notice The DAO's executor: owns every governable contract and the exchange's admin and
/// governor roles. Proposers and cancellers are the Governor and, during bootstrap, the council
/// Safe; anyone may execute a ready operation. The deployer's temporary admin role is renounced at
/// the end of the deployment, after which only the timelock itself can change its roles.
///
/// Three DMEX rules on top of OpenZeppelin's TimelockController (docs/decisions/0012, addendum):
/// - **An operation lives only as long as its scheduler's PROPOSER_ROLE.** Each operation records
///   who scheduled it; once that account loses PROPOSER_ROLE (revoked or renounced, even if granted
///   again later) every operation it scheduled and that is not yet executed is *orphaned*: it reads
///   as unset and can never execute. The council's hand-over revokes its PROPOSER_ROLE, so it kills
///   whatever the council left pending, in O(1); the Governor keeps the role, so its operations live.
/// - **A canceller cancels only what it scheduled.** The Governor cancels its queued proposals
///   through the Governor's own rules (where the council's guardian cancel is refused on protected
///   proposals, see DmexGovernor); the council cancels its own operations. So the council cannot
///   cancel the queued proposal that removes it.
/// - **The treasury never votes.** A call to `delegate(address)` is refused, so DMC the timelock
///   holds (treasury, undistributed genesis) carries no votes: nobody, the council included, can
///   vote with it.
/// @dev OpenZeppelin keeps operation timestamps in a private mapping; this contract keeps them, with
/// the scheduler, in one packed slot of its own and re-implements the few functions that touch them
/// (`schedule`, `scheduleBatch`, `cancel`, `execute`, `executeBatch`, `getTimestamp`) with the same
/// checks, events and re-entrancy handling, so queueing costs what it did. Every other function
/// (states, hashes, roles, `updateDelay`) is OpenZeppelin's and reads through `getTimestamp`.
contract DmexTimelock is IDmexTimelockErrors, TimelockController {
    /// @notice One scheduled operation, in one slot.
    struct Operation {
        uint48 timestamp; // 0 unset, 1 done, else when it becomes ready
        address scheduler; // who scheduled it
        uint48 epoch; // the scheduler's proposer epoch when it scheduled
    }

    mapping(bytes32 id => Operation) private _operations;
    /// @dev Bumped each time an account loses PROPOSER_ROLE: its older operations are orphaned.
    mapping(address proposer => uint48) private _proposerEpoch;

    /// @notice `scheduler` scheduled operation `id` (emitted next to OpenZeppelin's CallScheduled).
    /// The operation is orphaned once `scheduler` loses PROPOSER_ROLE (a RoleRevoked event).
    event OperationScheduledBy(bytes32 indexed id, address indexed scheduler);

    /// @param minDelay Seconds between queueing and execution (1 day in production).
    /// @param proposers Accounts allowed to schedule (and, by OpenZeppelin's design, cancel).
    /// @param executors Accounts allowed to execute; `address(0)` means anyone.
    /// @param admin Optional temporary admin for the deployment's wiring; `address(0)` for none.
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}

    // ------------------------------------------------------------------ views

    /// @notice When operation `id` becomes ready: 0 if unset, cancelled or orphaned, 1 once executed.
    /// @param id The operation id.
    /// @return The timestamp.
    function getTimestamp(bytes32 id) public view override returns (uint256) {
        Operation storage op = _operations[id];
        uint256 timestamp = op.timestamp;
        if (timestamp > _DONE_TIMESTAMP && op.epoch != _proposerEpoch[op.scheduler]) return 0;
        return timestamp;
    }

    /// @notice Who scheduled operation `id` (`address(0)` if it never was), and whether it is
    /// orphaned: not executed, and its scheduler lost PROPOSER_ROLE since, so it can never execute.
    /// @param id The operation id.
    /// @return scheduler The scheduler.
    /// @return orphaned True if the operation can no longer execute because of its scheduler.
    function schedulerOf(bytes32 id) external view returns (address scheduler, bool orphaned) {
        Operation storage op = _operations[id];
        scheduler = op.scheduler;
        orphaned = op.timestamp > _DONE_TIMESTAMP && op.epoch != _proposerEpoch[scheduler];
    }

    /// @notice How many times `account` lost PROPOSER_ROLE (operations keep the epoch they were scheduled in).
    /// @param account The proposer.
    /// @return The epoch.
    function proposerEpoch(address account) external view returns (uint256) {
        return _proposerEpoch[account];
    }

    // ------------------------------------------------------------------ scheduling

    /// @notice Schedules a single call, recording the caller as its scheduler. Proposers only.
    /// @param target The call's target.
    /// @param value Native value sent.
    /// @param data Call data.
    /// @param predecessor Operation that must be done first, or zero.
    /// @param salt Distinguishes otherwise identical operations.
    /// @param delay Seconds until ready, at least {getMinDelay}.
    function schedule(
        address target,
        uint256 value,
        bytes calldata data,
        bytes32 predecessor,
        bytes32 salt,
        uint256 delay
    ) public override onlyRole(PROPOSER_ROLE) {
        bytes32 id = hashOperation(target, value, data, predecessor, salt);
        _record(id, delay);
        emit CallScheduled(id, 0, target, value, data, predecessor, delay);
        if (salt != bytes32(0)) emit CallSalt(id, salt);
    }

    /// @notice Schedules a batch of calls (what the Governor queues), recording the caller as its
    /// scheduler. Proposers only.
    /// @param targets The calls' targets.
    /// @param values Native values sent.
    /// @param payloads Call data.
    /// @param predecessor Operation that must be done first, or zero.
    /// @param salt Distinguishes otherwise identical operations.
    /// @param delay Seconds until ready, at least {getMinDelay}.
    function scheduleBatch(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata payloads,
        bytes32 predecessor,
        bytes32 salt,
        uint256 delay
    ) public override onlyRole(PROPOSER_ROLE) {
        if (targets.length != values.length || targets.length != payloads.length) {
            revert TimelockInvalidOperationLength(targets.length, payloads.length, values.length);
        }
        bytes32 id = hashOperationBatch(targets, values, payloads, predecessor, salt);
        _record(id, delay);
        for (uint256 i = 0; i < targets.length; ++i) {
            emit CallScheduled(id, i, targets[i], values[i], payloads[i], predecessor, delay);
        }
        if (salt != bytes32(0)) emit CallSalt(id, salt);
    }

    /// @notice Cancels a pending operation. Cancellers only, and only the operation's own scheduler:
    /// the Governor's proposals are cancelled through the Governor, never directly by the council.
    /// @param id The operation id.
    function cancel(bytes32 id) public override onlyRole(CANCELLER_ROLE) {
        if (!isOperationPending(id)) {
            revert TimelockUnexpectedOperationState(
                id, _encodeStateBitmap(OperationState.Waiting) | _encodeStateBitmap(OperationState.Ready)
            );
        }
        address scheduler = _operations[id].scheduler;
        if (msg.sender != scheduler) revert Timelock_NotScheduler(id, msg.sender, scheduler);
        delete _operations[id];
        emit Cancelled(id);
    }

    // ------------------------------------------------------------------ execution

    /// @notice Executes a ready single-call operation whose scheduler still holds PROPOSER_ROLE.
    /// @param target The call's target.
    /// @param value Native value sent.
    /// @param payload Call data.
    /// @param predecessor Operation that must be done first, or zero.
    /// @param salt The salt it was scheduled with.
    function execute(address target, uint256 value, bytes calldata payload, bytes32 predecessor, bytes32 salt)
        public
        payable
        override
        onlyRoleOrOpenRole(EXECUTOR_ROLE)
    {
        bytes32 id = hashOperation(target, value, payload, predecessor, salt);
        _beforeExecution(id, predecessor);
        _execute(target, value, payload);
        emit CallExecuted(id, 0, target, value, payload);
        _afterExecution(id);
    }

    /// @notice Executes a ready batch whose scheduler still holds PROPOSER_ROLE (what the Governor executes).
    /// @param targets The calls' targets.
    /// @param values Native values sent.
    /// @param payloads Call data.
    /// @param predecessor Operation that must be done first, or zero.
    /// @param salt The salt it was scheduled with.
    function executeBatch(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata payloads,
        bytes32 predecessor,
        bytes32 salt
    ) public payable override onlyRoleOrOpenRole(EXECUTOR_ROLE) {
        if (targets.length != values.length || targets.length != payloads.length) {
            revert TimelockInvalidOperationLength(targets.length, payloads.length, values.length);
        }
        bytes32 id = hashOperationBatch(targets, values, payloads, predecessor, salt);
        _beforeExecution(id, predecessor);
        for (uint256 i = 0; i < targets.length; ++i) {
            _execute(targets[i], values[i], payloads[i]);
            emit CallExecuted(id, i, targets[i], values[i], payloads[i]);
        }
        _afterExecution(id);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Refuses `delegate(address)`: the treasury's DMC never votes.
    function _execute(address target, uint256 value, bytes calldata data) internal override {
        if (data.length >= 36 && bytes4(data[:4]) == IVotes.delegate.selector) {
            revert Timelock_CannotDelegate(target, address(uint160(uint256(bytes32(data[4:36])))));
        }
        super._execute(target, value, data);
    }

    /// @dev A lost PROPOSER_ROLE orphans every pending operation of the account (RoleRevoked marks it).
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        revoked = super._revokeRole(role, account);
        if (revoked && role == PROPOSER_ROLE) ++_proposerEpoch[account];
    }

    function _record(bytes32 id, uint256 delay) private {
        if (isOperation(id)) revert TimelockUnexpectedOperationState(id, _encodeStateBitmap(OperationState.Unset));
        uint256 minDelay = getMinDelay();
        if (delay < minDelay) revert TimelockInsufficientDelay(delay, minDelay);
        _operations[id] = Operation({
            timestamp: SafeCast.toUint48(block.timestamp + delay),
            scheduler: msg.sender,
            epoch: _proposerEpoch[msg.sender]
        });
        emit OperationScheduledBy(id, msg.sender);
    }

    function _beforeExecution(bytes32 id, bytes32 predecessor) private view {
        Operation storage op = _operations[id];
        if (op.timestamp > _DONE_TIMESTAMP && op.epoch != _proposerEpoch[op.scheduler]) {
            revert Timelock_OperationOrphaned(id, op.scheduler);
        }
        if (!isOperationReady(id)) {
            revert TimelockUnexpectedOperationState(id, _encodeStateBitmap(OperationState.Ready));
        }
        if (predecessor != bytes32(0) && !isOperationDone(predecessor)) {
            revert TimelockUnexecutedPredecessor(predecessor);
        }
    }

    /// @dev Re-checks after the calls that the operation is still ready (a re-entrant execution of the
    /// same operation, or a cancel during it, makes the outer one revert), then marks it done. Its own
    /// scheduler losing PROPOSER_ROLE during it does not: an operation may revoke its scheduler's role
    /// (a council handing over by itself, a Governor migration).
    function _afterExecution(bytes32 id) private {
        Operation storage op = _operations[id];
        uint256 timestamp = op.timestamp;
        if (timestamp <= _DONE_TIMESTAMP || timestamp > block.timestamp) {
            revert TimelockUnexpectedOperationState(id, _encodeStateBitmap(OperationState.Ready));
        }
        op.timestamp = uint48(_DONE_TIMESTAMP);
    }
}
