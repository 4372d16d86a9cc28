// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {MinerApplications} from "../../../src/issuance/MinerApplications.sol";
import {StakeState} from "../../../src/issuance/ApplicationTypes.sol";
import {OfferingStatus, Offering} from "../../../src/types/HashpowerTypes.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";

/// @notice The whole life of a miner's offering under the DAO:
/// apply -> vote -> queue -> execute -> offering live -> buy -> default -> halt (DAO vote) -> refund -> slash.
contract LifecycleTest is DaoFixture {
    function test_applyVoteExecuteBuyDefaultHaltRefundSlash() public {
        uint256 insuranceBefore = dao.dmc.balanceOf(address(dao.insuranceFund));
        (uint256 appId, uint256 proposalId) = _submit();
        uint256 stake = dao.applications.getApplication(appId).stake;
        vm.assertEq(stake, 19_000e18, "0.5 DMC per USDT of 38,000 USDT value");
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Pending));
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Locked));

        uint256 offeringId = _approve(appId, proposalId);
        vm.assertEq(offeringId, 1);
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Executed));
        Offering memory o = exchange.getOffering(offeringId);
        vm.assertEq(o.miner, miner);
        vm.assertEq(o.unitsTotal, 1_000);
        vm.assertEq(o.metadataURI, "ipfs://disclosure");
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Locked), "locked for the term");

        // A buyer buys; the term starts; the miner never deposits.
        vm.prank(buyer);
        uint256 tokenId = exchange.buy(offeringId, 100, type(uint256).max, address(0));
        uint256 termStart = o.termStartDay;
        _warpToDay(termStart + 8);
        exchange.flag(offeringId);

        // The DAO halts the flagged offering and slashes the stake in one proposal.
        _haltAndSlash(offeringId, appId);

        vm.assertEq(uint256(exchange.getOffering(offeringId).status), uint256(OfferingStatus.Halted));
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Slashed));
        vm.assertEq(dao.dmc.balanceOf(address(dao.insuranceFund)), insuranceBefore + stake);
        vm.assertEq(dao.dmc.balanceOf(address(dao.applications)), 0);

        // The buyer pulls the unreleased escrow; nothing was released before the flag.
        uint256 usdtBefore = usdt.balanceOf(buyer);
        vm.prank(buyer);
        uint256 refunded = exchange.claimRefunds(_one(tokenId));
        vm.assertGt(refunded, 0);
        vm.assertEq(usdt.balanceOf(buyer), usdtBefore + refunded);

        // A slashed stake can be neither withdrawn nor slashed again.
        vm.prank(miner);
        vm.expectRevert();
        dao.applications.withdrawStake(appId);
    }

    function test_approvedStakeUnlocksAfterTermPlusGrace() public {
        (uint256 appId, uint256 proposalId) = _submit();
        uint256 offeringId = _approve(appId, proposalId);
        uint256 termEnd = exchange.getOffering(offeringId).termEndDay;
        vm.warp(termEnd * DAY + 30 days - 1);
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Locked));
        vm.warp(termEnd * DAY + 30 days);
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawable));
        uint256 before = dao.dmc.balanceOf(miner);
        vm.prank(miner);
        uint256 amount = dao.applications.withdrawStake(appId);
        vm.assertEq(dao.dmc.balanceOf(miner), before + amount);
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawn));
    }

    function _haltAndSlash(uint256 offeringId, uint256 appId) private {
        address[] memory t = new address[](2);
        uint256[] memory v = new uint256[](2);
        bytes[] memory c = new bytes[](2);
        (t[0], c[0]) = (address(exchange), abi.encodeCall(HashpowerExchange.halt, (offeringId)));
        (t[1], c[1]) = (address(dao.applications), abi.encodeCall(MinerApplications.slash, (appId, "missed 7 days")));
        _passAll(t, v, c, "# Halt Lotus Ridge and slash its stake");
    }

    function _one(uint256 id) private pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = id;
    }
}
