// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MinerApplications} from "../../../src/issuance/MinerApplications.sol";
import {ApplicationTerms, StakePolicy, StakeState} from "../../../src/issuance/ApplicationTypes.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";
import {IMinerApplicationsErrors} from "../../../src/errors/IssuanceErrors.sol";
import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IMinerApplications} from "../../../src/interfaces/IMinerApplications.sol";

contract MinerApplicationsTest is DaoFixture {
    string internal constant DESCRIPTION = "# Lotus Ridge: 1,000 TiB for 180 days";

    function test_submitTakesTheStakeAndOpensAProposal() public {
        uint256 before = dao.dmc.balanceOf(miner);
        (uint256 appId, uint256 proposalId) = _submit();
        vm.assertEq(appId, 1);
        vm.assertEq(dao.dmc.balanceOf(miner), before - 19_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.applications)), 19_000e18);
        IMinerApplications.Application memory a = dao.applications.getApplication(appId);
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
        // The application's own rules: the hashpower disclosure.
        ApplicationTerms memory t = _terms();
        t.unitsTotal = 1_801;
        _expectRevert(
            t,
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_UnitsExceedHashpower.selector, t.unitsTotal, t.effectiveHashpower
            )
        );
        t = _terms();
        t.effectiveHashpower = 2_001;
        _expectRevert(
            t,
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_InvalidHashpower.selector, t.totalHashpower, t.effectiveHashpower
            )
        );
        t = _terms();
        t.disclosureURI = "";
        _expectRevert(t, abi.encodeWithSelector(IMinerApplicationsErrors.Applications_MissingDisclosure.selector));
        t = _terms();
        t.minerName = "";
        _expectRevert(t, abi.encodeWithSelector(IMinerApplicationsErrors.Applications_MissingDisclosure.selector));
        // The sale must outlast the vote (extended by a late quorum) and the timelock delay.
        t = _terms();
        t.saleEnd = uint48(block.timestamp + 7 days);
        uint256 executableAt =
            block.timestamp + VOTING_DELAY + VOTING_PERIOD + LATE_QUORUM_EXTENSION + 1 + TIMELOCK_DELAY;
        _expectRevert(
            t,
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_SaleEndsBeforeExecution.selector, t.saleEnd, executableAt
            )
        );
    }

    /// The exchange's offering rules apply at submit, with the exchange's own errors (validateTerms).
    function test_submitAppliesTheExchangesRules() public {
        ApplicationTerms memory t = _terms();
        t.assetId = 9;
        _expectRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_UnknownAsset.selector, uint32(9)));
        t = _terms();
        t.paymentToken = address(ifil);
        _expectRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_PaymentTokenNotListed.selector, address(ifil)));
        t = _terms();
        t.rewardToken = address(usdt);
        _expectRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_RewardTokenNotListed.selector, filAsset, address(usdt))
        );
        t = _terms();
        t.saleEnd = t.saleStart;
        _expectRevert(
            t, abi.encodeWithSelector(IExchangeErrors.Exchange_EmptySaleWindow.selector, t.saleStart, t.saleEnd)
        );
        t = _terms();
        t.termEndDay = t.termStartDay;
        _expectRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_InvalidTerm.selector, t.termStartDay, t.termEndDay, 3_650)
        );
        t = _terms();
        t.termEndDay = t.termStartDay + 3_651;
        _expectRevert(
            t,
            abi.encodeWithSelector(IExchangeErrors.Exchange_InvalidTerm.selector, t.termStartDay, t.termEndDay, 3_650)
        );
        t = _terms();
        t.termStartDay -= 1;
        _expectRevert(
            t,
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_SaleEndsAfterTermStart.selector, t.saleEnd, uint256(t.termStartDay) * DAY
            )
        );
        t = _terms();
        t.unitsTotal = 0;
        _expectRevert(t, abi.encodeWithSelector(IExchangeErrors.Exchange_ZeroUnitsTotal.selector));
        t = _terms();
        t.pricePerUnit = 0;
        _expectRevert(
            t,
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_ZeroNetPrice.selector, t.pricePerUnit, exchange.channelFeeBps()
            )
        );
        // The longest term the exchange allows still passes.
        t = _terms();
        t.termEndDay = t.termStartDay + 3_650;
        vm.prank(miner);
        dao.applications.submit(t, DESCRIPTION);
    }

    function test_defeatedApplicationReturnsTheStake() public {
        (uint256 appId, uint256 proposalId) = _submit();
        _voteThrough(proposalId, 0);
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Defeated));
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawable));
        vm.prank(whale1);
        vm.expectRevert(
            abi.encodeWithSelector(IMinerApplicationsErrors.Applications_NotApplicant.selector, appId, whale1)
        );
        dao.applications.withdrawStake(appId);
        vm.prank(miner);
        vm.assertEq(dao.applications.withdrawStake(appId), 19_000e18);
        vm.prank(miner);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_StakeNotInState.selector,
                appId,
                StakeState.Withdrawn,
                StakeState.Withdrawable
            )
        );
        dao.applications.withdrawStake(appId);
    }

    function test_lockedStakeCannotBeWithdrawn() public {
        (uint256 appId,) = _submit();
        vm.prank(miner);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_StakeNotInState.selector,
                appId,
                StakeState.Locked,
                StakeState.Withdrawable
            )
        );
        dao.applications.withdrawStake(appId);
    }

    function test_minerCancelsBeforeTheVoteOnly() public {
        (uint256 appId, uint256 proposalId) = _submit();
        uint256 unlockAt = dao.governor.proposalDeadline(proposalId) + 1;
        vm.expectEmit(address(dao.applications));
        emit IMinerApplications.ApplicationCancelled(appId, unlockAt);
        vm.prank(miner);
        dao.applications.cancel(appId);
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Canceled));
        vm.assertEq(dao.applications.getApplication(appId).unlockAt, unlockAt);
        // Locked until the cancelled vote would have ended, then Withdrawable.
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Locked));
        vm.warp(unlockAt - 1);
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Locked));
        vm.prank(miner);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_StakeNotInState.selector,
                appId,
                StakeState.Locked,
                StakeState.Withdrawable
            )
        );
        dao.applications.withdrawStake(appId);
        vm.warp(unlockAt);
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Withdrawable));
        vm.prank(miner);
        dao.applications.withdrawStake(appId);
        // Cancelling twice is refused.
        vm.prank(miner);
        vm.expectRevert(abi.encodeWithSelector(IMinerApplicationsErrors.Applications_Closed.selector, appId));
        dao.applications.cancel(appId);

        (uint256 app2, uint256 proposal2) = _submitAgain();
        vm.warp(dao.governor.proposalSnapshot(proposal2) + 1);
        vm.prank(miner);
        vm.expectRevert();
        dao.applications.cancel(app2);
    }

    /// The DAO may still slash a cancelled stake while it is locked (the disclosure was submitted).
    function test_cancelledStakeIsSlashableWhileLocked() public {
        (uint256 appId,) = _submit();
        vm.prank(miner);
        dao.applications.cancel(appId);
        vm.prank(address(dao.timelock));
        dao.applications.slash(appId, "false disclosure, withdrawn");
        vm.assertEq(uint256(dao.applications.stakeState(appId)), uint256(StakeState.Slashed));
    }

    function test_earliestExecutionFollowsTheLateQuorumExtension() public {
        (uint256 appId, uint256 proposalId) = _submit();
        uint256 deadline = dao.governor.proposalDeadline(proposalId);
        vm.assertEq(dao.applications.earliestExecution(appId), deadline + 1 + TIMELOCK_DELAY);
        vm.warp(deadline - 10);
        vm.prank(whale1);
        dao.governor.castVote(proposalId, 1);
        vm.prank(whale2);
        dao.governor.castVote(proposalId, 1);
        vm.assertEq(
            dao.applications.earliestExecution(appId), deadline - 10 + LATE_QUORUM_EXTENSION + 1 + TIMELOCK_DELAY
        );
    }

    function test_eachApplicationKeepsItsGovernor() public {
        (uint256 appId,) = _submit();
        vm.assertEq(address(dao.applications.governorOf(appId)), address(dao.governor));
        vm.assertEq(dao.applications.governorId(), 1);
        vm.assertEq(address(dao.applications.governorById(1)), address(dao.governor));
        address next = makeAddr("next governor");
        vm.expectEmit(address(dao.applications));
        emit IMinerApplications.GovernorSet(address(dao.governor), next);
        vm.prank(address(dao.timelock));
        dao.applications.setGovernor(IGovernor(next));
        vm.assertEq(dao.applications.governorId(), 2);
        vm.assertEq(address(dao.applications.governorById(2)), next);
        vm.assertEq(address(dao.applications.governorOf(appId)), address(dao.governor));
        vm.assertEq(dao.applications.getApplication(appId).governorId, 1);
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
        vm.expectRevert(
            abi.encodeWithSelector(IMinerApplicationsErrors.Applications_InvalidStakePolicy.selector, 1, 366, 365)
        );
        dao.applications.setStakePolicy(StakePolicy(1, 1, 366));
    }

    function test_withdrawableStakeCannotBeSlashed() public {
        (uint256 appId, uint256 proposalId) = _submit();
        _voteThrough(proposalId, 0);
        vm.prank(address(dao.timelock));
        vm.expectRevert(
            abi.encodeWithSelector(
                IMinerApplicationsErrors.Applications_StakeNotInState.selector,
                appId,
                StakeState.Withdrawable,
                StakeState.Locked
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
        vm.expectRevert(abi.encodeWithSelector(IMinerApplicationsErrors.Applications_UnknownApplication.selector, 7));
        dao.applications.stakeState(7);
    }

    function _submitAgain() private returns (uint256, uint256) {
        vm.prank(miner);
        return dao.applications.submit(_terms(), "# Lotus Ridge, second try");
    }

    function _expectRevert(ApplicationTerms memory t, bytes memory err) private {
        vm.prank(miner);
        vm.expectRevert(err);
        dao.applications.submit(t, DESCRIPTION);
    }
}
