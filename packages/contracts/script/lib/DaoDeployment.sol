// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {VestingWallet} from "@openzeppelin/contracts/finance/VestingWallet.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {AssetRegistry} from "../../src/assets/AssetRegistry.sol";
import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {DMCToken} from "../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {CouncilSafeSetup} from "../../src/governance/CouncilSafeSetup.sol";
import {DmexGovernor} from "../../src/governance/DmexGovernor.sol";
import {DmexTimelock} from "../../src/governance/DmexTimelock.sol";
import {ProtocolParameters} from "../../src/governance/ProtocolParameters.sol";
import {StakePolicy} from "../../src/issuance/ApplicationTypes.sol";
import {MinerApplications} from "../../src/issuance/MinerApplications.sol";
import {MarketRateOracle} from "../../src/oracle/MarketRateOracle.sol";
import {InsuranceFund} from "../../src/treasury/InsuranceFund.sol";
import {PositionLoans} from "../../src/lending/PositionLoans.sol";
import {ITradingRewards} from "../../src/interfaces/ITradingRewards.sol";
import {DefiDeployment} from "./DefiDeployment.sol";
import {LendingDeployment} from "./LendingDeployment.sol";
import {TradingDeployment} from "./TradingDeployment.sol";

interface ISafeSetup {
    function setup(
        address[] calldata owners,
        uint256 threshold,
        address to,
        bytes calldata data,
        address fallbackHandler,
        address paymentToken,
        uint256 payment,
        address payable paymentReceiver
    ) external;
}

interface ISafeProxyFactory {
    function createProxyWithNonce(address singleton, bytes memory initializer, uint256 saltNonce)
        external
        returns (address proxy);
}

