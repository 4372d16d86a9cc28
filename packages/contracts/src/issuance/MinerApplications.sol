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

interface IGovernorTimelock {
    function timelock() external view returns (address);
}

interface IGovernanceTiming {
    function getMinDelay() external view returns (uint256);
}

/// @title MinerApplications
/// @notice The only way an offering comes to exist. A miner applies with its disclosure and terms
/// and stakes DMC; the application itself creates the Governor proposal whose single action is
/// `approve(applicationId)`, so DMC holders vote on it like on any proposal. When the timelock
/// executes it, this contract (the exchange's sole `REGISTRAR_ROLE` holder) creates the offering.
///
/// A stake is always in exactly one of four states (see {StakeState}): Locked while the vote runs
/// and, once approved, until the term ends plus a grace period; Withdrawable once the proposal is
/// defeated, cancelled or expired, the sale window passed unapproved, or the lock ran out;
/// Withdrawn; or Slashed to the insurance fund by the DAO (false disclosure or default), which the
/// DAO can do only while the stake is Locked.
contract MinerApplications is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant DAY = 1 days;
    /// @notice Upper bound of the lock grace the DAO can set, so a stake can never be frozen forever.
    uint32 public constant MAX_LOCK_GRACE_DAYS = 365;

    /// @notice Stored application.
    struct Application {
        address miner;
        uint48 unlockAt; // approved: when the stake unlocks (term end + grace)
        bool approved;
        bool cancelled; // withdrawn by the miner before the vote started
        uint8 settled; // 0 = held, 1 = withdrawn, 2 = slashed
        uint128 stake;
        uint64 offeringId;
        uint256 proposalId;
        bytes32 descriptionHash;
        ApplicationTerms terms;
    }

    /// @notice The exchange whose offerings applications create.
    IHashpowerExchange public immutable exchange;
    /// @notice The DMC token staked.
    IERC20 public immutable dmc;
    /// @notice The governor that votes on applications (set once wired, then only by the DAO).
    IGovernor public governor;
    /// @notice Where slashed stakes go.
    address public immutable insuranceFund;

    /// @notice Current stake policy (governable).
    StakePolicy public stakePolicy;
    /// @notice Number of applications (ids are 1..applicationCount).
    uint256 public applicationCount;

    mapping(uint256 applicationId => Application) private _applications;

    /// @notice A miner applied; `proposalId` is the Governor proposal that approves it.
    event ApplicationSubmitted(
        uint256 indexed applicationId,
        address indexed miner,
        uint256 indexed proposalId,
        uint256 stake,
        ApplicationTerms terms,
        string description
    );
    /// @notice The DAO approved an application and its offering now exists.
    event ApplicationApproved(uint256 indexed applicationId, uint256 indexed offeringId, uint256 stakeUnlockAt);
    /// @notice The miner withdrew its application before the vote started.
    event ApplicationCancelled(uint256 indexed applicationId);
    /// @notice The miner took its stake back.
    event StakeWithdrawn(uint256 indexed applicationId, address indexed miner, uint256 amount);
    /// @notice The DAO slashed the stake to the insurance fund.
    event StakeSlashed(uint256 indexed applicationId, address indexed miner, uint256 amount, string reason);
    /// @notice The governor changed.
    event GovernorSet(address oldGovernor, address newGovernor);
    /// @notice The stake policy changed.
    event StakePolicySet(uint128 minStake, uint128 stakePerValueWad, uint32 lockGraceDays);

    /// @notice Terms that cannot make a valid offering, or cannot be voted on in time.
    error InvalidApplication(string reason);
    /// @notice No application with this id.
    error UnknownApplication(uint256 applicationId);
    /// @notice The stake is not in the state this action needs.
    error StakeNotInState(uint256 applicationId, StakeState actual, StakeState expected);
    /// @notice The application was already approved, or its stake settled.
    error ApplicationClosed(uint256 applicationId);
    /// @notice The sale window ended before the approval was executed.
    error ApplicationStale(uint256 applicationId, uint256 saleEnd);
    /// @notice Only the applying miner may do this.
    error NotApplicant(uint256 applicationId, address caller);
    /// @notice A stake policy outside its bounds.
    error InvalidStakePolicy();
    /// @notice A zero address was given.
    error ZeroAddress();

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
            revert ZeroAddress();
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
    /// The stake becomes withdrawable. Applicant only.
    /// @param applicationId The application.
    function cancel(uint256 applicationId) external {
        Application storage a = _get(applicationId);
        if (msg.sender != a.miner) revert NotApplicant(applicationId, msg.sender);
        if (a.approved || a.settled != 0) revert ApplicationClosed(applicationId);
        a.cancelled = true;
        emit ApplicationCancelled(applicationId);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _action(applicationId);
        governor.cancel(targets, values, calldatas, a.descriptionHash);
    }

    /// @notice Returns a Withdrawable stake to the miner. Applicant only.
    /// @param applicationId The application.
    /// @return amount DMC returned.
    function withdrawStake(uint256 applicationId) external nonReentrant returns (uint256 amount) {
        Application storage a = _get(applicationId);
        if (msg.sender != a.miner) revert NotApplicant(applicationId, msg.sender);
        StakeState st = stakeState(applicationId);
        if (st != StakeState.Withdrawable) revert StakeNotInState(applicationId, st, StakeState.Withdrawable);
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
        if (a.approved || a.settled != 0 || a.cancelled) revert ApplicationClosed(applicationId);
        ApplicationTerms storage t = a.terms;
        if (block.timestamp > t.saleEnd) revert ApplicationStale(applicationId, t.saleEnd);
        uint256 unlockAt = uint256(t.termEndDay) * DAY + uint256(stakePolicy.lockGraceDays) * DAY;
        a.approved = true;
        a.unlockAt = SafeCast.toUint48(unlockAt);
        offeringId = exchange.createOffering(_offeringTerms(a.miner, t));
        a.offeringId = SafeCast.toUint64(offeringId);
        emit ApplicationApproved(applicationId, offeringId, unlockAt);
    }

    /// @notice Slashes a Locked stake to the insurance fund (false disclosure or default). Timelock only.
    /// @param applicationId The application.
    /// @param reason Shown in the app.
    function slash(uint256 applicationId, string calldata reason) external onlyOwner nonReentrant {
        Application storage a = _get(applicationId);
        StakeState st = stakeState(applicationId);
        if (st != StakeState.Locked) revert StakeNotInState(applicationId, st, StakeState.Locked);
        a.settled = 2;
        uint256 amount = a.stake;
        emit StakeSlashed(applicationId, a.miner, amount, reason);
        dmc.safeTransfer(insuranceFund, amount);
    }

    /// @notice Sets the governor that votes on applications (it must let this contract propose
    /// without the threshold). Owner only: the deployer while wiring, the DAO afterwards.
    /// @param governor_ The governor.
    function setGovernor(IGovernor governor_) external onlyOwner {
        if (address(governor_) == address(0)) revert ZeroAddress();
        emit GovernorSet(address(governor), address(governor_));
        governor = governor_;
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
        if (a.approved) return block.timestamp >= a.unlockAt ? StakeState.Withdrawable : StakeState.Locked;
        if (a.cancelled || block.timestamp > a.terms.saleEnd) return StakeState.Withdrawable;
        IGovernor.ProposalState ps = governor.state(a.proposalId);
        if (
            ps == IGovernor.ProposalState.Defeated || ps == IGovernor.ProposalState.Canceled
                || ps == IGovernor.ProposalState.Expired
        ) return StakeState.Withdrawable;
        return StakeState.Locked;
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
        applicationId = ++applicationCount;
        Application storage a = _applications[applicationId];
        a.miner = msg.sender;
        a.stake = SafeCast.toUint128(stake);
        a.descriptionHash = keccak256(bytes(description));
        a.terms = terms;

        dmc.safeTransferFrom(msg.sender, address(this), stake);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _action(applicationId);
        proposalId = governor.propose(targets, values, calldatas, description);
        a.proposalId = proposalId;
        emit ApplicationSubmitted(applicationId, msg.sender, proposalId, stake, terms, description);
    }

    function _validate(ApplicationTerms calldata t) private view {
        if (t.paymentToken == address(0) || t.rewardToken == address(0)) revert ZeroAddress();
        if (t.assetId == 0 || t.assetId > exchange.assetCount()) revert InvalidApplication("asset");
        if (t.unitsTotal == 0 || t.pricePerUnit == 0) revert InvalidApplication("units or price");
        if (t.totalHashpower == 0 || t.effectiveHashpower > t.totalHashpower) revert InvalidApplication("hashpower");
        if (t.unitsTotal > t.effectiveHashpower) revert InvalidApplication("units exceed effective hashpower");
        if (t.saleStart >= t.saleEnd) revert InvalidApplication("sale window");
        if (t.termStartDay == 0 || t.termStartDay >= t.termEndDay) revert InvalidApplication("term");
        if (uint256(t.saleEnd) > (uint256(t.termEndDay) - 1) * DAY) revert InvalidApplication("sale ends too late");
        if (bytes(t.minerName).length == 0 || bytes(t.disclosureURI).length == 0) {
            revert InvalidApplication("disclosure");
        }
        // The sale must still be open when the approval can first execute.
        uint256 earliestExecution = block.timestamp + governor.votingDelay() + governor.votingPeriod()
            + IGovernanceTiming(_timelock()).getMinDelay();
        if (t.saleEnd <= earliestExecution) revert InvalidApplication("sale ends before the vote can execute");
        uint256 value = uint256(t.unitsTotal) * t.pricePerUnit;
        if (value > type(uint128).max) revert InvalidApplication("value");
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

    function _offeringTerms(address miner, ApplicationTerms storage t) private view returns (OfferingTerms memory) {
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

    /// @dev The governor's executor is the timelock (GovernorTimelockControl exposes it as `timelock()`).
    function _timelock() private view returns (address) {
        return IGovernorTimelock(address(governor)).timelock();
    }

    function _get(uint256 applicationId) private view returns (Application storage a) {
        a = _applications[applicationId];
        if (a.miner == address(0)) revert UnknownApplication(applicationId);
    }

    function _setStakePolicy(StakePolicy memory p) private {
        if (p.minStake == 0 || p.lockGraceDays > MAX_LOCK_GRACE_DAYS) revert InvalidStakePolicy();
        stakePolicy = p;
        emit StakePolicySet(p.minStake, p.stakePerValueWad, p.lockGraceDays);
    }
}
