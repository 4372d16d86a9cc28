// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DaoFixture} from "../utils/DaoFixture.sol";
import {TimelockHandler} from "./handlers/TimelockHandler.sol";

/// @notice Invariants 13-14 of test/invariant/README.md: a timelock operation never executes, nor
/// reads as pending, once its scheduler lost PROPOSER_ROLE; the governor's operations stay alive.
contract TimelockInvariants is DaoFixture {
    TimelockHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new TimelockHandler(dao.timelock, dao.council, address(dao.governor), address(dao.parameters));
        handler.schedule(true, 0, 100); // never vacuous
        targetContract(address(handler));
    }

    /// 13. Orphaned operations are dead: none ever executed, and none reads as pending or ready.
    function invariant_orphanedOperationsNeverExecute() public view {
        vm.assertEq(handler.orphanExecutions(), 0);
        uint256 n = handler.opCount();
        for (uint256 i; i < n; ++i) {
            bytes32 id = handler.opId(i);
            (address scheduler, bool orphaned) = dao.timelock.schedulerOf(id);
            if (dao.timelock.isOperationDone(id)) continue;
            if (handler.orphaned(i) && scheduler != address(0)) {
                // scheduler == 0: it was cancelled (the record is deleted)
                vm.assertTrue(orphaned);
                vm.assertFalse(dao.timelock.isOperationPending(id));
            }
        }
    }

    /// 14. The governor never loses PROPOSER_ROLE here, so none of its operations is ever orphaned.
    function invariant_governorOperationsStayAlive() public view {
        uint256 n = handler.opCount();
        for (uint256 i; i < n; ++i) {
            (address scheduler, bool orphaned) = dao.timelock.schedulerOf(handler.opId(i));
            if (scheduler == address(dao.governor)) vm.assertFalse(orphaned);
        }
    }
}
