// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {DmexGovernor} from "../../src/governance/DmexGovernor.sol";
import {MinerApplications} from "../../src/issuance/MinerApplications.sol";
import {StakeState} from "../../src/issuance/ApplicationTypes.sol";
import {DaoFixture} from "../utils/DaoFixture.sol";
import {ApplicationsHandler} from "./handlers/ApplicationsHandler.sol";
import {IMinerApplications} from "../../src/interfaces/IMinerApplications.sol";

/// @notice Invariants 8-12 of test/invariant/README.md: miner stakes are conserved, settle once,
/// every stake is in exactly the state its history allows, a cancelled stake stays locked until its
/// vote's deadline, and every application is answered by the governor it was proposed to.
contract StakeInvariants is DaoFixture {
    ApplicationsHandler internal handler;
    uint256 internal insuranceAtStart;

    function setUp() public override {
        super.setUp();
        address[] memory miners = new address[](3);
        miners[0] = miner;
        miners[1] = makeAddr("miner2");
        miners[2] = makeAddr("miner3");
        dao.dmc.transfer(miners[1], 100_000e18);
        dao.dmc.transfer(miners[2], 30_000e18);
        for (uint256 i = 1; i < 3; ++i) {
            vm.prank(miners[i]);
            dao.dmc.approve(address(dao.applications), type(uint256).max);
        }
        address[] memory voters = new address[](3);
        (voters[0], voters[1], voters[2]) = (whale1, whale2, minnow);
        handler = new ApplicationsHandler(dao.applications, miners, voters, address(usdt), address(ifil));
        // Two governors the DAO may move applications to mid-run, each a timelock proposer.
        for (uint256 i; i < 2; ++i) {
            DmexGovernor next = new DmexGovernor(
                IVotes(address(dao.dmc)),
                TimelockController(payable(address(dao.timelock))),
                address(dao.applications),
                dao.council,
                _params().governance
            );
            bytes32 proposer = dao.timelock.PROPOSER_ROLE();
            vm.prank(address(dao.timelock));
            dao.timelock.grantRole(proposer, address(next));
            handler.addSpareGovernor(next);
        }
        insuranceAtStart = dao.dmc.balanceOf(address(dao.insuranceFund));
        handler.seal();
        handler.submit(0, 1_000); // never vacuous
        targetContract(address(handler));
    }

    /// 8. Conservation: the contract holds exactly what was staked and neither withdrawn nor slashed;
    /// slashed DMC reached the insurance fund.
    function invariant_stakesAreConserved() public view {
        vm.assertEq(
            dao.dmc.balanceOf(address(dao.applications)),
            handler.ghostStaked() - handler.ghostWithdrawn() - handler.ghostSlashed()
        );
        vm.assertEq(dao.dmc.balanceOf(address(dao.insuranceFund)), insuranceAtStart + handler.ghostSlashed());
    }

    /// 9. One state each: the held balance is the sum of Locked and Withdrawable stakes; a Withdrawn
    /// or Slashed stake settled exactly once, an unsettled one never.
    function invariant_everyStakeInExactlyOneState() public view {
        uint256 held;
        uint256 n = handler.applicationCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.applicationIds(i);
            StakeState s = dao.applications.stakeState(id);
            IMinerApplications.Application memory a = dao.applications.getApplication(id);
            if (s == StakeState.Locked || s == StakeState.Withdrawable) {
                held += a.stake;
                vm.assertEq(handler.settlements(id), 0);
            } else {
                vm.assertEq(handler.settlements(id), 1);
            }
        }
        vm.assertEq(held, dao.dmc.balanceOf(address(dao.applications)));
    }

    /// 10. Only executed applications create offerings, one each.
    function invariant_offeringsComeOnlyFromApprovals() public view {
        uint256 approved;
        uint256 n = handler.applicationCount();
        for (uint256 i; i < n; ++i) {
            if (dao.applications.getApplication(handler.applicationIds(i)).approved) approved++;
        }
        vm.assertEq(exchange.offeringCount(), approved);
    }

    /// 11. Spam costs a locked stake: a cancelled application's stake is Locked (or Slashed) until
    /// the cancelled vote's deadline has passed, then Withdrawable, Withdrawn or Slashed.
    function invariant_cancelledStakeLockedUntilTheDeadline() public view {
        uint256 n = handler.applicationCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.applicationIds(i);
            uint256 unlockAt = handler.cancelledUnlockAt(id);
            if (unlockAt == 0) continue;
            IMinerApplications.Application memory a = dao.applications.getApplication(id);
            vm.assertTrue(a.cancelled);
            vm.assertEq(a.unlockAt, unlockAt);
            StakeState s = dao.applications.stakeState(id);
            if (block.timestamp < unlockAt) vm.assertTrue(s == StakeState.Locked || s == StakeState.Slashed);
            else vm.assertTrue(s != StakeState.Locked);
        }
    }

    /// 12. Every application is answered by the governor it was proposed to, across governor changes:
    /// its stake state never reverts and that governor knows its proposal, proposed by this contract.
    function invariant_eachApplicationAnsweredByItsGovernor() public view {
        uint256 n = handler.applicationCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.applicationIds(i);
            address g = address(dao.applications.governorOf(id));
            vm.assertEq(g, handler.governorAtSubmit(id));
            uint256 proposalId = dao.applications.getApplication(id).proposalId;
            vm.assertEq(DmexGovernor(payable(g)).proposalProposer(proposalId), address(dao.applications));
            dao.applications.stakeState(id);
        }
    }
}
