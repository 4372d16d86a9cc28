// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../../src/dmc/MiningReserve.sol";
import {InsuranceFund} from "../../../src/treasury/InsuranceFund.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";
import {IInsuranceFundErrors} from "../../../src/errors/TreasuryErrors.sol";
import {IDmcErrors, IMiningReserveErrors} from "../../../src/errors/DmcErrors.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";

/// @notice DMC's genesis rules, the mining reserve's drawers and the insurance fund's owner.
contract DmcUnitTest is DaoFixture {
    function test_allocationsMustAddUp() public {
        DMCToken.Allocation[] memory a = new DMCToken.Allocation[](1);
        a[0] = DMCToken.Allocation(whale1, 49_999_999e18, "rest");
        vm.expectRevert(
            abi.encodeWithSelector(IDmcErrors.DMC_AllocationMismatch.selector, 99_999_999e18, 100_000_000e18)
        );
        new DMCToken(DMCToken.MiningBuckets(30_000_000e18, 10_000_000e18, 10_000_000e18), whale1, a);
        a[0] = DMCToken.Allocation(address(0), 50_000_000e18, "rest");
        vm.expectRevert(abi.encodeWithSelector(IDmcErrors.DMC_InvalidAllocation.selector, 0));
        new DMCToken(DMCToken.MiningBuckets(30_000_000e18, 10_000_000e18, 10_000_000e18), whale1, a);
    }

    function test_onlyDrawersDrawAndOnlyTheDaoPaysInsurance() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IMiningReserveErrors.Reserve_NotDrawer.selector, IMiningReserve.Bucket.Behaviour, address(this)
            )
        );
        dao.miningReserve.draw(IMiningReserve.Bucket.Behaviour, whale1, 1);
        vm.expectRevert();
        dao.insuranceFund.pay(dao.dmc, whale1, 1, "no");
        vm.prank(address(dao.timelock));
        vm.expectRevert(abi.encodeWithSelector(IInsuranceFundErrors.Insurance_InvalidPayout.selector, whale1, 0));
        dao.insuranceFund.pay(dao.dmc, whale1, 0, "zero");

        _passProposal(
            address(dao.insuranceFund),
            abi.encodeCall(InsuranceFund.pay, (dao.dmc, buyer, 1_000e18, "Offering #1 default: compensation")),
            "# Insurance payout"
        );
        vm.assertEq(dao.dmc.balanceOf(buyer), 1_000e18);
    }
}
