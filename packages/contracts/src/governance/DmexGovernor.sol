// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IDmexGovernor} from "../interfaces/IDmexGovernor.sol";

/// @notice The Safe 1.4.1 functions a DAO vote uses to manage the council's members (the timelock is
/// a module of the council Safe).
interface ICouncilSafe {
    function execTransactionFromModule(address to, uint256 value, bytes calldata data, uint8 operation)
        external
        returns (bool success);
    function addOwnerWithThreshold(address owner, uint256 threshold) external;
    function removeOwner(address prevOwner, address owner, uint256 threshold) external;
    function swapOwner(address prevOwner, address oldOwner, address newOwner) external;
    function changeThreshold(uint256 threshold) external;
}

/// @title DmexGovernor
/// @notice DMC holders' governor: OpenZeppelin 5 Governor with settings, simple counting (for,
/// against, abstain), votes at the proposal snapshot (so tokens bought or borrowed after it carry no
/// weight), a quorum fraction whose history is checkpointed (lowering it later cannot revive a
/// defeated proposal), late-quorum protection and timelock control.
///
/// Two DMEX additions:
/// - **Miner applications propose without the threshold.** `MinerApplications` creates the
///   proposal that approves a miner's offering; the miner's DMC stake stands in for the threshold.
/// - **A proposal guardian** (the council Safe during bootstrap) may cancel any proposal that is
///   not yet executed, except a *protected* one ({isProtected}): a proposal every action of which
///   revokes a role of the guardian, changes the guardian, or manages the council Safe's owners
///   through the timelock's module. So the council cannot cancel its own hand-over or the
///   replacement of its members (and the timelock lets a canceller cancel only what it scheduled, so
///   it cannot cancel them once queued either). A DAO vote replaces or removes the guardian.
contract DmexGovernor is
    IDmexGovernor,
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorTimelockControl
{
    /// @notice Governance periods, in seconds (the DMC clock is a timestamp).
    struct Params {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumNumerator; // percent of the total supply
        uint48 lateQuorumExtension;
    }

    /// @notice DMC's total supply, fixed at genesis (DMCToken has no mint or burn after its
    /// constructor), so the quorum needs no supply checkpoint lookup on every vote.
    uint256 public immutable fixedSupply;

    /// @notice The miner-applications contract, allowed to propose without the threshold.
    address public applications;
    /// @notice May cancel any proposal before execution; `address(0)` once handed over.
    address public proposalGuardian;

    /// @param token DMC (ERC-5805 votes, timestamp clock).
    /// @param timelock The DAO timelock that executes proposals.
    /// @param applications_ The miner-applications contract.
    /// @param guardian The initial proposal guardian (the council Safe), or `address(0)`.
    /// @param params Delay, period, threshold, quorum and late-quorum extension.
    constructor(
        IVotes token,
        TimelockController timelock,
        address applications_,
        address guardian,
        Params memory params
    )
        Governor("DMEX DAO")
        GovernorSettings(params.votingDelay, params.votingPeriod, params.proposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(params.quorumNumerator)
        GovernorPreventLateQuorum(params.lateQuorumExtension)
        GovernorTimelockControl(timelock)
    {
        fixedSupply = IERC20(address(token)).totalSupply();
        applications = applications_;
        proposalGuardian = guardian;
        emit ApplicationsSet(address(0), applications_);
        emit ProposalGuardianSet(address(0), guardian);
    }

    /// @notice Creates a proposal. The applications contract skips the proposal threshold; everyone
    /// else needs `proposalThreshold()` votes at the previous second.
    /// @return proposalId The proposal's id.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public override returns (uint256) {
        if (msg.sender == applications && applications != address(0)) {
            return _propose(targets, values, calldatas, description, msg.sender);
        }
        return super.propose(targets, values, calldatas, description);
    }

    /// @notice Cancels a proposal in any state before execution, unless it is protected
    /// ({isProtected}). Proposal guardian only.
    /// @param targets The proposal's targets.
    /// @param values The proposal's values.
    /// @param calldatas The proposal's calldatas.
    /// @param descriptionHash keccak256 of the proposal's description.
    /// @return proposalId The cancelled proposal's id.
    function guardianCancel(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas,
        bytes32 descriptionHash
    ) external returns (uint256) {
        address guardian = proposalGuardian;
        if (msg.sender != guardian || guardian == address(0)) revert Governor_OnlyProposalGuardian(msg.sender);
        if (isProtected(targets, values, calldatas)) {
            revert Governor_ProtectedProposal(hashProposal(targets, values, calldatas, descriptionHash), guardian);
        }
        return _cancel(targets, values, calldatas, descriptionHash);
    }

    /// @notice Whether the guardian is barred from cancelling a proposal with these actions: true when
    /// there is at least one action and *every* action is one of
    /// - `revokeRole(role, guardian)` (AccessControl) on any target, with no value: takes a power
    ///   away from the council (the hand-over revokes its timelock and halt roles this way);
    /// - `setProposalGuardian(anyone)` on this governor, with no value;
    /// - on the guardian (the council Safe), with no value: `execTransactionFromModule` of a plain
    ///   call (operation 0, no value) from the Safe to itself of `addOwnerWithThreshold`,
    ///   `removeOwner`, `swapOwner` or `changeThreshold`: the DAO replacing members.
    /// A proposal that mixes in any other action stays cancellable, so wrapping a hostile action in
    /// a protected one buys it no immunity. Only the guardian's cancel is affected.
    /// @param targets The proposal's targets.
    /// @param values The proposal's values.
    /// @param calldatas The proposal's calldatas.
    /// @return True if the guardian cannot cancel it.
    function isProtected(address[] calldata targets, uint256[] calldata values, bytes[] calldata calldatas)
        public
        view
        returns (bool)
    {
        uint256 n = targets.length;
        if (n == 0 || values.length != n || calldatas.length != n) return false;
        address guardian = proposalGuardian;
        // Bounded by the proposal's own actions, which the caller supplies (as in propose and execute).
        for (uint256 i; i < n; ++i) {
            if (!_isProtectedAction(targets[i], values[i], calldatas[i], guardian)) return false;
        }
        return true;
    }

    /// @notice Sets the proposal guardian; `address(0)` removes it. Governance only.
    /// @param guardian The new guardian.
    function setProposalGuardian(address guardian) external onlyGovernance {
        emit ProposalGuardianSet(proposalGuardian, guardian);
        proposalGuardian = guardian;
    }

    /// @notice Sets the applications contract allowed to propose without threshold. Governance only.
    /// @param applications_ The new contract, or `address(0)` for none.
    function setApplications(address applications_) external onlyGovernance {
        emit ApplicationsSet(applications, applications_);
        applications = applications_;
    }

    function _isProtectedAction(address target, uint256 value, bytes calldata data, address guardian)
        private
        view
        returns (bool)
    {
        if (value != 0 || data.length < 4) return false;
        bytes4 selector = bytes4(data[:4]);
        if (selector == IAccessControl.revokeRole.selector) {
            if (data.length != 68) return false;
            (, address account) = abi.decode(data[4:], (bytes32, address));
            return account == guardian;
        }
        if (selector == this.setProposalGuardian.selector) return target == address(this) && data.length == 36;
        if (selector != ICouncilSafe.execTransactionFromModule.selector || target != guardian) return false;
        (address to, uint256 innerValue, bytes memory inner, uint8 operation) =
            abi.decode(data[4:], (address, uint256, bytes, uint8));
        if (to != guardian || innerValue != 0 || operation != 0 || inner.length < 4) return false;
        bytes4 innerSelector = bytes4(inner);
        return innerSelector == ICouncilSafe.addOwnerWithThreshold.selector
            || innerSelector == ICouncilSafe.removeOwner.selector || innerSelector == ICouncilSafe.swapOwner.selector
            || innerSelector == ICouncilSafe.changeThreshold.selector;
    }

    // ------------------------------------------------------------ required overrides

    /// @inheritdoc Governor
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc Governor
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @notice Votes (for + abstain) a proposal snapshotted at `timepoint` needs: the quorum
    /// numerator in force then (checkpointed, so a later change never applies retroactively) times
    /// DMC's fixed supply. Same result as OpenZeppelin's supply checkpoint lookup, which late-quorum
    /// protection would otherwise repeat on every vote.
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return (fixedSupply * quorumNumerator(timepoint)) / quorumDenominator();
    }

    /// @inheritdoc Governor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc Governor
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    /// @inheritdoc Governor
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc Governor
    function proposalDeadline(uint256 proposalId)
        public
        view
        override(Governor, GovernorPreventLateQuorum)
        returns (uint256)
    {
        return super.proposalDeadline(proposalId);
    }

    function _castVote(uint256 proposalId, address account, uint8 support, string memory reason, bytes memory params)
        internal
        override(Governor, GovernorPreventLateQuorum)
        returns (uint256)
    {
        return super._castVote(proposalId, account, support, reason, params);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
