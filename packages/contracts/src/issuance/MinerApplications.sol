// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {OfferingTerms} from "../types/HashpowerTypes.sol";
import {ApplicationTerms, StakePolicy, StakeState} from "./ApplicationTypes.sol";
import {IMinerApplications} from "../interfaces/IMinerApplications.sol";

/// @notice What MinerApplications reads from a DmexGovernor beyond IGovernor.
interface IApplicationsGovernor {
    /// @notice The timelock that executes the governor's proposals.
    function timelock() external view returns (address);
    /// @notice How far a late quorum can push a vote's deadline (GovernorPreventLateQuorum).
    function lateQuorumVoteExtension() external view returns (uint48);
}

/// @notice What MinerApplications reads from a governor's timelock.
interface IGovernanceTiming {
    /// @notice The timelock's minimum delay between queueing and execution.
    /// @return Seconds.
    function getMinDelay() external view returns (uint256);
}

/// @title MinerApplications
/// @notice The only way an offering comes to exist. A miner applies with its disclosure and terms
/// and stakes DMC; the application itself creates the Governor proposal whose single action is
/// `approve(applicationId)`, so DMC holders vote on it like on any proposal. When the timelock
/// executes it, this contract (the exchange's sole `REGISTRAR_ROLE` holder) creates the offering.
///
/// Terms are validated in one place: `submit` asks the exchange's {IHashpowerExchange-validateTerms}
/// (the rules `createOffering` applies), so terms that could not become an offering never reach a
/// vote; this contract adds only what is specific to an application (the hashpower disclosure, and
/// a sale still open when the approval can execute even after a late-quorum extension).
///
/// A stake is always in exactly one of four states (see {StakeState}): Locked while the vote runs,
/// once approved until the term ends plus a grace period, and once cancelled until the cancelled
/// vote would have ended (its proposal deadline: spam costs a locked stake per proposal);
/// Withdrawable once the proposal is defeated or expired, the sale window passed unapproved, or the
/// lock ran out; Withdrawn; or Slashed to the insurance fund by the DAO (false disclosure or
/// default), which the DAO can do only while the stake is Locked.
///
/// Each application remembers the governor it was proposed to and always asks that one about its
/// proposal, so the DAO can move applications to a new governor ({setGovernor}) without stranding
/// the stakes of applications already in a vote.
contract MinerApplications is IMinerApplications, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant DAY = 1 days;
    /// @notice Upper bound of the lock grace the DAO can set, so a stake can never be frozen forever.
    uint32 public constant MAX_LOCK_GRACE_DAYS = 365;

    /// @notice The exchange whose offerings applications create.
    IHashpowerExchange public immutable exchange;
    /// @notice The DMC token staked.
    IERC20 public immutable dmc;
    /// @notice The governor new applications are proposed to (set once wired, then only by the DAO).
    IGovernor public governor;
    /// @notice Id of {governor} in {governorById}: 1 for the first, incremented by each {setGovernor}.
    uint32 public governorId;
    /// @notice Where slashed stakes go.
    address public immutable insuranceFund;

    /// @notice Current stake policy (governable).
    StakePolicy public stakePolicy;
    /// @notice Number of applications (ids are 1..applicationCount).
    uint256 public applicationCount;

    mapping(uint256 applicationId => Application) private _applications;
    /// @notice Every governor ever set, by id; an application keeps the id of the one it was proposed to.
    mapping(uint32 id => IGovernor) public governorById;

    /// @param exchange_ The exchange (this contract must hold its REGISTRAR_ROLE).
    /// @param dmc_ The DMC token.
    /// @param owner_ The deployer while wiring ({setGovernor}), then the DAO timelock, which
    /// executes approvals and slashes.
    /// @param insuranceFund_ Receives slashed stakes.
    /// @param policy Initial stake policy.
    constructor(
        IHashpowerExchange exchange_,
        IERC20 dmc_,
        address owner_,
        address insuranceFund_,
        StakePolicy memory policy
    ) Ownable(owner_) {
        if (address(exchange_) == address(0) || address(dmc_) == address(0) || insuranceFund_ == address(0)) {
            revert Applications_ZeroAddress();
        }
        exchange = exchange_;
        dmc = dmc_;
        insuranceFund = insuranceFund_;
        _setStakePolicy(policy);
    }

    // ------------------------------------------------------------------ miners

    /// @notice Submits an application to issue an offering: checks the terms, takes the required DMC stake (approve
    /// it first) and creates the Governor proposal that approves the application.
    /// @param terms The offering and the disclosure.
    /// @param description The proposal text voters read (the app also decodes the terms itself).
    /// @return applicationId The new application's id.
    /// @return proposalId The Governor proposal voting on it.
    function submit(ApplicationTerms calldata terms, string calldata description)
        external
        nonReentrant
        returns (uint256 applicationId, uint256 proposalId)
    {
        return _submit(terms, description);
    }

    /// @notice {submit} with an ERC-2612 permit for the stake, in one transaction.
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
    ) external nonReentrant returns (uint256 applicationId, uint256 proposalId) {
        // A front-run permit leaves the allowance in place: ignore its failure, the transfer decides.
        try IERC20Permit(address(dmc)).permit(msg.sender, address(this), requiredStake(terms), deadline, v, r, s) {}
            catch {}
        return _submit(terms, description);
    }

    /// @notice Withdraws a pending application before its vote starts (cancels the proposal).
    /// The stake stays Locked until the cancelled vote would have ended (the proposal deadline), then
    /// becomes Withdrawable: a proposal costs a locked stake for a vote's length even when cancelled,
    /// so one stake cannot be recycled into unlimited threshold-free proposals. Applicant only.
    /// @param applicationId The application.
    function cancel(uint256 applicationId) external {
        Application storage a = _get(applicationId);
        if (msg.sender != a.miner) revert Applications_NotApplicant(applicationId, msg.sender);
        if (a.approved || a.cancelled || a.settled != 0) revert Applications_Closed(applicationId);
        IGovernor g = governorById[a.governorId];
        uint256 unlockAt = g.proposalDeadline(a.proposalId) + 1;
        a.cancelled = true;
        a.unlockAt = SafeCast.toUint48(unlockAt);
        emit ApplicationCancelled(applicationId, unlockAt);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _action(applicationId);
        g.cancel(targets, values, calldatas, a.descriptionHash); // reverts unless the vote is still Pending
    }

    /// @notice Returns a Withdrawable stake to the miner. Applicant only.
    /// @param applicationId The application.
    /// @return amount DMC returned.
    function withdrawStake(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        Application storage a = _get(applicationId);
        if (msg.sender != a.miner) revert Applications_NotApplicant(applicationId, msg.sender);
        StakeState st = stakeState(applicationId);
        if (st != StakeState.Withdrawable) {
            revert Applications_StakeNotInState(applicationId, st, StakeState.Withdrawable);
        }
        a.settled = 1;
        amount = a.stake;
        emit StakeWithdrawn(applicationId, msg.sender, amount);
        dmc.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ DAO

    /// @notice Creates the application's offering. Timelock only: the action of the application's
    /// proposal. Reverts once the sale window has ended (the terms can no longer be sold).
    /// @param applicationId The application.
    /// @return offeringId The new offering on the exchange.
    function approve(uint256 applicationId) external onlyOwner returns (uint256 offeringId) {
        Application storage a = _get(applicationId);
        if (a.approved || a.settled != 0 || a.cancelled) revert Applications_Closed(applicationId);
        ApplicationTerms storage t = a.terms;
        if (block.timestamp > t.saleEnd) revert Applications_Stale(applicationId, t.saleEnd);
        uint256 unlockAt = uint256(t.termEndDay) * DAY + uint256(stakePolicy.lockGraceDays) * DAY;
        a.approved = true;
        a.unlockAt = SafeCast.toUint48(unlockAt);
        offeringId = exchange.createOffering(_offeringTerms(a.miner, a.terms));
        a.offeringId = SafeCast.toUint64(offeringId);
        emit ApplicationApproved(applicationId, offeringId, unlockAt);
    }

    /// @notice Slashes a Locked stake to the insurance fund (false disclosure or default). Timelock only.
    /// @param applicationId The application.
    /// @param reason Shown in the app.
    function slash(uint256 applicationId, string calldata reason) external onlyOwner nonReentrant {
        Application storage a = _get(applicationId);
        StakeState st = stakeState(applicationId);
        if (st != StakeState.Locked) revert Applications_StakeNotInState(applicationId, st, StakeState.Locked);
        a.settled = 2;
        uint256 amount = a.stake;
        emit StakeSlashed(applicationId, a.miner, amount, reason);
        dmc.safeTransfer(insuranceFund, amount);
    }

    /// @notice Sets the governor new applications are proposed to (it must let this contract propose
    /// without the threshold). Applications already submitted keep theirs. Owner only: the deployer
    /// while wiring, the DAO afterwards.
    /// @param governor_ The governor.
    function setGovernor(IGovernor governor_) external onlyOwner {
        if (address(governor_) == address(0)) revert Applications_ZeroAddress();
        emit GovernorSet(address(governor), address(governor_));
        uint32 id = governorId + 1;
        governorById[id] = governor_;
        governor = governor_;
        governorId = id;
    }

    /// @notice Sets the stake policy. Timelock only.
    /// @param policy Minimum stake, DMC per whole payment token of offering value, lock grace.
    function setStakePolicy(StakePolicy calldata policy) external onlyOwner {
        _setStakePolicy(policy);
    }

    // ------------------------------------------------------------------ views

    /// @notice Where the stake of `applicationId` stands.
    /// @param applicationId The application.
    /// @return The stake's state.
    function stakeState(uint256 applicationId) public view returns (StakeState) {
        Application storage a = _get(applicationId);
        if (a.settled == 1) return StakeState.Withdrawn;
        if (a.settled == 2) return StakeState.Slashed;
        if (a.approved || a.cancelled) {
            return block.timestamp >= a.unlockAt ? StakeState.Withdrawable : StakeState.Locked;
        }
        if (block.timestamp > a.terms.saleEnd) return StakeState.Withdrawable;
        IGovernor.ProposalState ps = governorById[a.governorId].state(a.proposalId);
        if (
            ps == IGovernor.ProposalState.Defeated || ps == IGovernor.ProposalState.Canceled
                || ps == IGovernor.ProposalState.Expired
        ) return StakeState.Withdrawable;
        return StakeState.Locked;
    }

    /// @notice The governor `applicationId` was proposed to (the one its stake state asks).
    /// @param applicationId The application.
    /// @return The governor.
    function governorOf(uint256 applicationId) external view returns (IGovernor) {
        return governorById[_get(applicationId).governorId];
    }

    /// @notice The earliest time the application's approval can execute: one second after its
    /// vote's deadline as it stands (extended if a quorum came late), plus the timelock delay.
    /// @param applicationId The application.
    /// @return A timestamp; the approval reverts once it is past the sale's end.
    function earliestExecution(uint256 applicationId) external view returns (uint256) {
        Application storage a = _get(applicationId);
        IGovernor g = governorById[a.governorId];
        return g.proposalDeadline(a.proposalId) + 1 + _executionDelay(g);
    }

    /// @notice DMC stake `terms` require: the larger of the minimum and the offering's full value
    /// (units x price, in whole payment tokens) times `stakePerValueWad`.
    /// @param terms The terms.
    /// @return DMC in wei.
    function requiredStake(ApplicationTerms calldata terms) public view returns (uint256) {
        StakePolicy memory p = stakePolicy;
        uint256 value = uint256(terms.unitsTotal) * terms.pricePerUnit;
        uint256 scale = 10 ** IERC20Metadata(terms.paymentToken).decimals();
        uint256 byValue = (value * p.stakePerValueWad) / scale;
        return byValue > p.minStake ? byValue : p.minStake;
    }

    /// @notice The stored application (miner, stake, approval, proposal, terms).
    /// @param applicationId The application.
    /// @return The application.
    function getApplication(uint256 applicationId) external view returns (Application memory) {
        return _get(applicationId);
    }

    /// @notice The proposal action that approves `applicationId`, as passed to the Governor.
    /// @param applicationId The application.
    /// @return targets This contract.
    /// @return values Zero.
    /// @return calldatas `approve(applicationId)`.
    function proposalAction(uint256 applicationId)
        external
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        _get(applicationId);
        return _action(applicationId);
    }

    // ------------------------------------------------------------------ internals

    function _submit(ApplicationTerms calldata terms, string calldata description)
        private
        returns (uint256 applicationId, uint256 proposalId)
    {
        _validate(terms);
        uint256 stake = requiredStake(terms);
        IGovernor g = governor;
        applicationId = ++applicationCount;
        Application storage a = _applications[applicationId];
        a.miner = msg.sender;
        a.stake = SafeCast.toUint128(stake);
        a.governorId = governorId;
        a.descriptionHash = keccak256(bytes(description));
        a.terms = terms;

        dmc.safeTransferFrom(msg.sender, address(this), stake);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _action(applicationId);
        proposalId = g.propose(targets, values, calldatas, description);
        a.proposalId = proposalId;
        _checkExecutableInTime(g, proposalId, terms.saleEnd);
        emit ApplicationSubmitted(applicationId, msg.sender, proposalId, stake, terms, description);
    }

    /// @dev The sale must still be open when the approval can execute in the worst case: a quorum
    /// reached in the vote's last second extends its deadline by the late-quorum extension.
    function _checkExecutableInTime(IGovernor g, uint256 proposalId, uint256 saleEnd) private view {
        uint256 executableAt = g.proposalDeadline(proposalId)
            + IApplicationsGovernor(address(g)).lateQuorumVoteExtension() + 1 + _executionDelay(g);
        if (saleEnd < executableAt) revert Applications_SaleEndsBeforeExecution(saleEnd, executableAt);
    }

    /// @dev The exchange's offering rules (asset, listed tokens, term of at most 3,650 days, sale
    /// closing by the term's start, price) through `validateTerms`, then the application's own.
    function _validate(ApplicationTerms calldata t) private view {
        exchange.validateTerms(_offeringTerms(msg.sender, t));
        if (t.totalHashpower == 0 || t.effectiveHashpower > t.totalHashpower) {
            revert Applications_InvalidHashpower(t.totalHashpower, t.effectiveHashpower);
        }
        if (t.unitsTotal > t.effectiveHashpower) {
            revert Applications_UnitsExceedHashpower(t.unitsTotal, t.effectiveHashpower);
        }
        if (bytes(t.minerName).length == 0 || bytes(t.disclosureURI).length == 0) {
            revert Applications_MissingDisclosure();
        }
        uint256 value = uint256(t.unitsTotal) * t.pricePerUnit;
        if (value > type(uint128).max) revert Applications_ValueTooLarge(value, type(uint128).max);
    }

    function _action(uint256 applicationId)
        private
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        targets[0] = address(this);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(this.approve, (applicationId));
    }

    /// @dev The offering an application creates: the only conversion, used to validate and to create.
    function _offeringTerms(address miner, ApplicationTerms memory t) private pure returns (OfferingTerms memory) {
        return OfferingTerms({
            miner: miner,
            assetId: t.assetId,
            paymentToken: t.paymentToken,
            rewardToken: t.rewardToken,
            unitsTotal: t.unitsTotal,
            pricePerUnit: t.pricePerUnit,
            saleStart: t.saleStart,
            saleEnd: t.saleEnd,
            termStartDay: t.termStartDay,
            termEndDay: t.termEndDay,
            expectedDailyRewardPerUnitWad: t.expectedDailyRewardPerUnitWad,
            minerName: t.minerName,
            metadataURI: t.disclosureURI
        });
    }

    /// @dev The timelock delay of `g`'s proposals (its executor, GovernorTimelockControl's `timelock()`).
    function _executionDelay(IGovernor g) private view returns (uint256) {
        return IGovernanceTiming(IApplicationsGovernor(address(g)).timelock()).getMinDelay();
    }

    function _get(uint256 applicationId) private view returns (Application storage a) {
        a = _applications[applicationId];
        if (a.miner == address(0)) revert Applications_UnknownApplication(applicationId);
    }

    function _setStakePolicy(StakePolicy memory p) private {
        if (p.minStake == 0 || p.lockGraceDays > MAX_LOCK_GRACE_DAYS) {
            revert Applications_InvalidStakePolicy(p.minStake, p.lockGraceDays, MAX_LOCK_GRACE_DAYS);
        }
        stakePolicy = p;
        emit StakePolicySet(p.minStake, p.stakePerValueWad, p.lockGraceDays);
    }
}
