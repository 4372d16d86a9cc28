// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IMinerApplicationsErrors} from "../errors/IssuanceErrors.sol";
import {ApplicationTerms, StakePolicy, StakeState} from "../issuance/ApplicationTypes.sol";
import {IHashpowerExchange} from "./IHashpowerExchange.sol";

/// @title IMinerApplications
/// @notice The only way an offering comes to exist: a miner applies with its disclosure and terms and
/// stakes DMC; the application creates the Governor proposal whose single action is
/// `approve(applicationId)`; when the timelock executes it, the offering is created on the exchange.
/// A stake is always in exactly one {StakeState}.
interface IMinerApplications is IMinerApplicationsErrors {
    /// @notice Stored application.
    struct Application {
        address miner;
        uint48 unlockAt; // approved: term end + grace; cancelled: the proposal deadline + 1 s
        bool approved;
        bool cancelled; // withdrawn by the miner before the vote started
        uint8 settled; // 0 = held, 1 = withdrawn, 2 = slashed
        uint128 stake;
        uint64 offeringId;
        uint32 governorId; // the governor proposed to ({governorById}); packs with stake and offeringId
        uint256 proposalId;
        bytes32 descriptionHash;
        ApplicationTerms terms;
    }

    /// @notice A miner applied; `proposalId` is the Governor proposal that approves it.
    /// @param applicationId The new application.
    /// @param miner The applicant.
    /// @param proposalId The proposal voting on it.
    /// @param stake DMC locked (wei).
    /// @param terms The offering and the disclosure.
    /// @param description The proposal text.
    event ApplicationSubmitted(
        uint256 indexed applicationId,
        address indexed miner,
        uint256 indexed proposalId,
        uint256 stake,
        ApplicationTerms terms,
        string description
    );
    /// @notice The DAO approved an application and its offering now exists.
    /// @param applicationId The application.
    /// @param offeringId The offering created on the exchange.
    /// @param stakeUnlockAt When the stake becomes withdrawable (term end plus grace).
    event ApplicationApproved(uint256 indexed applicationId, uint256 indexed offeringId, uint256 stakeUnlockAt);
    /// @notice The miner withdrew its application before the vote started. The stake stays Locked
    /// until `stakeUnlockAt` (when the cancelled vote would have ended), then becomes Withdrawable.
    /// @param applicationId The application.
    /// @param stakeUnlockAt When the stake becomes withdrawable.
    event ApplicationCancelled(uint256 indexed applicationId, uint256 stakeUnlockAt);
    /// @notice The miner took its stake back.
    /// @param applicationId The application.
    /// @param miner The applicant.
    /// @param amount DMC returned (wei).
    event StakeWithdrawn(uint256 indexed applicationId, address indexed miner, uint256 amount);
    /// @notice The DAO slashed the stake to the insurance fund.
    /// @param applicationId The application.
    /// @param miner The applicant.
    /// @param amount DMC slashed (wei).
    /// @param reason Why, as the DAO's proposal stated it.
    event StakeSlashed(uint256 indexed applicationId, address indexed miner, uint256 amount, string reason);
    /// @notice The governor new applications are proposed to changed.
    /// @param oldGovernor The previous governor (zero for the first).
    /// @param newGovernor The new governor.
    event GovernorSet(address oldGovernor, address newGovernor);
    /// @notice The stake policy changed.
    /// @param minStake Floor of every stake (DMC wei).
    /// @param stakePerValueWad DMC wei per whole payment token of the offering's value.
    /// @param lockGraceDays Days after the term's end before an approved stake unlocks.
    event StakePolicySet(uint128 minStake, uint128 stakePerValueWad, uint32 lockGraceDays);

    /// @notice Submits an application to issue an offering: checks the terms, takes the required DMC
    /// stake (approve it first) and creates the Governor proposal that approves the application.
    /// Emits {ApplicationSubmitted}.
    /// @param terms The offering and the disclosure.
    /// @param description The proposal text voters read.
    /// @return applicationId The new application's id.
    /// @return proposalId The Governor proposal voting on it.
    function submit(ApplicationTerms calldata terms, string calldata description)
        external
        returns (uint256 applicationId, uint256 proposalId);

