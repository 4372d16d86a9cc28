// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../src/HashpowerExchange.sol";
import {IMarketRateOracle} from "../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../src/oracle/MarketRateOracle.sol";
import {PositionRenderer} from "../src/render/PositionRenderer.sol";
import {BridgedToken} from "../src/tokens/BridgedToken.sol";
import {ScriptBase} from "./utils/ScriptVm.sol";

/// @title Deploy
/// @notice Deploys DMEX on any chain:
///   forge script script/Deploy.s.sol --rpc-url <url> --broadcast --slow (--account <keystore> | --unlocked --sender <addr>)
/// `--slow` sends one transaction at a time (the devstack does the same); locally `npm run dev` runs it.
/// On the local chain (31337) it also deploys stand-ins of the bridged tokens (USDT 6, IFIL 18,
/// WBTC 8) and lets the bridge account mint them; elsewhere the canonical tokens come from env.
/// The admin and governor roles stay with the broadcaster until the DAO timelock takes over.
///
/// Environment (all optional on 31337, where anvil's default accounts 1-4 are the defaults):
///   DMEX_TREASURY        fee recipient                         (31337: anvil account 1)
///   DMEX_REGISTRAR       receives REGISTRAR_ROLE on the exchange (31337: anvil account 2)
///   DMEX_REPORTER        receives REPORTER_ROLE on the oracle  (31337: anvil account 3)
///   DMEX_MINTER          receives MINTER_ROLE on the stand-in tokens, 31337 only (anvil account 4)
///   DMEX_HALT_GUARDIAN   receives HALT_GUARDIAN_ROLE if set
///   DMEX_CHANNEL_FEE_BPS channel fee in basis points           (default 500)
///   DMEX_USDT, DMEX_IFIL, DMEX_WBTC  canonical token addresses; required off 31337,
///                        and on 31337 they replace the stand-ins when set.
/// Deployment records come from forge's broadcast file only (packages/deployments reads it):
/// this script writes nothing else, so there is a single place an address can come from.
contract Deploy is ScriptBase {
    uint256 internal constant LOCAL_CHAIN_ID = 31337;

    struct Config {
        address treasury;
        address registrar;
        address reporter;
        address minter;
        address haltGuardian;
        uint16 channelFeeBps;
    }

    struct Deployed {
        HashpowerExchange exchange;
        MarketRateOracle oracle;
        address usdt;
        address ifil;
        address wbtc;
        address renderer;
        uint32 filAssetId;
        uint32 btcAssetId;
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
        // OfferingFactory is an external library: forge deploys and links it before this call.
        d.exchange = new HashpowerExchange({
            admin: msg.sender,
            feeRecipient_: cfg.treasury,
            oracle_: IMarketRateOracle(address(d.oracle)),
            channelFeeBps_: cfg.channelFeeBps
        });

        d.filAssetId = d.exchange.registerAsset({symbol: "FIL", unitLabel: "TiB"});
        d.btcAssetId = d.exchange.registerAsset({symbol: "BTC", unitLabel: "TH/s"});

        d.exchange.grantRole(d.exchange.REGISTRAR_ROLE(), cfg.registrar);
        if (cfg.haltGuardian != address(0)) d.exchange.grantRole(d.exchange.HALT_GUARDIAN_ROLE(), cfg.haltGuardian);
        d.oracle.grantRole(d.oracle.REPORTER_ROLE(), cfg.reporter);
        if (local) {
            grantMinterOfStandIn("DMEX_USDT", d.usdt, cfg.minter);
            grantMinterOfStandIn("DMEX_IFIL", d.ifil, cfg.minter);
            grantMinterOfStandIn("DMEX_WBTC", d.wbtc, cfg.minter);
        }

        d.renderer = address(new PositionRenderer());
        d.exchange.setRenderer(d.renderer);
        vm.stopBroadcast();

        log("HashpowerExchange", address(d.exchange));
        log("MarketRateOracle", address(d.oracle));
        log("USDT", d.usdt);
        log("IFIL", d.ifil);
        log("WBTC", d.wbtc);
        log("PositionRenderer", d.renderer);
    }

    /// @notice The role holders and parameters for this chain, from env with local defaults.
    function config() public view returns (Config memory cfg) {
        bool local = block.chainid == LOCAL_CHAIN_ID;
        cfg.treasury = account("DMEX_TREASURY", 1, local);
        cfg.registrar = account("DMEX_REGISTRAR", 2, local);
        cfg.reporter = account("DMEX_REPORTER", 3, local);
        cfg.minter = local ? account("DMEX_MINTER", 4, true) : address(0);
        cfg.haltGuardian = vm.envOr("DMEX_HALT_GUARDIAN", address(0));
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
