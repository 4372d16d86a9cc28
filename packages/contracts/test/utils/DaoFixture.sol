// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {AssetRegistry} from "../../src/assets/AssetRegistry.sol";
import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {IAssetRegistry} from "../../src/interfaces/IAssetRegistry.sol";
import {IMarketRateOracle} from "../../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../../src/oracle/MarketRateOracle.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {DmexGovernor} from "../../src/governance/DmexGovernor.sol";
import {ApplicationTerms, StakePolicy} from "../../src/issuance/ApplicationTypes.sol";
import {DaoDeployment} from "../../script/lib/DaoDeployment.sol";
import {UniswapV2Deployment} from "../../script/lib/UniswapV2Deployment.sol";
import {TestBase} from "./TestBase.sol";

interface ISafe {
    function getOwners() external view returns (address[] memory);
    function getThreshold() external view returns (uint256);
    function nonce() external view returns (uint256);
    function isModuleEnabled(address module) external view returns (bool);
    function getTransactionHash(
        address to,
        uint256 value,
        bytes calldata data,
        uint8 operation,
        uint256 safeTxGas,
        uint256 baseGas,
        uint256 gasPrice,
        address gasToken,
        address refundReceiver,
        uint256 nonce
    ) external view returns (bytes32);
    function execTransaction(
        address to,
        uint256 value,
        bytes calldata data,
        uint8 operation,
        uint256 safeTxGas,
        uint256 baseGas,
        uint256 gasPrice,
        address gasToken,
        address payable refundReceiver,
        bytes memory signatures
    ) external payable returns (bool success);
    function execTransactionFromModule(address to, uint256 value, bytes memory data, uint8 operation)
        external
        returns (bool success);
    function swapOwner(address prevOwner, address oldOwner, address newOwner) external;
}