/// @title DaoDeployment
/// @notice Deploys DMC, the DAO (timelock, governor, council Safe), miner applications, the insurance
/// fund, the protocol parameters, the DeFi of issue 13 (DefiDeployment: Uniswap V2, the fee splitter and buyback,
/// promotion nodes, mutual insurance, the DMC emission pools), trading and lending, and hands the exchange, its asset registry and
/// the oracle over to the timelock. Shared by the deploy script and the tests, so the tests exercise
/// exactly the production wiring.
///
/// DMC allocation (100,000,000; docs/decisions/0012-dmc-and-governance.md):
///   50% mining reserve: 30% behaviour, 10% liquidity, 10% node staking. Drawn by trading rewards and NFT
///       staking (behaviour; NFT staking 6M over its first year), liquidity mining (the whole 10M over one year:
///       6M DMC/USDT, 4M DMC/IFIL) and node-staking rewards (5M over the first year); decision 0019
///   10% insurance fund (DAO)          20% DAO treasury (the timelock)
///   10% team, VestingWallet: 3 years linear after a 1-year wait
///    5% early backers, VestingWallet: 2 years linear after 6 months
///    5% genesis distribution (community launch: airdrop, first liquidity). In production it stays in
///       the DAO timelock, which never votes (DmexTimelock refuses `delegate`), and leaves it only by
///       a timelock operation; it may never go to the council Safe, whose 5M would exceed the 4M
///       quorum (4% of 100M) and let it pass votes alone.
library DaoDeployment {
    uint256 internal constant M = 1_000_000e18;

    /// @notice Deploying a Safe artifact failed (empty or invalid creation code).
    error CreateFailed();
    /// @notice The genesis distribution may not go to the council Safe (it would exceed the quorum).
    error GenesisToCouncil(address council);

    /// @notice What the deployment needs beyond the exchange.
    struct Params {
        address deployer; // holds temporary powers while wiring; renounced at the end
        DmexGovernor.Params governance;
        uint256 timelockDelay;
        address[] councilOwners;
        uint256 councilThreshold;
        bytes safeSingletonCode; // SafeL2 1.4.1 creation code (ignored when safeSingleton is set)
        bytes safeFactoryCode; // SafeProxyFactory 1.4.1 creation code (ignored when safeFactory is set)
        address safeSingleton; // canonical deployment, when the chain has one
        address safeFactory;
        address genesisRecipient; // address(0): the DAO timelock (production); never the council Safe
        address teamBeneficiary;
        address backersBeneficiary;
        uint16 tradingFeeBps;
        uint16 defiFeeBps;
        StakePolicy stakePolicy;
        address[] feeTokens; // stablecoins whose fees earn DMC trading rewards
        address[] collateralTokens; // ERC-20s loans may be taken against (the reward tokens IFIL, WBTC)
        DefiDeployment.Params defi; // Uniswap V2 (artifacts or existing) and the DMC pairs' quote tokens
    }

    /// @notice What was deployed.
    struct System {
        DMCToken dmc;
        MiningReserve miningReserve;
        InsuranceFund insuranceFund;
        DmexTimelock timelock;
        DmexGovernor governor;
        MinerApplications applications;
        ProtocolParameters parameters;
        address council;
        TradingDeployment.Trading trading;
        PositionLoans loans;
        DefiDeployment.Defi defi;
        address safeSingleton;
        address safeFactory;
        VestingWallet teamVesting;
        VestingWallet backersVesting;
    }

    /// @notice Deploys and wires the DAO; the caller must hold the admin and governor roles of the
    /// exchange and of its asset registry (`exchange.assets()`) and the oracle's admin role, which it
    /// gives up to the timelock here.
    function deploy(HashpowerExchange exchange, MarketRateOracle oracle, Params memory p)
        internal
        returns (System memory s)
    {
        address[] memory none = new address[](0);
        address[] memory anyone = new address[](1); // address(0): anyone may execute a ready operation
        s.timelock = new DmexTimelock(p.timelockDelay, none, anyone, p.deployer);
        s.insuranceFund = new InsuranceFund(address(s.timelock));
        s.council = _deployCouncil(s, p);

        uint64 launch = uint64(block.timestamp);
        s.teamVesting = new VestingWallet(p.teamBeneficiary, launch + 365 days, 3 * 365 days);
        s.backersVesting = new VestingWallet(p.backersBeneficiary, launch + 182 days, 2 * 365 days);
        s.dmc = new DMCToken(
            DMCToken.MiningBuckets({behaviour: 30 * M, liquidity: 10 * M, nodeStaking: 10 * M}),
            p.deployer, // owns the reserve while its drawers are set (trading, emission pools), then the timelock
            _allocations(s, p)
        );
        s.miningReserve = s.dmc.miningReserve();

        s.applications = new MinerApplications(
            IHashpowerExchange(address(exchange)), s.dmc, p.deployer, address(s.insuranceFund), p.stakePolicy
        );
        s.governor = new DmexGovernor(
            IVotes(address(s.dmc)),
            TimelockController(payable(s.timelock)),
            address(s.applications),
            s.council,
            p.governance
        );
        s.applications.setGovernor(s.governor);
        s.applications.transferOwnership(address(s.timelock));
        s.parameters = new ProtocolParameters(address(s.timelock), p.tradingFeeBps, p.defiFeeBps);
        _deployMarkets(exchange, s, p);

        _wireTimelock(s, p.deployer);
        _handOver(exchange, oracle, s, p.deployer);
    }

    /// @dev The DeFi of issue 13 around trading and lending (see DefiDeployment for why in two steps): the fee
    /// splitter becomes the fee recipient first, since listings, auctions and loans copy it at construction; the
    /// nodes and pools are wired while the deployer still owns TradingRewards and the reserve; then both go.
    function _deployMarkets(HashpowerExchange exchange, System memory s, Params memory p) private {
        address timelock = address(s.timelock);
        s.defi = DefiDeployment.deployFees(exchange, s.dmc, p.defi, timelock, p.deployer);
        s.trading = TradingDeployment.deploy(exchange, s.parameters, s.dmc, timelock, p.deployer, p.feeTokens);
        s.loans = LendingDeployment.deploy(exchange, s.parameters, timelock, p.deployer, p.collateralTokens);
        DefiDeployment.deployPools(
            s.defi, exchange, s.dmc, ITradingRewards(address(s.trading.rewards)), p.defi, timelock, p.deployer
        );
        TradingDeployment.handOver(s.trading, s.miningReserve, timelock);
    }

    function _deployCouncil(System memory s, Params memory p) private returns (address) {
        s.safeSingleton = p.safeSingleton != address(0) ? p.safeSingleton : _create(p.safeSingletonCode);
        s.safeFactory = p.safeFactory != address(0) ? p.safeFactory : _create(p.safeFactoryCode);
        CouncilSafeSetup setupHelper = new CouncilSafeSetup();
        bytes memory initializer = abi.encodeCall(
            ISafeSetup.setup,
            (
                p.councilOwners,
                p.councilThreshold,
                address(setupHelper),
                abi.encodeCall(CouncilSafeSetup.enableModule, (address(s.timelock))),
                address(0),
                address(0),
                0,
                payable(address(0))
            )
        );
        return ISafeProxyFactory(s.safeFactory).createProxyWithNonce(s.safeSingleton, initializer, 0);
    }

    function _allocations(System memory s, Params memory p) private pure returns (DMCToken.Allocation[] memory a) {
        address genesis = p.genesisRecipient != address(0) ? p.genesisRecipient : address(s.timelock);
        if (genesis == s.council) revert GenesisToCouncil(genesis);
        a = new DMCToken.Allocation[](5);
        a[0] = DMCToken.Allocation(address(s.insuranceFund), 10 * M, "insurance fund");
        a[1] = DMCToken.Allocation(address(s.timelock), 20 * M, "DAO treasury");
        a[2] = DMCToken.Allocation(address(s.teamVesting), 10 * M, "team vesting");
        a[3] = DMCToken.Allocation(address(s.backersVesting), 5 * M, "early backers vesting");
        a[4] = DMCToken.Allocation(genesis, 5 * M, "genesis distribution");
    }

    /// @dev Governor and council propose and cancel; the deployer's admin role goes.
    function _wireTimelock(System memory s, address deployer) private {
        DmexTimelock t = s.timelock;
        t.grantRole(t.PROPOSER_ROLE(), address(s.governor));
        t.grantRole(t.CANCELLER_ROLE(), address(s.governor));
        t.grantRole(t.PROPOSER_ROLE(), s.council);
        t.grantRole(t.CANCELLER_ROLE(), s.council);
        t.renounceRole(t.DEFAULT_ADMIN_ROLE(), deployer);
    }

    /// @dev Only executed applications create offerings; the council may fast-track a halt; the
    /// timelock holds everything else, the asset registry included (the council has no role there, so
    /// the community hand-over has nothing to revoke on it). The deployer keeps nothing.
    function _handOver(HashpowerExchange exchange, MarketRateOracle oracle, System memory s, address deployer) private {
        address timelock = address(s.timelock);
        exchange.grantRole(exchange.REGISTRAR_ROLE(), address(s.applications));
        exchange.grantRole(exchange.HALT_GUARDIAN_ROLE(), s.council);
        exchange.grantRole(exchange.GOVERNOR_ROLE(), timelock);
        exchange.grantRole(exchange.DEFAULT_ADMIN_ROLE(), timelock);
        exchange.renounceRole(exchange.GOVERNOR_ROLE(), deployer);
        exchange.renounceRole(exchange.DEFAULT_ADMIN_ROLE(), deployer);
        AssetRegistry assets = AssetRegistry(address(exchange.assets()));
        assets.grantRole(assets.GOVERNOR_ROLE(), timelock);
        assets.grantRole(assets.DEFAULT_ADMIN_ROLE(), timelock);
        assets.renounceRole(assets.GOVERNOR_ROLE(), deployer);
        assets.renounceRole(assets.DEFAULT_ADMIN_ROLE(), deployer);
        oracle.grantRole(oracle.DEFAULT_ADMIN_ROLE(), timelock);
        oracle.renounceRole(oracle.DEFAULT_ADMIN_ROLE(), deployer);
    }

    function _create(bytes memory code) private returns (address deployed) {
        assembly ("memory-safe") {
            deployed := create(0, add(code, 0x20), mload(code))
        }
        if (deployed == address(0)) revert CreateFailed();
    }
}
