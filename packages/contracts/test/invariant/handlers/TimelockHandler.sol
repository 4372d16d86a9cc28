// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DmexTimelock} from "../../../src/governance/DmexTimelock.sol";
import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives the timelock through random lives: operations scheduled by the council and by the
/// governor with random delays, the council's PROPOSER_ROLE revoked and granted again, time passing,
/// executions and cancellations by either. Records, per operation, whether its scheduler lost the
/// role since scheduling it, and counts executions of such operations (which must never happen).
contract TimelockHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    DmexTimelock public immutable timelock;
    address public immutable council;
    address public immutable governor;
    address public immutable target;
    bytes32 internal immutable proposerRole;

    struct Op {
        address scheduler;
        bytes data;
        bytes32 salt;
        uint256 epoch; // the handler's count of the scheduler's role losses when it scheduled
    }

    Op[] internal ops;
    mapping(address => uint256) public losses;
    uint256 public orphanExecutions;
    uint256 public executions;

    constructor(DmexTimelock timelock_, address council_, address governor_, address target_) {
        timelock = timelock_;
        council = council_;
        governor = governor_;
        target = target_;
        proposerRole = timelock_.PROPOSER_ROLE();
    }

    function opCount() external view returns (uint256) {
        return ops.length;
    }

    function opId(uint256 i) public view returns (bytes32) {
        Op storage op = ops[i];
        return timelock.hashOperation(target, 0, op.data, bytes32(0), op.salt);
    }

    /// @notice Whether operation `i`'s scheduler lost PROPOSER_ROLE since scheduling it.
    function orphaned(uint256 i) public view returns (bool) {
        return losses[ops[i].scheduler] != ops[i].epoch;
    }

    function schedule(bool byCouncil, uint256 delaySeed, uint16 fee) external {
        address scheduler = byCouncil ? council : governor;
        if (!timelock.hasRole(proposerRole, scheduler)) return;
        uint256 delay = timelock.getMinDelay() + (delaySeed % 90 days);
        bytes memory data = abi.encodeCall(ProtocolParameters.setDefiFee, (uint16(fee % 500)));
        bytes32 salt = bytes32(ops.length);
        vm.prank(scheduler);
        timelock.schedule(target, 0, data, bytes32(0), salt, delay);
        ops.push(Op(scheduler, data, salt, losses[scheduler]));
    }

    function revokeCouncil() external {
        if (!timelock.hasRole(proposerRole, council)) return;
        vm.prank(address(timelock));
        timelock.revokeRole(proposerRole, council);
        losses[council] += 1;
    }

    function grantCouncil() external {
        vm.prank(address(timelock));
        timelock.grantRole(proposerRole, council);
    }

    function advance(uint256 secondsSeed) external {
        vm.warp(block.timestamp + 1 hours + (secondsSeed % 20 days));
    }

    function execute(uint256 seed) external {
        if (ops.length == 0) return;
        uint256 i = seed % ops.length;
        Op storage op = ops[i];
        bool wasOrphaned = orphaned(i);
        try timelock.execute(target, 0, op.data, bytes32(0), op.salt) {
            executions += 1;
            if (wasOrphaned) orphanExecutions += 1;
        } catch {}
    }

    function cancel(uint256 seed, bool byCouncil) external {
        if (ops.length == 0) return;
        uint256 i = seed % ops.length;
        address canceller = byCouncil ? council : governor;
        bytes32 id = opId(i);
        bool pending = timelock.isOperationPending(id);
        vm.prank(canceller);
        try timelock.cancel(id) {
            require(pending && ops[i].scheduler == canceller, "cancelled another's operation");
        } catch {}
    }
}