/// @notice The production wiring (DaoDeployment, as the deploy script runs it) on an exchange with
/// tokens and oracle, a council of seven keys, and DMC handed to two large holders and a miner.
abstract contract DaoFixture is TestBase {
    uint256 internal constant DAY = 1 days;
    uint256 internal constant START_DAY = 20_000;
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 5 days;
    uint256 internal constant TIMELOCK_DELAY = 2 days;
    uint48 internal constant LATE_QUORUM_EXTENSION = 1 days;
    uint256 internal constant THRESHOLD = 100_000e18;
    uint128 internal constant EXPECTED_FIL_WAD = 0.002e18 * 1e18;
    uint256 internal constant PRICE = 38e6;
    string internal constant SAFE_ARTIFACTS = "node_modules/@safe-global/safe-contracts/build/artifacts/contracts/";
    address internal constant SENTINEL = address(0x1);

    address internal treasury = makeAddr("treasury");
    address internal reporter = makeAddr("reporter");
    address internal bridge = makeAddr("bridge");
    address internal miner = makeAddr("miner");
    address internal whale1 = makeAddr("whale1");
    address internal whale2 = makeAddr("whale2");
    address internal minnow = makeAddr("minnow");
    address internal buyer = makeAddr("buyer");

    uint256[7] internal councilKeys;
    address[] internal councilOwners;

    BridgedToken internal usdt;
    BridgedToken internal ifil;
    MarketRateOracle internal oracle;
    AssetRegistry internal assets;
    HashpowerExchange internal exchange;
    uint32 internal filAsset;
    DaoDeployment.System internal dao;

    function setUp() public virtual {
        vm.warp(START_DAY * DAY + 12 hours);
        usdt = _token("Tether USD (local)", "USDT", 6);
        ifil = _token("Interchain FIL", "IFIL", 18);
        oracle = new MarketRateOracle(address(this));
        assets = new AssetRegistry(address(this));
        exchange = new HashpowerExchange(
            address(this), treasury, IMarketRateOracle(address(oracle)), IAssetRegistry(address(assets)), 500
        );
        oracle.grantRole(oracle.REPORTER_ROLE(), reporter);
        filAsset = assets.registerAsset("FIL", "TiB");
        assets.registerAsset("BTC", "TH/s");
        exchange.setPaymentToken(address(usdt), true);
        assets.setRewardToken(filAsset, address(ifil), true);

        for (uint256 i; i < 7; ++i) {
            councilKeys[i] = uint256(keccak256(abi.encode("council", i)));
            councilOwners.push(vm.addr(councilKeys[i]));
        }
        dao = DaoDeployment.deploy(exchange, oracle, _params());

        // This contract received the genesis distribution: hand it out.
        dao.dmc.transfer(whale1, 2_200_000e18);
        dao.dmc.transfer(whale2, 2_200_000e18);
        dao.dmc.transfer(minnow, 150_000e18);
        dao.dmc.transfer(miner, 200_000e18);
        _delegateSelf(whale1);
        _delegateSelf(whale2);
        _delegateSelf(minnow);
        vm.warp(block.timestamp + 1);

        vm.prank(bridge);
        usdt.mint(buyer, 10_000_000e6);
        vm.prank(buyer);
        usdt.approve(address(exchange), type(uint256).max);
        vm.prank(bridge);
        ifil.mint(miner, 1_000_000e18);
        vm.startPrank(miner);
        ifil.approve(address(exchange), type(uint256).max);
        dao.dmc.approve(address(dao.applications), type(uint256).max);
        vm.stopPrank();
    }

    function _params() internal view returns (DaoDeployment.Params memory p) {
        p.deployer = address(this);
        p.governance = DmexGovernor.Params({
            votingDelay: VOTING_DELAY,
            votingPeriod: VOTING_PERIOD,
            proposalThreshold: THRESHOLD,
            quorumNumerator: 4,
            lateQuorumExtension: LATE_QUORUM_EXTENSION
        });
        p.timelockDelay = TIMELOCK_DELAY;
        p.councilOwners = councilOwners;
        p.councilThreshold = 4;
        p.safeSingletonCode = vm.getCode(string.concat(SAFE_ARTIFACTS, "SafeL2.sol/SafeL2.json"));
        p.safeFactoryCode =
            vm.getCode(string.concat(SAFE_ARTIFACTS, "proxies/SafeProxyFactory.sol/SafeProxyFactory.json"));
        p.genesisRecipient = address(this);
        p.teamBeneficiary = makeAddrView("team");
        p.backersBeneficiary = makeAddrView("backers");
        p.tradingFeeBps = 200;
        p.defiFeeBps = 200;
        p.stakePolicy = StakePolicy({minStake: 10_000e18, stakePerValueWad: 0.5e18, lockGraceDays: 30});
        p.defi.uniswap = UniswapV2Deployment.localParams(address(0));
        p.defi.usdt = address(usdt);
        p.defi.ifil = address(ifil);
    }

    /// @dev A production-style deploy of its own (fresh exchange and oracle, genesis recipient left
    /// to the default, as Deploy.s.sol off the local chain), with the fixture's council keys.
    function _deployProduction() internal returns (DaoDeployment.System memory prod, HashpowerExchange prodExchange) {
        MarketRateOracle prodOracle = new MarketRateOracle(address(this));
        AssetRegistry prodAssets = new AssetRegistry(address(this));
        prodExchange = new HashpowerExchange(
            address(this), treasury, IMarketRateOracle(address(prodOracle)), IAssetRegistry(address(prodAssets)), 500
        );
        DaoDeployment.Params memory p = _params();
        p.genesisRecipient = address(0);
        prod = DaoDeployment.deploy(prodExchange, prodOracle, p);
    }

    function makeAddrView(string memory name) internal pure returns (address) {
        return vm.addr(uint256(keccak256(bytes(name))));
    }

    function _token(string memory name, string memory symbol, uint8 decimals) internal returns (BridgedToken token) {
        token = new BridgedToken(name, symbol, decimals, address(this));
        token.grantRole(token.MINTER_ROLE(), bridge);
    }

    function _delegateSelf(address holder) internal {
        vm.prank(holder);
        dao.dmc.delegate(holder);
    }

    // ------------------------------------------------------------------ applications

    /// @dev 1,000 TiB at 38 USDT for 180 days starting 10 days from now; sale open 9 days.
    function _terms() internal view returns (ApplicationTerms memory) {
        uint256 today = block.timestamp / DAY;
        return ApplicationTerms({
            assetId: filAsset,
            paymentToken: address(usdt),
            rewardToken: address(ifil),
            unitsTotal: 1_000,
            pricePerUnit: uint128(PRICE),
            saleStart: uint48(block.timestamp),
            saleEnd: uint48((today + 10) * DAY),
            termStartDay: uint32(today + 10),
            termEndDay: uint32(today + 190),
            expectedDailyRewardPerUnitWad: EXPECTED_FIL_WAD,
            totalHashpower: 2_000,
            effectiveHashpower: 1_800,
            minerName: "Lotus Ridge Storage",
            disclosureURI: "ipfs://disclosure"
        });
    }

    function _submit() internal returns (uint256 applicationId, uint256 proposalId) {
        vm.prank(miner);
        return dao.applications.submit(_terms(), "# Lotus Ridge: 1,000 TiB for 180 days");
    }

    /// @dev Both whales vote `support` once voting opens; time ends just after the deadline.
    function _voteThrough(uint256 proposalId, uint8 support) internal {
        vm.warp(dao.governor.proposalSnapshot(proposalId) + 1);
        vm.prank(whale1);
        dao.governor.castVote(proposalId, support);
        vm.prank(whale2);
        dao.governor.castVote(proposalId, support);
        vm.warp(dao.governor.proposalDeadline(proposalId) + 1);
    }

    function _action(uint256 applicationId)
        internal
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        return dao.applications.proposalAction(applicationId);
    }

    /// @dev Votes, queues and executes the application's proposal; returns the new offering id.
    function _approve(uint256 applicationId, uint256 proposalId) internal returns (uint256 offeringId) {
        _voteThrough(proposalId, 1);
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _action(applicationId);
        bytes32 descriptionHash = keccak256(bytes("# Lotus Ridge: 1,000 TiB for 180 days"));
        dao.governor.queue(t, v, c, descriptionHash);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        dao.governor.execute(t, v, c, descriptionHash);
        return dao.applications.getApplication(applicationId).offeringId;
    }

    // ------------------------------------------------------------------ DAO proposals

    /// @dev whale1 proposes a single call, both whales pass it, it is queued and executed.
    function _passProposal(address target, bytes memory data, string memory description) internal {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _single(target, data);
        _passAll(t, v, c, description);
    }

    /// @dev whale1 proposes the actions, both whales pass them, they are queued and executed.
    function _passAll(address[] memory t, uint256[] memory v, bytes[] memory c, string memory description) internal {
        vm.prank(whale1);
        uint256 id = dao.governor.propose(t, v, c, description);
        _voteThrough(id, 1);
        dao.governor.queue(t, v, c, keccak256(bytes(description)));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        dao.governor.execute(t, v, c, keccak256(bytes(description)));
        vm.assertEq(uint256(dao.governor.state(id)), uint256(IGovernor.ProposalState.Executed));
    }

    function _single(address target, bytes memory data)
        internal
        pure
        returns (address[] memory t, uint256[] memory v, bytes[] memory c)
    {
        t = new address[](1);
        t[0] = target;
        v = new uint256[](1);
        c = new bytes[](1);
        c[0] = data;
    }

    // ------------------------------------------------------------------ council

    /// @dev Executes `data` on `to` from the council Safe with the signatures of owners `signers`.
    function _councilExec(address to, bytes memory data, uint256[] memory signers) internal returns (bool) {
        return _safeExec(ISafe(dao.council), to, data, signers);
    }

    /// @dev Executes `data` on `to` from `safe` (owned by the fixture's council keys) with `signers`.
    function _safeExec(ISafe safe, address to, bytes memory data, uint256[] memory signers) internal returns (bool) {
        bytes memory signatures = _signatures(_safeTxHash(safe, to, data), signers);
        return safe.execTransaction(to, 0, data, 0, 0, 0, 0, address(0), payable(address(0)), signatures);
    }

    function _safeTxHash(ISafe safe, address to, bytes memory data) internal view returns (bytes32) {
        uint256 nonce = safe.nonce();
        return safe.getTransactionHash(to, 0, data, 0, 0, 0, 0, address(0), address(0), nonce);
    }

    /// @dev The owners' signatures of `txHash`, ordered by ascending owner address as Safe wants.
    function _signatures(bytes32 txHash, uint256[] memory signers) internal view returns (bytes memory signatures) {
        address[] memory addrs = new address[](signers.length);
        for (uint256 i; i < signers.length; ++i) {
            addrs[i] = vm.addr(councilKeys[signers[i]]);
        }
        for (uint256 i; i < signers.length; ++i) {
            for (uint256 j = i + 1; j < signers.length; ++j) {
                if (addrs[j] < addrs[i]) {
                    (addrs[i], addrs[j]) = (addrs[j], addrs[i]);
                    (signers[i], signers[j]) = (signers[j], signers[i]);
                }
            }
        }
        for (uint256 i; i < signers.length; ++i) {
            (uint8 v, bytes32 r, bytes32 s) = vm.sign(councilKeys[signers[i]], txHash);
            signatures = abi.encodePacked(signatures, r, s, v);
        }
    }

    /// @dev `_councilExec` as an external call, so `vm.expectRevert` can target it.
    function councilExecExternal(address to, bytes memory data, uint256 signers) external returns (bool) {
        return _councilExec(to, data, _firstSigners(signers));
    }

    /// @dev The council schedules `calls` on the timelock as one batch (4 signatures).
    function _councilScheduleBatch(
        address[] memory t,
        uint256[] memory v,
        bytes[] memory c,
        bytes32 salt,
        uint256 delay
    ) internal returns (bytes32 id) {
        bytes memory schedule = abi.encodeWithSignature(
            "scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)", t, v, c, bytes32(0), salt, delay
        );
        vm.assertTrue(_councilExec(address(dao.timelock), schedule, _firstSigners(4)));
        return dao.timelock.hashOperationBatch(t, v, c, bytes32(0), salt);
    }

    /// @dev The council hand-over: revoke the council's timelock roles and halt role, clear the guardian.
    function _handOverActions() internal view returns (address[] memory t, uint256[] memory v, bytes[] memory c) {
        address council = dao.council;
        t = new address[](4);
        v = new uint256[](4);
        c = new bytes[](4);
        (t[0], c[0]) =
        (
            address(dao.timelock),
            abi.encodeWithSignature("revokeRole(bytes32,address)", dao.timelock.PROPOSER_ROLE(), council)
        );
        (t[1], c[1]) =
        (
            address(dao.timelock),
            abi.encodeWithSignature("revokeRole(bytes32,address)", dao.timelock.CANCELLER_ROLE(), council)
        );
        (t[2], c[2]) =
        (
            address(exchange),
            abi.encodeWithSignature("revokeRole(bytes32,address)", exchange.HALT_GUARDIAN_ROLE(), council)
        );
        (t[3], c[3]) = (address(dao.governor), abi.encodeWithSignature("setProposalGuardian(address)", address(0)));
    }

    string internal constant HAND_OVER = "# Hand-over: the community takes over";

    /// @dev The timelock id of a queued governor proposal (GovernorTimelockControl's salt).
    function _timelockId(address[] memory t, uint256[] memory v, bytes[] memory c, string memory description)
        internal
        view
        returns (bytes32)
    {
        bytes32 salt = bytes20(address(dao.governor)) ^ keccak256(bytes(description));
        return dao.timelock.hashOperationBatch(t, v, c, bytes32(0), salt);
    }

    function _firstSigners(uint256 n) internal pure returns (uint256[] memory signers) {
        signers = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            signers[i] = i;
        }
    }

    // ------------------------------------------------------------------ exchange

    /// @dev Reports as of an hour ago, so the report is final (past its correction window) now.
    function _report(uint256 day, uint256 avgWad) internal {
        uint256 now_ = block.timestamp;
        vm.warp(now_ - oracle.CORRECTION_WINDOW());
        vm.prank(reporter);
        oracle.report(filAsset, day, avgWad);
        vm.warp(now_);
    }

    function _warpToDay(uint256 day) internal {
        vm.warp(day * DAY + 12 hours);
    }
}
