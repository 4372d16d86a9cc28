// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IDmexGovernorErrors} from "../errors/GovernanceErrors.sol";

/// @title IDmexGovernor
/// @notice What `DmexGovernor` adds to OpenZeppelin's `IGovernor` (whose functions, events and errors
/// it keeps unchanged): miner applications propose without the threshold, and a proposal guardian (the
/// council Safe during bootstrap) may cancel any unexecuted proposal except a protected one.
interface IDmexGovernor is IDmexGovernorErrors {
    /// @notice The applications contract changed.
    /// @param oldApplications The previous contract (zero at deployment).
    /// @param newApplications The new contract, or zero for none.
    event ApplicationsSet(address oldApplications, address newApplications);
    /// @notice The proposal guardian changed.
    /// @param oldGuardian The previous guardian (zero at deployment).
    /// @param newGuardian The new guardian, or zero once handed over.
    event ProposalGuardianSet(address oldGuardian, address newGuardian);

    /// @notice Cancels a proposal in any state before execution, unless it is protected
    /// ({isProtected}). Proposal guardian only.
    /// @param targets The proposal's targets.
    /// @param values The proposal's values.
    /// @param calldatas The proposal's calldatas.
    /// @param descriptionHash keccak256 of the proposal's description.
    /// @return The cancelled proposal's id.
    function guardianCancel(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas,
        bytes32 descriptionHash
    ) external returns (uint256);

    /// @notice Whether the guardian is barred from cancelling a proposal with these actions: true when
    /// there is at least one action and every action revokes a role of the guardian, changes the
    /// guardian, or manages the council Safe's owners through the timelock's module.
    /// @param targets The proposal's targets.
    /// @param values The proposal's values.
    /// @param calldatas The proposal's calldatas.
    /// @return True if the guardian cannot cancel it.
    function isProtected(address[] calldata targets, uint256[] calldata values, bytes[] calldata calldatas)
        external
        view
        returns (bool);

    /// @notice Sets the proposal guardian; `address(0)` removes it. Governance only.
    /// Emits {ProposalGuardianSet}.
    /// @param guardian The new guardian.
    function setProposalGuardian(address guardian) external;

    /// @notice Sets the applications contract allowed to propose without threshold. Governance only.
    /// Emits {ApplicationsSet}.
    /// @param applications_ The new contract, or `address(0)` for none.
    function setApplications(address applications_) external;

    /// @notice DMC's total supply, fixed at genesis: the quorum's base.
    /// @return The supply in DMC wei.
    function fixedSupply() external view returns (uint256);

    /// @notice The miner-applications contract, allowed to propose without the threshold.
    /// @return The contract, or zero for none.
    function applications() external view returns (address);

    /// @notice The account that may cancel unprotected proposals before execution.
    /// @return The guardian, or zero once handed over.
    function proposalGuardian() external view returns (address);
}
