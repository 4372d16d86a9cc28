// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AssetRegistry} from "../src/assets/AssetRegistry.sol";
import {HashpowerExchange} from "../src/HashpowerExchange.sol";
import {IAssetRegistry} from "../src/interfaces/IAssetRegistry.sol";
import {IMarketRateOracle} from "../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../src/oracle/MarketRateOracle.sol";
import {PositionRenderer} from "../src/render/PositionRenderer.sol";
import {BridgedToken} from "../src/tokens/BridgedToken.sol";
import {DmexGovernor} from "../src/governance/DmexGovernor.sol";
import {StakePolicy} from "../src/issuance/ApplicationTypes.sol";
import {DaoDeployment} from "./lib/DaoDeployment.sol";
import {UniswapV2Deployment} from "./lib/UniswapV2Deployment.sol";
import {ScriptBase} from "./utils/ScriptVm.sol";

/// @title Deploy
/// @notice Deploys DMEX on any chain:
///   forge script script/Deploy.s.sol --rpc-url <url> --broadcast --slow (--account <keystore> | --unlocked --sender <addr>)
/// `--slow` sends one transaction at a time (the devstack does the same); locally `npm run dev` runs it.
/// On the local chain (31337) it also deploys stand-ins of the bridged tokens (USDT 6, IFIL 18,
/// WBTC 8) and lets the bridge account mint them; elsewhere the canonical tokens come from env.
/// Then it deploys DMC, the DAO, the DeFi of issue 13, trading and lending (DaoDeployment) and hands every
/// admin role to the DAO timelock: the broadcaster keeps nothing (only, on 31337, the admin of the stand-in tokens).
/// The DeFi (DefiDeployment): Uniswap V2 with empty DMC/USDT and DMC/IFIL pairs, the ProtocolFeeSplitter (the
/// fee recipient of the exchange, listings, auctions and loans) with the FeeBuyback, PromotionNodes, MutualInsurance,
/// PositionStaking, a LiquidityMining per pair and NodeStakingRewards (budgets: docs/decisions/0019).
///
/// Environment (all optional on 31337, where anvil's default accounts are the defaults):
///   DMEX_TREASURY        the exchange's fee recipient at construction, replaced within the deployment by the
///                        ProtocolFeeSplitter                   (31337: anvil account 1)
///   DMEX_REPORTER        receives REPORTER_ROLE on the oracle  (31337: anvil account 3)
///   DMEX_MINTER          receives MINTER_ROLE on the stand-in tokens, 31337 only (anvil account 4)
///   DMEX_CHANNEL_FEE_BPS channel fee in basis points           (default 500)
///   DMEX_USDT, DMEX_IFIL, DMEX_WBTC  canonical token addresses; required off 31337,
///                        and on 31337 they replace the stand-ins when set.
///   DMEX_COUNCIL         7 comma-separated council owners (31337: anvil accounts 0-4, 16, 17)
///   DMEX_TEAM, DMEX_BACKERS  vesting beneficiaries            (31337: anvil accounts 18, 19)
///   DMEX_GENESIS         genesis distribution (5% of DMC)      (default: the DAO timelock, where
///                        it cannot vote and leaves only by a timelock operation; never the council
///                        Safe or, off 31337, a council owner, since 5M exceeds the 4M quorum;
///                        31337: the broadcaster, which the seed distributes from)
///   DMEX_SAFE_SINGLETON, DMEX_SAFE_FACTORY  canonical Safe 1.4.1 (SafeL2, SafeProxyFactory)
///                        deployments; when unset both are deployed from the npm artifacts.
///   DMEX_UNISWAP_FACTORY, DMEX_UNISWAP_ROUTER  an existing Uniswap V2 (factory, Router02 of that factory), on
///                        any chain; both or neither. When unset WETH9, the factory and Router02 are deployed from
///                        the npm artifacts (Uniswap v2-core 1.0.1, v2-periphery 1.1.0-beta.0), the factory's
///                        feeToSetter the DAO timelock. The DMC/USDT and DMC/IFIL pairs are created in it either way.
/// Governance periods: production 1-day voting delay, 5-day voting, 2-day timelock, 4% quorum,
/// 100,000 DMC threshold, 1-day late-quorum extension; on 31337 the same thresholds with periods
/// of minutes (60 s delay, 10 min voting, 60 s timelock, 2 min extension) for the dev clock.
/// Deployment records come from forge's broadcast file only (packages/deployments reads it):
/// this script writes nothing else, so there is a single place an address can come from.
contract Deploy is ScriptBase {
    uint256 internal constant LOCAL_CHAIN_ID = 31337;
    string internal constant SAFE_ARTIFACTS = "node_modules/@safe-global/safe-contracts/build/artifacts/contracts/";

    struct Config {
        address treasury;
        address reporter;
        address minter;
        uint16 channelFeeBps;
    }

    struct Deployed {
        HashpowerExchange exchange;
        AssetRegistry assets;
        MarketRateOracle oracle;
        address usdt;
        address ifil;
        address wbtc;
        address renderer;
        uint32 filAssetId;
        uint32 btcAssetId;
        DaoDeployment.System dao;
    }

    error MissingEnv(string name, uint256 chainId);
    error InvalidEnv(string name, uint256 value);

    function run() external returns (Deployed memory d) {
        Config memory cfg = config();
        bool local = block.chainid == LOCAL_CHAIN_ID;

        vm.startBroadcast();
        d.usdt = token("DMEX_USDT", "Tether USD (DMEX local)", "USDT", 6, local);
        d.ifil = token("DMEX_IFIL", "Bridged FIL (DMEX local)", "IFIL", 18, local);
        d.wbtc = token("DMEX_WBTC", "Wrapped BTC (DMEX local)", "WBTC", 8, local);

        d.oracle = new MarketRateOracle({admin: msg.sender});
        d.assets = new AssetRegistry({admin: msg.sender});
        d.filAssetId = d.assets.registerAsset({symbol: "FIL", unitLabel: "TiB"});
        d.btcAssetId = d.assets.registerAsset({symbol: "BTC", unitLabel: "TH/s"});
        // Offerings may only use listed tokens: the oracle's averages are in these reward tokens' units.
        d.assets.setRewardToken(d.filAssetId, address(d.ifil), true);
        d.assets.setRewardToken(d.btcAssetId, address(d.wbtc), true);
        // OfferingFactory is an external library: forge deploys and links it before this call.
        d.exchange = new HashpowerExchange({
            admin: msg.sender,
            feeRecipient_: cfg.treasury,
            oracle_: IMarketRateOracle(address(d.oracle)),
            assets_: IAssetRegistry(address(d.assets)),
            channelFeeBps_: cfg.channelFeeBps
        });

        d.exchange.setPaymentToken(address(d.usdt), true);

        d.oracle.grantRole(d.oracle.REPORTER_ROLE(), cfg.reporter);
        if (local) {
            grantMinterOfStandIn("DMEX_USDT", d.usdt, cfg.minter);
            grantMinterOfStandIn("DMEX_IFIL", d.ifil, cfg.minter);
            grantMinterOfStandIn("DMEX_WBTC", d.wbtc, cfg.minter);
        }

        d.renderer = address(new PositionRenderer());
        d.exchange.setRenderer(d.renderer);

        DaoDeployment.Params memory p = daoParams(local);
        p.feeTokens = new address[](1);
        p.feeTokens[0] = d.usdt;
        p.collateralTokens = new address[](2);
        p.collateralTokens[0] = d.ifil;
        p.collateralTokens[1] = d.wbtc;
        p.defi.uniswap = uniswapParams();
        p.defi.usdt = d.usdt;
        p.defi.ifil = d.ifil;
        d.dao = DaoDeployment.deploy(d.exchange, d.oracle, p);
        vm.stopBroadcast();

        log("HashpowerExchange", address(d.exchange));
        log("AssetRegistry", address(d.assets));
        log("MarketRateOracle", address(d.oracle));
        log("USDT", d.usdt);
        log("IFIL", d.ifil);
        log("WBTC", d.wbtc);
        log("PositionRenderer", d.renderer);
        log("DMCToken", address(d.dao.dmc));
        log("MiningReserve", address(d.dao.miningReserve));
        log("DmexTimelock", address(d.dao.timelock));
        log("DmexGovernor", address(d.dao.governor));
        log("MinerApplications", address(d.dao.applications));
        log("CouncilSafe", d.dao.council);
        log("TradingRewards", address(d.dao.trading.rewards));
        log("PositionListings", address(d.dao.trading.listings));
        log("PositionAuctions", address(d.dao.trading.auctions));
        log("PositionLoans", address(d.dao.loans));
        logDefi(d.dao);
    }

    /// @dev The DeFi of issue 13 (DefiDeployment), apart so `run` stays within the stack.
    function logDefi(DaoDeployment.System memory s) internal view {
        log("WETH9", s.defi.uniswap.weth);
        log("UniswapV2Factory", address(s.defi.uniswap.factory));
        log("UniswapV2Router02", address(s.defi.uniswap.router));
        log("DmcUsdtPair", s.defi.dmcUsdtPair);
        log("DmcIfilPair", s.defi.dmcIfilPair);
        log("ProtocolFeeSplitter", address(s.defi.splitter));
        log("FeeBuyback", address(s.defi.buyback));
        log("PromotionNodes", address(s.defi.nodes));
        log("MutualInsurance", address(s.defi.insurance));
        log("PositionStaking", address(s.defi.staking.nftStaking));
        log("LiquidityMiningDmcUsdt", address(s.defi.staking.dmcUsdtMining));
        log("LiquidityMiningDmcIfil", address(s.defi.staking.dmcIfilMining));
        log("NodeStakingRewards", address(s.defi.staking.nodeRewards));
    }

    /// @notice Uniswap V2: DMEX_UNISWAP_FACTORY and DMEX_UNISWAP_ROUTER when set (both or neither), else the
    /// creation code of WETH9, the factory and Router02 from the npm artifacts (see the header).
    function uniswapParams() public view returns (UniswapV2Deployment.Params memory u) {
        address factory = vm.envOr("DMEX_UNISWAP_FACTORY", address(0));
        address router = vm.envOr("DMEX_UNISWAP_ROUTER", address(0));
        if (factory == address(0) && router == address(0)) return UniswapV2Deployment.localParams(address(0));
        if (factory == address(0)) revert MissingEnv("DMEX_UNISWAP_FACTORY", block.chainid);
        if (router == address(0)) revert MissingEnv("DMEX_UNISWAP_ROUTER", block.chainid);
        u.factory = factory;
        u.router = router;
    }

    /// @notice DAO parameters for this chain (see the header).
    function daoParams(bool local) public view returns (DaoDeployment.Params memory p) {
        p.deployer = msg.sender;
        p.governance = local
            ? DmexGovernor.Params({
                votingDelay: 60,
                votingPeriod: 600,
                proposalThreshold: 100_000e18,
                quorumNumerator: 4,
                lateQuorumExtension: 120
            })
            : DmexGovernor.Params({
                votingDelay: 1 days,
                votingPeriod: 5 days,
                proposalThreshold: 100_000e18,
                quorumNumerator: 4,
                lateQuorumExtension: 1 days
            });
        p.timelockDelay = local ? 60 : 2 days;
        p.councilOwners = council(local);
        p.councilThreshold = 4;
        p.safeSingleton = vm.envOr("DMEX_SAFE_SINGLETON", address(0));
        p.safeFactory = vm.envOr("DMEX_SAFE_FACTORY", address(0));
        if (p.safeSingleton == address(0)) {
            p.safeSingletonCode = vm.getCode(string.concat(SAFE_ARTIFACTS, "SafeL2.sol/SafeL2.json"));
        }
        if (p.safeFactory == address(0)) {
            p.safeFactoryCode =
                vm.getCode(string.concat(SAFE_ARTIFACTS, "proxies/SafeProxyFactory.sol/SafeProxyFactory.json"));
        }
        p.genesisRecipient = local ? vm.envOr("DMEX_GENESIS", msg.sender) : vm.envOr("DMEX_GENESIS", address(0));
        // Off the local chain no council member may hold the genesis 5M: it exceeds the 4M quorum.
        if (!local) {
            for (uint256 i; i < p.councilOwners.length; ++i) {
                if (p.councilOwners[i] == p.genesisRecipient) {
                    revert InvalidEnv("DMEX_GENESIS", uint256(uint160(p.genesisRecipient)));
                }
            }
        }
        p.teamBeneficiary = account("DMEX_TEAM", 18, local);
        p.backersBeneficiary = account("DMEX_BACKERS", 19, local);
        p.tradingFeeBps = 200;
        p.defiFeeBps = 200;
        p.stakePolicy = StakePolicy({minStake: 10_000e18, stakePerValueWad: 0.5e18, lockGraceDays: 30});
    }

    /// @dev Seven council owners: DMEX_COUNCIL, or on the local chain anvil accounts 0-4, 16 and 17.
    function council(bool local) internal view returns (address[] memory owners) {
        if (vm.envExists("DMEX_COUNCIL")) {
            owners = vm.envAddress("DMEX_COUNCIL", ",");
            if (owners.length != 7) revert InvalidEnv("DMEX_COUNCIL", owners.length);
            return owners;
        }
        if (!local) revert MissingEnv("DMEX_COUNCIL", block.chainid);
        owners = new address[](7);
        uint32[7] memory indexes = [uint32(0), 1, 2, 3, 4, 16, 17];
        for (uint256 i; i < 7; ++i) {
            owners[i] = anvilAccount(indexes[i]);
        }
    }

    /// @notice The role holders and parameters for this chain, from env with local defaults.
    function config() public view returns (Config memory cfg) {
        bool local = block.chainid == LOCAL_CHAIN_ID;
        cfg.treasury = account("DMEX_TREASURY", 1, local);
        cfg.reporter = account("DMEX_REPORTER", 3, local);
        cfg.minter = local ? account("DMEX_MINTER", 4, true) : address(0);
        uint256 feeBps = vm.envOr("DMEX_CHANNEL_FEE_BPS", uint256(500));
        if (feeBps > type(uint16).max) revert InvalidEnv("DMEX_CHANNEL_FEE_BPS", feeBps);
        // casting to 'uint16' is safe because the line above bounds it
        // forge-lint: disable-next-line(unsafe-typecast)
        cfg.channelFeeBps = uint16(feeBps);
    }

    /// @dev `name` from env; on the local chain anvil's account `anvilIndex` when unset, elsewhere required.
    function account(string memory name, uint32 anvilIndex, bool local) internal view returns (address) {
        if (vm.envExists(name)) return vm.envAddress(name);
        if (!local) revert MissingEnv(name, block.chainid);
        return anvilAccount(anvilIndex);
    }

    /// @dev The canonical token from env, or (local chain only) a fresh stand-in.
    function token(string memory envName, string memory name, string memory symbol, uint8 decimals, bool local)
        internal
        returns (address)
    {
        if (vm.envExists(envName)) return vm.envAddress(envName);
        if (!local) revert MissingEnv(envName, block.chainid);
        return address(new BridgedToken({name_: name, symbol_: symbol, decimals_: decimals, admin: msg.sender}));
    }

    /// @dev Only tokens this script created: a token given by env is not ours to configure.
    function grantMinterOfStandIn(string memory envName, address tokenAddress, address minter) internal {
        if (vm.envExists(envName)) return;
        BridgedToken t = BridgedToken(tokenAddress);
        t.grantRole(t.MINTER_ROLE(), minter);
    }

    /// @dev forge's console (`console.log(string,address)`) without forge-std.
    function log(string memory label, address value) internal view {
        address console = address(0x000000000000000000636F6e736F6c652e6c6f67);
        (bool ok,) = console.staticcall(abi.encodeWithSignature("log(string,address)", label, value));
        ok;
    }
}
