// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MinerApplications} from "../../src/issuance/MinerApplications.sol";
import {StakeState} from "../../src/issuance/ApplicationTypes.sol";
import {DaoFixture} from "../utils/DaoFixture.sol";
import {ApplicationsHandler} from "./handlers/ApplicationsHandler.sol";

/// @notice Invariants 8-10 of test/invariant/README.md: miner stakes are conserved, settle once,
/// and every stake is in exactly the state its history allows.
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
        insuranceAtStart = dao.dmc.balanceOf(address(dao.insuranceFund));
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
            MinerApplications.Application memory a = dao.applications.getApplication(id);
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
}
