// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {DmexGovernor} from "../../../src/governance/DmexGovernor.sol";
import {MinerApplications} from "../../../src/issuance/MinerApplications.sol";
import {ApplicationTerms, StakeState} from "../../../src/issuance/ApplicationTypes.sol";
import {Vm} from "../../utils/Vm.sol";
import {IMinerApplications} from "../../../src/interfaces/IMinerApplications.sol";

/// @notice Drives miner applications through random lives: submissions by several miners, votes
/// for and against, time passing, queue and execute, cancellations, withdrawals and slashes, and the
/// DAO moving applications to a new governor mid-vote. Ghost variables record every DMC movement of
/// the stakes, the governor each application was proposed to and when cancelled stakes unlock.
contract ApplicationsHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant DAY = 1 days;

    MinerApplications public immutable applications;
    DMCToken public immutable dmc;
    address public immutable timelock;
    address public immutable paymentToken;
    address public immutable rewardToken;

    address[] public miners;
    address[] public voters;
    uint256[] public applicationIds;
    mapping(uint256 applicationId => string) internal descriptionOf;
    mapping(uint256 applicationId => uint256) public settlements;
    /// @notice The governor current when the application was submitted.
    mapping(uint256 applicationId => address) public governorAtSubmit;
    /// @notice Cancelled applications: when the cancelled vote would have ended (+1 s), else 0.
    mapping(uint256 applicationId => uint256) public cancelledUnlockAt;
    /// @notice Governors the DAO may switch to, in order.
    DmexGovernor[] internal spareGovernors;
    uint256 public governorSwitches;
    bool internal closed;

    uint256 public ghostStaked;
    uint256 public ghostWithdrawn;
    uint256 public ghostSlashed;

    constructor(
        MinerApplications applications_,
        address[] memory miners_,
        address[] memory voters_,
        address paymentToken_,
        address rewardToken_
    ) {
        applications = applications_;
        dmc = DMCToken(address(applications_.dmc()));
        timelock = applications_.owner();
        miners = miners_;
        voters = voters_;
        paymentToken = paymentToken_;
        rewardToken = rewardToken_;
    }

    function applicationCount() external view returns (uint256) {
        return applicationIds.length;
    }

    /// @dev Governors `switchGovernor` may move to (deployed by the test, with PROPOSER_ROLE); only
    /// before `seal`, which the test calls at the end of its setUp, so the fuzzer adds none.
    function addSpareGovernor(DmexGovernor g) external {
        if (!closed) spareGovernors.push(g);
    }

    function seal() external {
        closed = true;
    }

    function _governorOf(uint256 id) internal view returns (DmexGovernor) {
        return DmexGovernor(payable(address(applications.governorOf(id))));
    }

    /// @dev The DAO moves applications to the next spare governor; those in flight keep theirs.
    function switchGovernor() external {
        if (governorSwitches >= spareGovernors.length) return;
        DmexGovernor next = spareGovernors[governorSwitches++];
        vm.prank(timelock);
        applications.setGovernor(next);
    }

    function submit(uint256 minerSeed, uint256 units) external {
        address miner = miners[minerSeed % miners.length];
        units = 1 + (units % 1_500);
        uint256 today = block.timestamp / DAY;
        ApplicationTerms memory t = ApplicationTerms({
            assetId: 1,
            paymentToken: paymentToken,
            rewardToken: rewardToken,
            unitsTotal: uint40(units),
            pricePerUnit: 38e6,
            saleStart: uint48(block.timestamp),
            saleEnd: uint48((today + 12) * DAY),
            termStartDay: uint32(today + 12),
            termEndDay: uint32(today + 40),
            expectedDailyRewardPerUnitWad: 1e30,
            totalHashpower: 2_000,
            effectiveHashpower: 1_500,
            minerName: "Fuzz Mining",
            disclosureURI: "ipfs://fuzz"
        });
        string memory description = string.concat("# application ", vm.toString(applicationIds.length + 1));
        uint256 stake = applications.requiredStake(t);
        if (dmc.balanceOf(miner) < stake) return;
        address current = address(applications.governor());
        vm.prank(miner);
        (uint256 id,) = applications.submit(t, description);
        applicationIds.push(id);
        governorAtSubmit[id] = current;
        descriptionOf[id] = description;
        ghostStaked += stake;
    }

    function vote(uint256 appSeed, uint256 voterSeed, uint8 support) external {
        if (applicationIds.length == 0) return;
        uint256 id = applicationIds[appSeed % applicationIds.length];
        uint256 proposalId = applications.getApplication(id).proposalId;
        DmexGovernor governor = _governorOf(id);
        if (governor.state(proposalId) != IGovernor.ProposalState.Active) return;
        address voter = voters[voterSeed % voters.length];
        if (governor.hasVoted(proposalId, voter)) return;
        vm.prank(voter);
        governor.castVote(proposalId, support % 3);
    }

    function advance(uint256 secondsSeed) external {
        vm.warp(block.timestamp + 1 hours + (secondsSeed % (6 * DAY)));
    }

    function queueOrExecute(uint256 appSeed) external {
        if (applicationIds.length == 0) return;
        uint256 id = applicationIds[appSeed % applicationIds.length];
        (address[] memory t, uint256[] memory v, bytes[] memory c) = applications.proposalAction(id);
        bytes32 dh = keccak256(bytes(descriptionOf[id]));
        uint256 proposalId = applications.getApplication(id).proposalId;
        DmexGovernor governor = _governorOf(id);
        IGovernor.ProposalState s = governor.state(proposalId);
        if (s == IGovernor.ProposalState.Succeeded) {
            governor.queue(t, v, c, dh);
        } else if (s == IGovernor.ProposalState.Queued && block.timestamp >= governor.proposalEta(proposalId)) {
            try governor.execute(t, v, c, dh) {} catch {} // a stale or slashed application reverts
        }
    }

    /// @dev The DAO approves an application still before its vote: the first two voters (holding
    /// the quorum) vote For, then queue and execute. Makes approvals common in the random runs.
    function approveThroughDao(uint256 appSeed) external {
        if (applicationIds.length == 0) return;
        uint256 id = applicationIds[appSeed % applicationIds.length];
        uint256 proposalId = applications.getApplication(id).proposalId;
        DmexGovernor governor = _governorOf(id);
        if (governor.state(proposalId) != IGovernor.ProposalState.Pending) return;
        vm.warp(governor.proposalSnapshot(proposalId) + 1);
        for (uint256 i; i < 2; ++i) {
            vm.prank(voters[i]);
            governor.castVote(proposalId, 1);
        }
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        (address[] memory t, uint256[] memory v, bytes[] memory c) = applications.proposalAction(id);
        bytes32 dh = keccak256(bytes(descriptionOf[id]));
        governor.queue(t, v, c, dh);
        vm.warp(governor.proposalEta(proposalId));
        try governor.execute(t, v, c, dh) {} catch {} // a slashed or stale application reverts
    }

    function cancel(uint256 appSeed) external {
        if (applicationIds.length == 0) return;
        uint256 id = applicationIds[appSeed % applicationIds.length];
        IMinerApplications.Application memory a = applications.getApplication(id);
        uint256 unlockAt = _governorOf(id).proposalDeadline(a.proposalId) + 1;
        vm.prank(a.miner);
        try applications.cancel(id) {
            cancelledUnlockAt[id] = unlockAt;
        } catch {}
    }

    function withdraw(uint256 appSeed) external {
        if (applicationIds.length == 0) return;
        uint256 id = applicationIds[appSeed % applicationIds.length];
        IMinerApplications.Application memory a = applications.getApplication(id);
        bool expected = applications.stakeState(id) == StakeState.Withdrawable;
        vm.prank(a.miner);
        try applications.withdrawStake(id) returns (uint256 amount) {
            require(expected, "withdrew a stake that was not withdrawable");
            require(block.timestamp >= cancelledUnlockAt[id], "a cancelled stake came back before its vote's deadline");
            ghostWithdrawn += amount;
            settlements[id] += 1;
        } catch {
            require(!expected, "a withdrawable stake could not be withdrawn");
        }
    }

    function slash(uint256 appSeed) external {
        if (applicationIds.length == 0) return;
        uint256 id = applicationIds[appSeed % applicationIds.length];
        bool expected = applications.stakeState(id) == StakeState.Locked;
        uint256 stake = applications.getApplication(id).stake;
        vm.prank(timelock);
        try applications.slash(id, "fuzz") {
            require(expected, "slashed a stake that was not locked");
            ghostSlashed += stake;
            settlements[id] += 1;
        } catch {
            require(!expected, "a locked stake could not be slashed");
        }
    }
}