    /// @notice {submit} with an ERC-2612 permit for the stake, in one transaction (a failing permit is
    /// ignored: the stake transfer decides).
    /// @param terms The offering and the disclosure.
    /// @param description The proposal text.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    /// @return applicationId The new application's id.
    /// @return proposalId The Governor proposal voting on it.
    function submitWithPermit(
        ApplicationTerms calldata terms,
        string calldata description,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 applicationId, uint256 proposalId);

    /// @notice Withdraws a pending application before its vote starts (cancels the proposal); the
    /// stake stays Locked until the cancelled vote would have ended. Applicant only.
    /// Emits {ApplicationCancelled}.
    /// @param applicationId The application.
    function cancel(uint256 applicationId) external;

    /// @notice Returns a Withdrawable stake to the miner. Applicant only. Emits {StakeWithdrawn}.
    /// @param applicationId The application.
    /// @return amount DMC returned.
    function withdrawStake(uint256 applicationId) external returns (uint256 amount);

    /// @notice Creates the application's offering. Timelock only: the action of the application's
    /// proposal. Reverts once the sale window has ended. Emits {ApplicationApproved}.
    /// @param applicationId The application.
    /// @return offeringId The new offering on the exchange.
    function approve(uint256 applicationId) external returns (uint256 offeringId);

    /// @notice Slashes a Locked stake to the insurance fund (false disclosure or default). Timelock
    /// only. Emits {StakeSlashed}.
    /// @param applicationId The application.
    /// @param reason Shown in the app.
    function slash(uint256 applicationId, string calldata reason) external;

    /// @notice Sets the governor new applications are proposed to; applications already submitted
    /// keep theirs. Owner only. Emits {GovernorSet}.
    /// @param governor_ The governor.
    function setGovernor(IGovernor governor_) external;

    /// @notice Sets the stake policy. Timelock only. Emits {StakePolicySet}.
    /// @param policy Minimum stake, DMC per whole payment token of offering value, lock grace.
    function setStakePolicy(StakePolicy calldata policy) external;

    /// @notice Where the stake of `applicationId` stands.
    /// @param applicationId The application.
    /// @return The stake's state.
    function stakeState(uint256 applicationId) external view returns (StakeState);

    /// @notice The governor `applicationId` was proposed to (the one its stake state asks).
    /// @param applicationId The application.
    /// @return The governor.
    function governorOf(uint256 applicationId) external view returns (IGovernor);

    /// @notice The earliest time the application's approval can execute: one second after its vote's
    /// deadline as it stands (extended if a quorum came late), plus the timelock delay.
    /// @param applicationId The application.
    /// @return A timestamp; the approval reverts once it is past the sale's end.
    function earliestExecution(uint256 applicationId) external view returns (uint256);

    /// @notice DMC stake `terms` require: the larger of the minimum and the offering's full value
    /// (units x price, in whole payment tokens) times `stakePerValueWad`.
    /// @param terms The terms.
    /// @return DMC in wei.
    function requiredStake(ApplicationTerms calldata terms) external view returns (uint256);

    /// @notice The stored application (miner, stake, approval, proposal, terms).
    /// @param applicationId The application.
    /// @return The application.
    function getApplication(uint256 applicationId) external view returns (Application memory);

    /// @notice The proposal action that approves `applicationId`, as passed to the Governor.
    /// @param applicationId The application.
    /// @return targets This contract.
    /// @return values Zero.
    /// @return calldatas `approve(applicationId)`.
    function proposalAction(uint256 applicationId)
        external
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas);

    /// @notice The exchange whose offerings applications create.
    /// @return The exchange.
    function exchange() external view returns (IHashpowerExchange);

    /// @notice The DMC token staked.
    /// @return The token.
    function dmc() external view returns (IERC20);

    /// @notice The governor new applications are proposed to.
    /// @return The governor.
    function governor() external view returns (IGovernor);

    /// @notice Id of {governor} in {governorById}: 1 for the first, incremented by each {setGovernor}.
    /// @return The id.
    function governorId() external view returns (uint32);

    /// @notice A governor ever set, by id.
    /// @param id The id.
    /// @return The governor (zero for an unknown id).
    function governorById(uint32 id) external view returns (IGovernor);

    /// @notice Where slashed stakes go.
    /// @return The insurance fund.
    function insuranceFund() external view returns (address);

    /// @notice Number of applications (ids are 1..applicationCount).
    /// @return The count.
    function applicationCount() external view returns (uint256);
}
