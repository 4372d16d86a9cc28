// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IUniswapV2Router02} from "../../../src/interfaces/uniswap/IUniswapV2Router02.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {FeeBuyback} from "../../../src/treasury/FeeBuyback.sol";
import {ProtocolFeeSplitter} from "../../../src/treasury/ProtocolFeeSplitter.sol";
import {MockCommissionLedger} from "../../mocks/MockFeeSinks.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives the fee flow through random lives: fees in USDT (6 decimals) and IFIL (18) reaching the splitter,
/// commission owed going up, distributions, the DAO changing the premium share and the buyback's slippage,
/// observations, conversions by anyone, traders moving the real Uniswap V2 pairs both ways, and time passing by
/// seconds to hours. Keeps ghosts of every fee received and, per conversion, of the bound it worked out itself from
/// `twap` just before the call; counts any conversion below that bound.
contract FeeHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    ProtocolFeeSplitter public immutable splitter;
    FeeBuyback public immutable buyback;
    MockCommissionLedger public immutable ledger;
    IMiningReserve public immutable reserve;
    IUniswapV2Router02 public immutable router;
    BridgedToken public immutable dmc;
    address public immutable owner;
    BridgedToken[2] public tokens;

    mapping(address token => uint256) public ghostReceived;
    mapping(address token => uint256) public ghostBound;
    uint256 public boundViolations;
    uint256 public conversions;
    uint256 public distributions;
    uint256 public quoteMismatches;

    constructor(
        ProtocolFeeSplitter splitter_,
        FeeBuyback buyback_,
        MockCommissionLedger ledger_,
        IUniswapV2Router02 router_,
        BridgedToken usdt_,
        BridgedToken ifil_,
        address owner_
    ) {
        splitter = splitter_;
        buyback = buyback_;
        ledger = ledger_;
        reserve = buyback_.reserve();
        router = router_;
        dmc = BridgedToken(address(buyback_.dmc()));
        tokens[0] = usdt_;
        tokens[1] = ifil_;
        owner = owner_;
    }

    function _token(uint256 seed) internal view returns (BridgedToken) {
        return tokens[seed % 2];
    }

    function _unit(BridgedToken token) internal view returns (uint256) {
        return 10 ** token.decimals();
    }

    function feesArrive(uint256 seed, uint256 amount) external {
        BridgedToken token = _token(seed);
        amount = _bound(amount, 1, 5_000 * _unit(token));
        token.mint(address(splitter), amount);
        ghostReceived[address(token)] += amount;
    }

    function owe(uint256 seed, uint256 amount) external {
        BridgedToken token = _token(seed);
        ledger.setOwed(address(token), _bound(amount, 0, 1_000 * _unit(token)));
    }

    function distribute(uint256 seed) external {
        BridgedToken token = _token(seed);
        if (token.balanceOf(address(splitter)) == 0) return;
        splitter.distribute(address(token));
        ++distributions;
    }

    function setPremium(uint256 bps) external {
        vm.prank(owner);
        splitter.setPremiumBps(_bound(bps, 0, 5_000));
    }

    function setSlippage(uint256 bps) external {
        (, uint16 maxInputBps, uint32 minWindow, uint32 maxAge) = buyback.parameters();
        vm.prank(owner);
        buyback.setParameters(_bound(bps, 1, 1_000), maxInputBps, minWindow, maxAge);
    }

    function observe(uint256 seed) external {
        try buyback.observe(address(_token(seed))) {} catch {}
    }

    function convert(uint256 seed) external {
        BridgedToken token = _token(seed);
        uint256 priceX112;
        try buyback.twap(address(token)) returns (uint256 p, uint256) {
            priceX112 = p;
        } catch {
            return;
        }
        (uint16 slippage,,,) = buyback.parameters();
        uint256 qIn;
        uint256 qOut;
        try buyback.quote(address(token)) returns (uint256 a, uint256 b, uint256, uint256) {
            (qIn, qOut) = (a, b);
        } catch {}
        uint256 before = reserve.remaining(IMiningReserve.Bucket.Behaviour);
        vm.prank(address(uint160(uint256(keccak256(abi.encode("caller", seed))))));
        try buyback.convert(address(token)) returns (uint256 amountIn, uint256 dmcOut) {
            uint256 bound_ = Math.mulDiv(amountIn, priceX112, 2 ** 112) * (10_000 - slippage) / 10_000;
            if (dmcOut < bound_ || bound_ == 0) ++boundViolations;
            if (reserve.remaining(IMiningReserve.Bucket.Behaviour) != before + dmcOut) ++boundViolations;
            if (amountIn != qIn || dmcOut != qOut) ++quoteMismatches;
            ghostBound[address(token)] += bound_;
            ++conversions;
        } catch {}
    }

    /// @dev A trader moves the pair: buys DMC with the token, or sells DMC for it, up to ~3% of the pair.
    function trade(uint256 seed, bool buyDmc, uint256 amount) external {
        BridgedToken token = _token(seed);
        address trader = address(uint160(uint256(keccak256("trader"))));
        address[] memory path = new address[](2);
        BridgedToken tokenIn;
        if (buyDmc) {
            amount = _bound(amount, 1, (token == tokens[0] ? 3_000 : 750) * _unit(token));
            (tokenIn, path[0], path[1]) = (token, address(token), address(dmc));
        } else {
            amount = _bound(amount, 1e12, 30_000e18);
            (tokenIn, path[0], path[1]) = (dmc, address(dmc), address(token));
        }
        tokenIn.mint(trader, amount);
        vm.startPrank(trader);
        tokenIn.approve(address(router), amount);
        try router.swapExactTokensForTokens(amount, 0, path, trader, block.timestamp) {} catch {}
        vm.stopPrank();
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 3 hours));
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }
}
