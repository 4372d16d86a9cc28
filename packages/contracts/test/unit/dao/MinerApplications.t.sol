// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MinerApplications} from "../../../src/issuance/MinerApplications.sol";
import {ApplicationTerms, StakePolicy, StakeState} from "../../../src/issuance/ApplicationTypes.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";

contract MinerApplicationsTest is DaoFixture {
    string internal constant DESCRIPTION = "# Lotus Ridge: 1,000 TiB for 180 days";

    function test_submitTakesTheStakeAndOpensAProposal() public {
        uint256 before = dao.dmc.balanceOf(miner);
        (uint256 appId, uint256 proposalId) = _submit();
        vm.assertEq(appId, 1);
        vm.assertEq(dao.dmc.balanceOf(miner), before - 19_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.applications)), 19_000e18);
        MinerApplications.Application memory a = dao.applications.getApplication(appId);
        vm.assertEq(a.proposalId, proposalId);
        vm.assertEq(a.miner, miner);
        vm.assertEq(a.descriptionHash, keccak256(bytes(DESCRIPTION)));
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Pending));
    }

    function test_requiredStakeHasAFloor() public view {
        ApplicationTerms memory t = _terms();
        t.unitsTotal = 10; // 380 USDT of value -> 190 DMC by value, below the 10,000 floor
        vm.assertEq(dao.applications.requiredStake(t), 10_000e18);
    }

    function test_rejectsBadTerms() public {
        ApplicationTerms memory t = _terms();
        t.unitsTotal = 1_801;
        _expectInvalid(t, "units exceed effective hashpower");
        t = _terms();
        t.effectiveHashpower = 2_001;
        _expectInvalid(t, "hashpower");
        t = _terms();
        t.assetId = 9;
        _expectInvalid(t, "asset");
        t = _terms();
        t.saleEnd = t.saleStart;
        _expectInvalid(t, "sale window");
        t = _terms();
        t.saleEnd = uint48(block.timestamp + 7 days); // voting + timelock take 8 days
        _expectInvalid(t, "sale ends before the vote can execute");
        t = _terms();
        t.disclosureURI = "";
        _expectInvalid(t, "disclosure");
        t = _terms();
        t.termEndDay = t.termStartDay;
        _expectInvalid(t, "term");
    }

    function test_defeatedApplicationReturnsTheStake() public {
        (uint256 appId, uint256 proposalId) = _submit();
        _voteThrough(proposalId, 0);
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Defeated));
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawable));
        vm.prank(whale1);
        vm.expectRevert(abi.encodeWithSelector(MinerApplications.NotApplicant.selector, appId, whale1));
        dao.applications.withdrawStake(appId);
        vm.prank(miner);
        vm.assertEq(dao.applications.withdrawStake(appId), 19_000e18);
        vm.prank(miner);
        vm.expectRevert(
            abi.encodeWithSelector(
                MinerApplications.StakeNotInState.selector, appId, StakeState.Withdrawn, StakeState.Withdrawable
            )
        );
        dao.applications.withdrawStake(appId);
    }

    function test_lockedStakeCannotBeWithdrawn() public {
        (uint256 appId,) = _submit();
        vm.prank(miner);
        vm.expectRevert(
            abi.encodeWithSelector(
                MinerApplications.StakeNotInState.selector, appId, StakeState.Locked, StakeState.Withdrawable
            )
        );
        dao.applications.withdrawStake(appId);
    }

    function test_minerCancelsBeforeTheVoteOnly() public {
        (uint256 appId, uint256 proposalId) = _submit();
        vm.prank(miner);
        dao.applications.cancel(appId);
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Canceled));
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawable));

        (uint256 app2, uint256 proposal2) = _submitAgain();
        vm.warp(dao.governor.proposalSnapshot(proposal2) + 1);
        vm.prank(miner);
        vm.expectRevert();
        dao.applications.cancel(app2);
    }

    function test_staleApprovalRevertsAndFreesTheStake() public {
        (uint256 appId, uint256 proposalId) = _submit();
        _voteThrough(proposalId, 1);
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _action(appId);
        dao.governor.queue(t, v, c, keccak256(bytes(DESCRIPTION)));
        vm.warp(uint256(_terms().saleEnd) + 30 days);
        vm.expectRevert();
        dao.governor.execute(t, v, c, keccak256(bytes(DESCRIPTION)));
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawable));
    }

    function test_onlyTheTimelockApprovesSlashesAndSetsPolicy() public {
        (uint256 appId,) = _submit();
        vm.startPrank(whale1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, whale1));
        dao.applications.approve(appId);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, whale1));
        dao.applications.slash(appId, "no");
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, whale1));
        dao.applications.setStakePolicy(StakePolicy(1, 1, 1));
        vm.stopPrank();

        vm.prank(address(dao.timelock));
        vm.expectRevert(MinerApplications.InvalidStakePolicy.selector);
        dao.applications.setStakePolicy(StakePolicy(1, 1, 366));
    }

    function test_withdrawableStakeCannotBeSlashed() public {
        (uint256 appId, uint256 proposalId) = _submit();
        _voteThrough(proposalId, 0);
        vm.prank(address(dao.timelock));
        vm.expectRevert(
            abi.encodeWithSelector(
                MinerApplications.StakeNotInState.selector, appId, StakeState.Withdrawable, StakeState.Locked
            )
        );
        dao.applications.slash(appId, "late");
    }

    function test_slashedApplicationCannotBeApproved() public {
        (uint256 appId, uint256 proposalId) = _submit();
        vm.prank(address(dao.timelock));
        dao.applications.slash(appId, "false disclosure");
        _voteThrough(proposalId, 1);
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _action(appId);
        dao.governor.queue(t, v, c, keccak256(bytes(DESCRIPTION)));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert();
        dao.governor.execute(t, v, c, keccak256(bytes(DESCRIPTION)));
        vm.assertEq(exchange.offeringCount(), 0);
    }

    function test_submitWithPermit() public {
        uint256 key = uint256(keccak256("permit-miner"));
        address m = vm.addr(key);
        vm.prank(miner);
        dao.dmc.transfer(m, 50_000e18);
        ApplicationTerms memory t = _terms();
        uint256 stake = dao.applications.requiredStake(t);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                m,
                address(dao.applications),
                stake,
                0,
                block.timestamp + 1 hours
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", dao.dmc.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        vm.prank(m);
        (uint256 appId,) = dao.applications.submitWithPermit(t, "# permit", block.timestamp + 1 hours, v, r, s);
        vm.assertEq(dao.applications.getApplication(appId).stake, stake);
    }

    function test_unknownApplication() public {
        vm.expectRevert(abi.encodeWithSelector(MinerApplications.UnknownApplication.selector, 7));
        dao.applications.stakeState(7);
    }

    function _submitAgain() private returns (uint256, uint256) {
        vm.prank(miner);
        return dao.applications.submit(_terms(), "# Lotus Ridge, second try");
    }

    function _expectInvalid(ApplicationTerms memory t, string memory reason) private {
        vm.prank(miner);
        vm.expectRevert(abi.encodeWithSelector(MinerApplications.InvalidApplication.selector, reason));
        dao.applications.submit(t, DESCRIPTION);
    }
}
