// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IUniswapV2Factory} from "../../src/interfaces/uniswap/IUniswapV2Factory.sol";
import {IUniswapV2Router02} from "../../src/interfaces/uniswap/IUniswapV2Router02.sol";

/// @title UniswapV2Deployment
/// @notice The real Uniswap V2 on the local chain, from the bytecode the npm packages v2-core 1.0.1 and
/// v2-periphery 1.1.0-beta.0 of Uniswap ship (`build/*.json`, read by {localParams}): WETH9, the factory and
/// Router02. On a real network the factory and router addresses come from config instead. Then the DMC pairs are
/// created and seeded through the router.
/// @dev Router02 finds pairs by the init-code hash it hardcodes (`0x96e8ac42...845f`), that of the artifact's
/// UniswapV2Pair; the factory deploys that same pair code, so {PAIR_INIT_CODE_HASH} is checked in the tests.
/// @dev The JSON cheatcodes {UniswapV2Deployment-localParams} reads the artifacts with (forge scripts and tests).
interface IArtifactReader {
    function readFile(string calldata path) external view returns (string memory);
    function parseJsonBytes(string calldata json, string calldata key) external pure returns (bytes memory);
}

library UniswapV2Deployment {
    using SafeERC20 for IERC20;

    /// @notice The pair init-code hash Router02 (UniswapV2Library.pairFor) hardcodes.
    bytes32 internal constant PAIR_INIT_CODE_HASH = 0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f;
    /// @notice Where the artifacts are, from packages/contracts.
    string internal constant CORE_BUILD = "node_modules/@uniswap/v2-core/build/";
    string internal constant PERIPHERY_BUILD = "node_modules/@uniswap/v2-periphery/build/";

    error UniswapV2Deployment_CreateFailed(string what);
    error UniswapV2Deployment_RouterMismatch(address routerFactory, address factory);

    struct Params {
        /// @dev Existing deployment (a real network): both set, nothing is deployed.
        address factory;
        address router;
        /// @dev Local chain: creation code of WETH9, UniswapV2Factory and UniswapV2Router02.
        bytes wethCode;
        bytes factoryCode;
        bytes routerCode;
        /// @dev Who may set the factory's protocol-fee recipient (the DAO timelock).
        address feeToSetter;
    }

    struct Uniswap {
        IUniswapV2Factory factory;
        IUniswapV2Router02 router;
        address weth;
    }

    /// @notice The local-chain params: the creation code of WETH9, the factory and Router02 from the npm artifacts
    /// (run from packages/contracts, in a forge script or test: it uses the cheatcodes). `vm.getCode` rejects these
    /// files, which hold `bytecode` both at the top and under `evm`, so the top-level field is read as JSON.
    /// @param feeToSetter Who may set the factory's protocol-fee recipient (the DAO timelock).
    function localParams(address feeToSetter) internal view returns (Params memory p) {
        p.wethCode = artifactCode(string.concat(PERIPHERY_BUILD, "WETH9.json"));
        p.factoryCode = artifactCode(string.concat(CORE_BUILD, "UniswapV2Factory.json"));
        p.routerCode = artifactCode(string.concat(PERIPHERY_BUILD, "UniswapV2Router02.json"));
        p.feeToSetter = feeToSetter;
    }

    /// @notice The creation code in a Uniswap build artifact (`build/<Name>.json`, relative to packages/contracts).
    function artifactCode(string memory path) internal view returns (bytes memory) {
        IArtifactReader vm = IArtifactReader(address(uint160(uint256(keccak256("hevm cheat code")))));
        return vm.parseJsonBytes(vm.readFile(path), ".bytecode");
    }

    /// @notice Deploys WETH9, the factory and the router, or takes the given ones.
    function deploy(Params memory p) internal returns (Uniswap memory u) {
        if (p.factory != address(0) && p.router != address(0)) {
            u.factory = IUniswapV2Factory(p.factory);
            u.router = IUniswapV2Router02(p.router);
            if (u.router.factory() != p.factory) {
                revert UniswapV2Deployment_RouterMismatch(u.router.factory(), p.factory);
            }
            u.weth = u.router.WETH();
            return u;
        }
        u.weth = _create(p.wethCode, "", "WETH9");
        u.factory = IUniswapV2Factory(_create(p.factoryCode, abi.encode(p.feeToSetter), "UniswapV2Factory"));
        u.router = IUniswapV2Router02(_create(p.routerCode, abi.encode(address(u.factory), u.weth), "Router02"));
    }

    /// @notice The pair of two tokens, created if it does not exist.
    function pairOf(Uniswap memory u, address tokenA, address tokenB) internal returns (address pair) {
        pair = u.factory.getPair(tokenA, tokenB);
        if (pair == address(0)) pair = u.factory.createPair(tokenA, tokenB);
    }

    /// @notice Creates (if needed) the pair and adds `amountA` and `amountB` from the caller through the router,
    /// LP tokens to `to`. The caller must hold both amounts.
    function seed(Uniswap memory u, address tokenA, address tokenB, uint256 amountA, uint256 amountB, address to)
        internal
        returns (address pair, uint256 liquidity)
    {
        pair = pairOf(u, tokenA, tokenB);
        IERC20(tokenA).forceApprove(address(u.router), amountA);
        IERC20(tokenB).forceApprove(address(u.router), amountB);
        (,, liquidity) = u.router.addLiquidity(tokenA, tokenB, amountA, amountB, 0, 0, to, block.timestamp);
    }

    function _create(bytes memory code, bytes memory args, string memory what) private returns (address addr) {
        bytes memory init = bytes.concat(code, args);
        assembly ("memory-safe") {
            addr := create(0, add(init, 0x20), mload(init))
        }
        if (addr == address(0)) revert UniswapV2Deployment_CreateFailed(what);
    }
}
