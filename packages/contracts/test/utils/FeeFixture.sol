// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {IFeeBuyback} from "../../src/interfaces/IFeeBuyback.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {IUniswapV2Pair} from "../../src/interfaces/uniswap/IUniswapV2Pair.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {FeeBuyback} from "../../src/treasury/FeeBuyback.sol";
import {ProtocolFeeSplitter} from "../../src/treasury/ProtocolFeeSplitter.sol";
import {UniswapV2Deployment} from "../../script/lib/UniswapV2Deployment.sol";
import {MockCommissionLedger, MockPremiumSink} from "../mocks/MockFeeSinks.sol";
import {TestBase} from "./TestBase.sol";

/// @notice The fee flow on the real Uniswap V2 bytecode: DMC (18 decimals), USDT (6) and IFIL (18), a mining
/// reserve, the DMC/USDT pair at $0.10 a DMC (1M DMC : 100k USDT) and the DMC/IFIL pair at 40 DMC an IFIL
/// (1M DMC : 25k IFIL), a buyback with the deploy parameters (1% slippage, 0.2% of the reserve per call, 30 min
/// window, 2 days max age) and a splitter with mock sinks (20% premium).
abstract contract FeeFixture is TestBase {
    uint256 internal constant BEHAVIOUR = 30_000_000e18;
    uint256 internal constant DMC_LIQUIDITY = 1_000_000e18;
    uint256 internal constant USDT_LIQUIDITY = 100_000e6;
    uint256 internal constant IFIL_LIQUIDITY = 25_000e18;
    uint32 internal constant WINDOW = 30 minutes;
    uint32 internal constant MAX_AGE = 2 days;

    address internal timelock = makeAddr("timelock");
    address internal lp = makeAddr("lp");
    address internal keeper = makeAddr("keeper");
    address internal attacker = makeAddr("attacker");

    BridgedToken internal dmc;
    BridgedToken internal usdt;
    BridgedToken internal ifil;
    MiningReserve internal reserve;
    UniswapV2Deployment.Uniswap internal uni;
    IUniswapV2Pair internal usdtPair;
    IUniswapV2Pair internal ifilPair;
    FeeBuyback internal buyback;
    ProtocolFeeSplitter internal splitter;
    MockCommissionLedger internal ledger;
    MockPremiumSink internal premiumSink;

    event log_named_uint(string key, uint256 val);

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        dmc = _token("DMC", "DMC", 18);
        usdt = _token("Tether USD", "USDT", 6);
        ifil = _token("Interchain FIL", "IFIL", 18);
        reserve = new MiningReserve(IERC20(address(dmc)), timelock, BEHAVIOUR, 10_000_000e18, 10_000_000e18);
        dmc.mint(address(reserve), 50_000_000e18);

        uni = UniswapV2Deployment.deploy(UniswapV2Deployment.localParams(timelock));
        dmc.mint(address(this), 2 * DMC_LIQUIDITY);
        usdt.mint(address(this), USDT_LIQUIDITY);
        ifil.mint(address(this), IFIL_LIQUIDITY);
        (address p1,) = UniswapV2Deployment.seed(uni, address(dmc), address(usdt), DMC_LIQUIDITY, USDT_LIQUIDITY, lp);
        (address p2,) = UniswapV2Deployment.seed(uni, address(dmc), address(ifil), DMC_LIQUIDITY, IFIL_LIQUIDITY, lp);
        usdtPair = IUniswapV2Pair(p1);
        ifilPair = IUniswapV2Pair(p2);

        buyback = new FeeBuyback(timelock, IMiningReserve(address(reserve)), uni.factory, _defaultParameters());
        ledger = new MockCommissionLedger();
        premiumSink = new MockPremiumSink();
        splitter = new ProtocolFeeSplitter(timelock, 2_000);
        vm.startPrank(timelock);
        buyback.setMarket(address(usdt), true);
        buyback.setMarket(address(ifil), true);
        splitter.setFeeToken(address(usdt), true);
        splitter.setFeeToken(address(ifil), true);
        splitter.setSinks(address(ledger), address(premiumSink), address(buyback));
        vm.stopPrank();
        vm.warp(block.timestamp + 1 hours);
    }

    function _defaultParameters() internal pure returns (IFeeBuyback.Parameters memory) {
        return IFeeBuyback.Parameters({maxSlippageBps: 100, maxInputBps: 20, minWindow: WINDOW, maxAge: MAX_AGE});
    }

    function _token(string memory name, string memory symbol, uint8 decimals) internal returns (BridgedToken t) {
        t = new BridgedToken(name, symbol, decimals, address(this));
        t.grantRole(t.MINTER_ROLE(), address(this));
    }

    /// @dev An observation now, then `WINDOW` later: ready to convert.
    function _observeAndWait(address token) internal {
        buyback.observe(token);
        vm.warp(block.timestamp + WINDOW);
    }

    /// @dev `who` swaps `amountIn` of `tokenIn` for `tokenOut` through the router (minted to it first).
    function _swap(address who, BridgedToken tokenIn, address tokenOut, uint256 amountIn)
        internal
        returns (uint256 out)
    {
        uint256 have = tokenIn.balanceOf(who);
        if (have < amountIn) tokenIn.mint(who, amountIn - have);
        address[] memory path = new address[](2);
        path[0] = address(tokenIn);
        path[1] = tokenOut;
        vm.startPrank(who);
        tokenIn.approve(address(uni.router), amountIn);
        out = uni.router.swapExactTokensForTokens(amountIn, 0, path, who, block.timestamp)[1];
        vm.stopPrank();
    }

    /// @dev Fees reach the buyback (as the splitter would send them).
    function _fund(BridgedToken token, uint256 amount) internal {
        token.mint(address(buyback), amount);
    }
}
