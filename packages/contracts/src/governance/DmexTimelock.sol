// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title DmexTimelock
/// @notice The DAO's executor: owns every governable contract and the exchange's admin and
/// governor roles. Proposers and cancellers are the Governor and, during bootstrap, the council
/// Safe; anyone may execute a ready operation. The deployer's temporary admin role is renounced at
/// the end of the deployment, after which only the timelock itself can change its roles.
contract DmexTimelock is TimelockController {
    /// @param minDelay Seconds between queueing and execution (1 day in production).
    /// @param proposers Accounts allowed to schedule (and, by OpenZeppelin's design, cancel).
    /// @param executors Accounts allowed to execute; `address(0)` means anyone.
    /// @param admin Optional temporary admin for the deployment's wiring; `address(0)` for none.
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
