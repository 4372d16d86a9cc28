// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {AssetRegistry} from "../../../src/assets/AssetRegistry.sol";
import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {DmexGovernor} from "../../../src/governance/DmexGovernor.sol";
import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {DaoFixture, ISafe} from "../../utils/DaoFixture.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {DefiDeployment} from "../../../script/lib/DefiDeployment.sol";
import {IDmexGovernorErrors, IProtocolParametersErrors} from "../../../src/errors/GovernanceErrors.sol";

contract GovernanceTest is DaoFixture {
    // ------------------------------------------------------------------ wiring

    function test_deployerKeepsNoPower() public view {
        address me = address(this);
        vm.assertFalse(exchange.hasRole(exchange.DEFAULT_ADMIN_ROLE(), me));
        vm.assertFalse(exchange.hasRole(exchange.GOVERNOR_ROLE(), me));
        vm.assertFalse(exchange.hasRole(exchange.REGISTRAR_ROLE(), me));
        vm.assertFalse(oracle.hasRole(oracle.DEFAULT_ADMIN_ROLE(), me));
        vm.assertFalse(assets.hasRole(assets.DEFAULT_ADMIN_ROLE(), me));
        vm.assertFalse(assets.hasRole(assets.GOVERNOR_ROLE(), me));
        vm.assertFalse(dao.timelock.hasRole(dao.timelock.DEFAULT_ADMIN_ROLE(), me));
        vm.assertEq(dao.applications.owner(), address(dao.timelock));
        vm.assertEq(dao.parameters.owner(), address(dao.timelock));
        vm.assertEq(dao.insuranceFund.owner(), address(dao.timelock));
        vm.assertEq(dao.miningReserve.owner(), address(dao.timelock));
        vm.assertEq(dao.trading.rewards.owner(), address(dao.timelock));
        vm.assertEq(dao.loans.owner(), address(dao.timelock));

        address timelock = address(dao.timelock);
        vm.assertTrue(exchange.hasRole(exchange.DEFAULT_ADMIN_ROLE(), timelock));
        vm.assertTrue(exchange.hasRole(exchange.GOVERNOR_ROLE(), timelock));
        vm.assertEq(address(exchange.assets()), address(assets));
        vm.assertTrue(assets.hasRole(assets.DEFAULT_ADMIN_ROLE(), timelock));
        vm.assertTrue(assets.hasRole(assets.GOVERNOR_ROLE(), timelock));
        vm.assertFalse(assets.hasRole(assets.GOVERNOR_ROLE(), dao.council), "the council never governs assets");
        vm.assertFalse(assets.hasRole(assets.DEFAULT_ADMIN_ROLE(), dao.council));
        vm.assertTrue(exchange.hasRole(exchange.REGISTRAR_ROLE(), address(dao.applications)));
        vm.assertTrue(exchange.hasRole(exchange.HALT_GUARDIAN_ROLE(), dao.council));
        vm.assertTrue(dao.timelock.hasRole(dao.timelock.PROPOSER_ROLE(), address(dao.governor)));
        vm.assertTrue(dao.timelock.hasRole(dao.timelock.PROPOSER_ROLE(), dao.council));
        vm.assertTrue(dao.timelock.hasRole(dao.timelock.CANCELLER_ROLE(), dao.council));
        vm.assertTrue(dao.timelock.hasRole(dao.timelock.EXECUTOR_ROLE(), address(0)));
        vm.assertEq(dao.governor.proposalGuardian(), dao.council);

        ISafe safe = ISafe(dao.council);
        vm.assertEq(safe.getOwners().length, 7);
        vm.assertEq(safe.getThreshold(), 4);
        vm.assertTrue(safe.isModuleEnabled(timelock));
    }

    /// @dev The DeFi of issue 13 (DefiDeployment): every contract the timelock's, none the deployer's, and wired.
    function test_deployerKeepsNothingOfTheDefi() public view {
        address timelock = address(dao.timelock);
        DefiDeployment.Defi memory d = dao.defi;
        vm.assertEq(d.splitter.owner(), timelock);
        vm.assertEq(d.buyback.owner(), timelock);
        vm.assertEq(d.nodes.owner(), timelock);
        vm.assertEq(d.insurance.owner(), timelock);
        vm.assertEq(d.staking.nftStaking.owner(), timelock);
        vm.assertEq(d.staking.dmcUsdtMining.owner(), timelock);
        vm.assertEq(d.staking.dmcIfilMining.owner(), timelock);
        vm.assertEq(d.staking.nodeRewards.owner(), timelock);
        vm.assertEq(d.uniswap.factory.feeToSetter(), timelock);
        vm.assertEq(d.uniswap.router.factory(), address(d.uniswap.factory));

        // the splitter collects every fee, the exchange's and those the trading and lending contracts copied
        address splitter = address(d.splitter);
        vm.assertEq(exchange.feeRecipient(), splitter);
        vm.assertEq(dao.trading.listings.feeRecipient(), splitter);
        vm.assertEq(dao.trading.auctions.feeRecipient(), splitter);
        vm.assertEq(dao.loans.feeRecipient(), splitter);
        vm.assertEq(d.splitter.commissionLedger(), address(d.nodes));
        vm.assertEq(d.splitter.premiumSink(), address(d.insurance));
        vm.assertEq(d.splitter.buyback(), address(d.buyback));
        vm.assertTrue(d.splitter.isFeeToken(address(usdt)));
        vm.assertTrue(d.splitter.isFeeToken(address(ifil)));
        (address usdtPair,,,) = d.buyback.markets(address(usdt));
        (address ifilPair,,,) = d.buyback.markets(address(ifil));
        vm.assertEq(usdtPair, d.dmcUsdtPair);
        vm.assertEq(ifilPair, d.dmcIfilPair);
        vm.assertEq(d.uniswap.factory.getPair(address(dao.dmc), address(usdt)), d.dmcUsdtPair);
        vm.assertEq(d.uniswap.factory.getPair(address(dao.dmc), address(ifil)), d.dmcIfilPair);

        // nodes: referrals from TradingRewards, staked DMC weighed in the node-staking pool
        vm.assertEq(dao.trading.rewards.referrals(), address(d.nodes));
        vm.assertEq(d.nodes.feeHook(), address(dao.trading.rewards));
        vm.assertEq(address(d.nodes.weightSink()), address(d.staking.nodeRewards));
        vm.assertEq(d.staking.nodeRewards.weightSource(), address(d.nodes));
        address[] memory premiumTokens = d.insurance.premiumTokens();
        vm.assertEq(premiumTokens.length, 2);

        // each pool draws from its bucket, the LP pools stake the pairs, NFT staking locks positions
        IMiningReserve r = IMiningReserve(address(dao.miningReserve));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Behaviour, address(dao.trading.rewards)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Behaviour, address(d.staking.nftStaking)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Liquidity, address(d.staking.dmcUsdtMining)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.Liquidity, address(d.staking.dmcIfilMining)));
        vm.assertTrue(r.isDrawer(IMiningReserve.Bucket.NodeStaking, address(d.staking.nodeRewards)));
        vm.assertEq(address(d.staking.dmcUsdtMining.lpToken()), d.dmcUsdtPair);
        vm.assertEq(address(d.staking.dmcIfilMining.lpToken()), d.dmcIfilPair);
        vm.assertTrue(exchange.isLocker(address(d.staking.nftStaking)));
        vm.assertEq(d.staking.dmcUsdtMining.budget() + d.staking.dmcIfilMining.budget(), 10_000_000e18);
    }

    function test_dmcSupplyIsFixedAndAllocated() public view {
        vm.assertEq(dao.dmc.totalSupply(), 100_000_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.miningReserve)), 50_000_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.insuranceFund)), 10_000_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.timelock)), 20_000_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.teamVesting)), 10_000_000e18);
        vm.assertEq(dao.dmc.balanceOf(address(dao.backersVesting)), 5_000_000e18);
        vm.assertEq(dao.dmc.CLOCK_MODE(), "mode=timestamp");
        vm.assertEq(uint256(dao.dmc.clock()), block.timestamp);
    }

    // ------------------------------------------------------------------ voting power

    function test_votesAreCheckpointedByTimestamp() public {
        uint256 t0 = block.timestamp;
        vm.warp(t0 + 100);
        vm.prank(whale1);
        dao.dmc.transfer(whale2, 1_000_000e18);
        vm.warp(t0 + 200);
        vm.assertEq(dao.dmc.getPastVotes(whale1, t0 + 99), 2_200_000e18);
        vm.assertEq(dao.dmc.getPastVotes(whale1, t0 + 100), 1_200_000e18);
        vm.assertEq(dao.dmc.getVotes(whale2), 3_200_000e18);
        // An undelegated balance counts for nobody.
        vm.assertEq(dao.dmc.getVotes(miner), 0);
    }

    function test_votesBoughtAfterTheSnapshotWeighNothing() public {
        (uint256 appId, uint256 proposalId) = _submit();
        appId;
        address attacker = makeAddr("attacker");
        vm.warp(dao.governor.proposalSnapshot(proposalId) + 1);
        // A "flash loan": the attacker borrows a whale's whole balance during the vote.
        vm.prank(whale1);
        dao.dmc.transfer(attacker, 2_200_000e18);
        vm.prank(attacker);
        dao.dmc.delegate(attacker);
        vm.prank(attacker);
        uint256 weight = dao.governor.castVote(proposalId, 1);
        vm.assertEq(weight, 0);
        // The lender's snapshot weight is intact.
        vm.prank(whale1);
        vm.assertEq(dao.governor.castVote(proposalId, 0), 2_200_000e18);
        (uint256 against, uint256 forVotes,) = dao.governor.proposalVotes(proposalId);
        vm.assertEq(forVotes, 0);
        vm.assertEq(against, 2_200_000e18);
    }

    function test_loweringQuorumCannotReviveADefeatedProposal() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _single(address(dao.parameters), abi.encodeCall(ProtocolParameters.setTradingFee, (100)));
        vm.prank(whale1);
        uint256 id = dao.governor.propose(t, v, c, "# Cut the trading fee");
        vm.warp(dao.governor.proposalSnapshot(id) + 1);
        vm.prank(whale1);
        dao.governor.castVote(id, 1); // 2.2M For < 4M quorum
        vm.warp(dao.governor.proposalDeadline(id) + 1);
        vm.assertEq(uint256(dao.governor.state(id)), uint256(IGovernor.ProposalState.Defeated));

        _passProposal(
            address(dao.governor), abi.encodeCall(GovernorVotesQuorumFraction.updateQuorumNumerator, (2)), "# Quorum 2%"
        );
        vm.assertEq(dao.governor.quorumNumerator(), 2);
        vm.assertEq(uint256(dao.governor.state(id)), uint256(IGovernor.ProposalState.Defeated));
        vm.expectRevert();
        dao.governor.queue(t, v, c, keccak256("# Cut the trading fee"));
    }

    function test_quorumMatchesTheSupplyCheckpoints() public {
        uint256 t = block.timestamp;
        vm.warp(t + 10);
        uint256 expected = (dao.dmc.getPastTotalSupply(t) * dao.governor.quorumNumerator(t)) / 100;
        vm.assertEq(dao.governor.quorum(t), expected);
        vm.assertEq(dao.governor.quorum(t), 4_000_000e18);
        vm.assertEq(dao.governor.fixedSupply(), dao.dmc.totalSupply());
    }

    function test_lateQuorumExtendsTheDeadline() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _single(address(dao.parameters), abi.encodeCall(ProtocolParameters.setTradingFee, (100)));
        vm.prank(whale1);
        uint256 id = dao.governor.propose(t, v, c, "# Late");
        uint256 deadline = dao.governor.proposalDeadline(id);
        vm.warp(deadline - 10);
        vm.prank(whale1);
        dao.governor.castVote(id, 1);
        vm.prank(whale2);
        dao.governor.castVote(id, 1); // quorum reached 10 s before the end
        vm.assertEq(dao.governor.proposalDeadline(id), deadline - 10 + LATE_QUORUM_EXTENSION);
        vm.warp(deadline + 1);
        vm.assertEq(uint256(dao.governor.state(id)), uint256(IGovernor.ProposalState.Active));
    }

    function test_proposalThreshold() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _single(address(dao.parameters), abi.encodeCall(ProtocolParameters.setTradingFee, (100)));
        address small = makeAddr("small");
        vm.prank(minnow);
        dao.dmc.transfer(small, 99_999e18);
        vm.prank(small);
        dao.dmc.delegate(small);
        vm.warp(block.timestamp + 1);
        vm.prank(small);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, small, 99_999e18, THRESHOLD)
        );
        dao.governor.propose(t, v, c, "# Small");
        // The applications contract has no votes at all and still proposes (the stake replaces the threshold).
        vm.assertEq(dao.dmc.getVotes(address(dao.applications)), 0);
        (, uint256 proposalId) = _submit();
        vm.assertEq(dao.governor.proposalProposer(proposalId), address(dao.applications));
    }

    // ------------------------------------------------------------------ parameters

    function test_daoGovernsTheAssetRegistry() public {
        _passProposal(address(assets), abi.encodeCall(AssetRegistry.registerAsset, ("ALEO", "Mc/s")), "# List ALEO");
        vm.assertEq(assets.getAsset(3).symbol, "ALEO");
        _passProposal(
            address(assets), abi.encodeCall(AssetRegistry.setRewardToken, (3, address(ifil), true)), "# ALEO in IFIL"
        );
        vm.assertTrue(assets.isRewardToken(3, address(ifil)));
        vm.prank(whale1);
        vm.expectRevert();
        assets.registerAsset("X", "Y");
    }

    function test_daoSetsFeesWithinCaps() public {
        _passProposal(address(dao.parameters), abi.encodeCall(ProtocolParameters.setTradingFee, (150)), "# 1.5%");
        vm.assertEq(dao.parameters.tradingFeeBps(), 150);
        _passProposal(address(exchange), abi.encodeCall(HashpowerExchange.setChannelFee, (400)), "# Channel 4%");
        vm.assertEq(exchange.channelFeeBps(), 400);

        vm.prank(address(dao.timelock));
        vm.expectRevert(
            abi.encodeWithSelector(
                IProtocolParametersErrors.Params_FeeTooHigh.selector, bytes32("tradingFeeBps"), 501, 500
            )
        );
        dao.parameters.setTradingFee(501);
        vm.prank(whale1);
        vm.expectRevert();
        dao.parameters.setDefiFee(100);
    }

    // ------------------------------------------------------------------ council

    function test_councilFastTracksAHaltOfAFlaggedOfferingOnly() public {
        (uint256 appId, uint256 proposalId) = _submit();
        uint256 offeringId = _approve(appId, proposalId);
        bytes memory halt = abi.encodeCall(HashpowerExchange.halt, (offeringId));

        // Not flagged: the inner call reverts, so does the Safe transaction (GS013 without safeTxGas).
        vm.expectRevert(bytes("GS013"));
        this.councilExecExternal(address(exchange), halt, 4);
        // Three signatures are not enough.
        vm.prank(buyer);
        exchange.buy(offeringId, 10, type(uint256).max, address(0));
        _warpToDay(exchange.getOffering(offeringId).termStartDay + 8);
        exchange.flag(offeringId);
        vm.expectRevert(bytes("GS020"));
        this.councilExecExternal(address(exchange), halt, 3);
        // Four are.
        vm.assertTrue(_councilExec(address(exchange), halt, _firstSigners(4)));
        vm.assertEq(uint8(exchange.getOffering(offeringId).status), 3); // Halted
    }

    function test_councilGuardianCancelsAProposal() public {
        (uint256 appId, uint256 proposalId) = _submit();
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _action(appId);
        bytes memory cancel = abi.encodeCall(
            DmexGovernor.guardianCancel, (t, v, c, keccak256(bytes("# Lotus Ridge: 1,000 TiB for 180 days")))
        );
        vm.assertTrue(_councilExec(address(dao.governor), cancel, _firstSigners(4)));
        vm.assertEq(uint256(dao.governor.state(proposalId)), uint256(IGovernor.ProposalState.Canceled));
        vm.prank(whale1);
        vm.expectRevert(abi.encodeWithSelector(IDmexGovernorErrors.Governor_OnlyProposalGuardian.selector, whale1));
        dao.governor.guardianCancel(t, v, c, bytes32(0));
    }

    function test_handOverRemovesEveryCouncilPower() public {
        address council = dao.council;
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _handOverActions();
        _passAll(t, v, c, "# Hand-over: the community takes over");

        vm.assertFalse(dao.timelock.hasRole(dao.timelock.PROPOSER_ROLE(), council));
        vm.assertFalse(dao.timelock.hasRole(dao.timelock.CANCELLER_ROLE(), council));
        vm.assertFalse(exchange.hasRole(exchange.HALT_GUARDIAN_ROLE(), council));
        vm.assertEq(dao.governor.proposalGuardian(), address(0));

        // Every former power now fails from the Safe, even with all seven signatures.
        (uint256 appId, uint256 proposalId) = _submit();
        proposalId;
        (address[] memory at, uint256[] memory av, bytes[] memory ac) = _action(appId);
        bytes32 dh = keccak256(bytes("# Lotus Ridge: 1,000 TiB for 180 days"));
        vm.expectRevert(bytes("GS013"));
        this.councilExecExternal(
            address(dao.governor), abi.encodeCall(DmexGovernor.guardianCancel, (at, av, ac, dh)), 7
        );
        bytes memory schedule = abi.encodeWithSignature(
            "schedule(address,uint256,bytes,bytes32,bytes32,uint256)",
            address(dao.parameters),
            0,
            abi.encodeCall(ProtocolParameters.setTradingFee, (0)),
            bytes32(0),
            bytes32(0),
            TIMELOCK_DELAY
        );
        vm.expectRevert(bytes("GS013"));
        this.councilExecExternal(address(dao.timelock), schedule, 7);
        vm.expectRevert(bytes("GS013"));
        this.councilExecExternal(address(exchange), abi.encodeCall(HashpowerExchange.halt, (1)), 7);
        vm.expectRevert(bytes("GS013"));
        this.councilExecExternal(address(assets), abi.encodeCall(AssetRegistry.registerAsset, ("X", "Y")), 7);
        // Sanity: the same Safe with the same signatures still executes a harmless call.
        vm.assertTrue(
            _councilExec(address(dao.parameters), abi.encodeWithSignature("tradingFeeBps()"), _firstSigners(4))
        );
    }

    function test_councilSchedulesAndCancelsOnTheTimelockDuringBootstrap() public {
        bytes memory call = abi.encodeCall(ProtocolParameters.setDefiFee, (300));
        bytes memory schedule = abi.encodeWithSignature(
            "schedule(address,uint256,bytes,bytes32,bytes32,uint256)",
            address(dao.parameters),
            0,
            call,
            bytes32(0),
            bytes32("council"),
            TIMELOCK_DELAY
        );
        vm.assertTrue(_councilExec(address(dao.timelock), schedule, _firstSigners(4)));
        bytes32 op = dao.timelock.hashOperation(address(dao.parameters), 0, call, bytes32(0), bytes32("council"));
        vm.assertTrue(dao.timelock.isOperationPending(op));
        vm.assertTrue(
            _councilExec(address(dao.timelock), abi.encodeWithSignature("cancel(bytes32)", op), _firstSigners(4))
        );
        vm.assertFalse(dao.timelock.isOperation(op));
    }

    function test_daoReplacesACouncilMember() public {
        ISafe safe = ISafe(dao.council);
        address[] memory owners = safe.getOwners();
        address newcomer = makeAddr("newcomer");
        bytes memory swap = abi.encodeCall(ISafe.swapOwner, (SENTINEL, owners[0], newcomer));
        _passProposal(
            dao.council,
            abi.encodeCall(ISafe.execTransactionFromModule, (dao.council, 0, swap, 0)),
            "# Replace a council member"
        );
        address[] memory after_ = safe.getOwners();
        vm.assertEq(after_[0], newcomer);
        vm.assertEq(after_.length, 7);
        vm.assertEq(safe.getThreshold(), 4);
    }

    // ------------------------------------------------------------------ protected proposals

    function _protected(address target, uint256 value, bytes memory data) internal view returns (bool) {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(target, data);
        v[0] = value;
        return dao.governor.isProtected(t, v, c);
    }

    function _moduleCall(address to, uint256 value, bytes memory data, uint8 operation)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeCall(ISafe.execTransactionFromModule, (to, value, data, operation));
    }

    /// Exactly the council's removal and replacement are protected, whatever the target of a revoke.
    function test_protectedActions() public {
        address council = dao.council;
        bytes32 anyRole = keccak256("ANY_ROLE");
        bytes memory revokeCouncil = abi.encodeWithSignature("revokeRole(bytes32,address)", anyRole, council);
        address owner0 = ISafe(council).getOwners()[0];
        bytes memory swap = abi.encodeCall(ISafe.swapOwner, (SENTINEL, owner0, whale1));

        // Protected.
        vm.assertTrue(_protected(address(dao.timelock), 0, revokeCouncil));
        vm.assertTrue(_protected(address(exchange), 0, revokeCouncil));
        vm.assertTrue(_protected(address(oracle), 0, revokeCouncil));
        vm.assertTrue(_protected(makeAddr("some future contract"), 0, revokeCouncil));
        vm.assertTrue(
            _protected(address(dao.governor), 0, abi.encodeCall(DmexGovernor.setProposalGuardian, (address(0))))
        );
        vm.assertTrue(_protected(address(dao.governor), 0, abi.encodeCall(DmexGovernor.setProposalGuardian, (whale1))));
        vm.assertTrue(_protected(council, 0, _moduleCall(council, 0, swap, 0)));
        vm.assertTrue(
            _protected(
                council,
                0,
                _moduleCall(council, 0, abi.encodeWithSignature("addOwnerWithThreshold(address,uint256)", whale1, 4), 0)
            )
        );
        vm.assertTrue(
            _protected(
                council,
                0,
                _moduleCall(
                    council, 0, abi.encodeWithSignature("removeOwner(address,address,uint256)", SENTINEL, owner0, 4), 0
                )
            )
        );
        vm.assertTrue(
            _protected(council, 0, _moduleCall(council, 0, abi.encodeWithSignature("changeThreshold(uint256)", 5), 0))
        );

        // Not protected: anything else, or a protected call carrying value or a different shape.
        vm.assertFalse(
            _protected(
                address(dao.timelock),
                0,
                abi.encodeWithSignature("revokeRole(bytes32,address)", anyRole, address(dao.governor))
            )
        );
        vm.assertFalse(_protected(address(dao.timelock), 1, revokeCouncil));
        vm.assertFalse(_protected(address(dao.timelock), 0, abi.encodePacked(revokeCouncil, uint256(0))));
        vm.assertFalse(
            _protected(address(exchange), 0, abi.encodeWithSignature("grantRole(bytes32,address)", anyRole, council))
        );
        vm.assertFalse(
            _protected(
                address(exchange),
                0,
                abi.encodeWithSignature("renounceRole(bytes32,address)", anyRole, address(dao.timelock))
            )
        );
        vm.assertFalse(
            _protected(makeAddr("another governor"), 0, abi.encodeCall(DmexGovernor.setProposalGuardian, (address(0))))
        );
        vm.assertFalse(_protected(address(dao.governor), 0, abi.encodeWithSignature("setVotingPeriod(uint32)", 1)));
        vm.assertFalse(_protected(address(dao.governor), 0, abi.encodeCall(DmexGovernor.setApplications, (whale1))));
        vm.assertFalse(_protected(address(dao.timelock), 0, abi.encodeWithSignature("updateDelay(uint256)", 0)));
        vm.assertFalse(
            _protected(
                council,
                0,
                _moduleCall(address(dao.dmc), 0, abi.encodeWithSignature("transfer(address,uint256)", whale1, 1), 0)
            )
        );
        vm.assertFalse(_protected(council, 0, _moduleCall(council, 0, swap, 1))); // delegatecall
        vm.assertFalse(_protected(council, 0, _moduleCall(council, 1, swap, 0))); // value
        vm.assertFalse(_protected(council, 1, _moduleCall(council, 0, swap, 0)));
        vm.assertFalse(
            _protected(
                council,
                0,
                _moduleCall(
                    council,
                    0,
                    abi.encodeWithSignature("disableModule(address,address)", SENTINEL, address(dao.timelock)),
                    0
                )
            )
        );
        vm.assertFalse(_protected(council, 0, _moduleCall(council, 0, "", 0)));
        vm.assertFalse(_protected(makeAddr("another safe"), 0, _moduleCall(council, 0, swap, 0)));
        vm.assertFalse(_protected(address(dao.dmc), 0, hex"a9"));
        (address[] memory none, uint256[] memory nv, bytes[] memory nc) =
            (new address[](0), new uint256[](0), new bytes[](0));
        vm.assertFalse(dao.governor.isProtected(none, nv, nc));
    }

    /// One unprotected action makes the whole proposal cancellable: a hostile action cannot ride along.
    function test_aHostileActionWrappedInAProtectedOneStaysCancellable() public {
        (address[] memory ht,, bytes[] memory hc) = _handOverActions();
        address[] memory t = new address[](2);
        uint256[] memory v = new uint256[](2);
        bytes[] memory c = new bytes[](2);
        (t[0], c[0]) = (ht[2], hc[2]); // revoke the council's halt role
        (t[1], c[1]) = (address(dao.dmc), abi.encodeWithSignature("transfer(address,uint256)", whale1, 20_000_000e18));
        vm.assertFalse(dao.governor.isProtected(t, v, c));
        vm.prank(whale1);
        uint256 id = dao.governor.propose(t, v, c, "# Hand-over, and the treasury to me");
        vm.assertTrue(
            _councilExec(
                address(dao.governor),
                abi.encodeCall(
                    DmexGovernor.guardianCancel, (t, v, c, keccak256("# Hand-over, and the treasury to me"))
                ),
                _firstSigners(4)
            )
        );
        vm.assertEq(uint256(dao.governor.state(id)), uint256(IGovernor.ProposalState.Canceled));
    }

    function test_guardianCancelOfAProtectedProposalNamesIt() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _handOverActions();
        vm.prank(whale1);
        uint256 id = dao.governor.propose(t, v, c, HAND_OVER);
        vm.prank(dao.council);
        vm.expectRevert(
            abi.encodeWithSelector(IDmexGovernorErrors.Governor_ProtectedProposal.selector, id, dao.council)
        );
        dao.governor.guardianCancel(t, v, c, keccak256(bytes(HAND_OVER)));
    }

    /// Protection follows the guardian: a new guardian's removal is protected, the old council's is not.
    function test_protectionFollowsTheGuardian() public {
        address next = makeAddr("next guardian");
        _passProposal(address(dao.governor), abi.encodeCall(DmexGovernor.setProposalGuardian, (next)), "# next");
        bytes32 halt = exchange.HALT_GUARDIAN_ROLE();
        vm.assertFalse(
            _protected(address(exchange), 0, abi.encodeWithSignature("revokeRole(bytes32,address)", halt, dao.council))
        );
        vm.assertTrue(
            _protected(address(exchange), 0, abi.encodeWithSignature("revokeRole(bytes32,address)", halt, next))
        );
    }
}
