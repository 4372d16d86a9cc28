// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Governance errors
/// @notice The custom errors of the governance area, one interface per contract (see {IExchangeErrors}
/// for the naming rule and the list of prefixes): `Governor_` (DmexGovernor), `Timelock_`
/// (DmexTimelock), `Params_` (ProtocolParameters). OpenZeppelin's own `Governor...`/`Timelock...`
/// errors keep their names: the underscore sets DMEX's apart.

/// @notice DmexGovernor's errors (inherited through {IDmexGovernor}).
interface IDmexGovernorErrors {
    /// @notice Only the proposal guardian may call this.
    error Governor_OnlyProposalGuardian(address caller);
    /// @notice The guardian may not cancel this proposal: it only removes or replaces the guardian's powers.
    error Governor_ProtectedProposal(uint256 proposalId, address guardian);
}

/// @notice DmexTimelock's errors.
interface IDmexTimelockErrors {
    /// @notice The operation's scheduler lost PROPOSER_ROLE after scheduling it: it can never execute.
    error Timelock_OperationOrphaned(bytes32 id, address scheduler);
    /// @notice Only the account that scheduled an operation may cancel it.
    error Timelock_NotScheduler(bytes32 id, address caller, address scheduler);
    /// @notice The timelock never delegates votes (its DMC is the treasury and the undistributed genesis).
    error Timelock_CannotDelegate(address target, address delegatee);
}

/// @notice ProtocolParameters' errors.
interface IProtocolParametersErrors {
    /// @notice A fee above its hard cap; `name` is the parameter (e.g. "tradingFeeBps").
    error Params_FeeTooHigh(bytes32 name, uint256 feeBps, uint256 capBps);
}
