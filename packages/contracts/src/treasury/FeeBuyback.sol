// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IFeeBuyback} from "../interfaces/IFeeBuyback.sol";
import {IMiningReserve} from "../interfaces/IMiningReserve.sol";
import {IUniswapV2Factory} from "../interfaces/uniswap/IUniswapV2Factory.sol";
import {IUniswapV2Pair} from "../interfaces/uniswap/IUniswapV2Pair.sol";

/// @title FeeBuyback
/// @notice Turns collected fees into DMC for users: `convert(token)` (anyone) swaps the fee token on its Uniswap V2
/// pair with DMC and adds the DMC to the behaviour-mining bucket of `MiningReserve`. The output must be at least
/// `amountIn x TWAP x (1 - maxSlippageBps)`, the TWAP taken from this contract's own checkpoints of the pair's
/// cumulative price over at least `minWindow` (and at most `maxAge`) seconds, and one call swaps at most
/// `maxInputBps` of the pair's reserve of the token. A sandwich moves the spot price, not the TWAP: moved beyond the
/// slippage the conversion reverts, and within it the sandwich's two swaps pay 0.6% in pair fees for less than
/// that in price impact.
/// @dev Two checkpoints per token, at least `minWindow` apart, so a fresh checkpoint never hides an older usable
/// one and nobody can keep the window short by observing often. The current cumulative price is the pair's stored
/// one advanced to this second at its reserves (UniswapV2OracleLibrary): a price set in this block counts for zero
/// seconds. The owner (the DAO timelock) lists pairs and sets bounded parameters; it cannot move the fees.
contract FeeBuyback is IFeeBuyback, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice The largest `maxSlippageBps` (10%).
    uint256 public constant MAX_SLIPPAGE_BPS = 1_000;
    /// @notice The largest `maxInputBps`: 0.3% of the pair's reserve per call, the pair's fee. A sandwich earns about
    /// 2 x input / reserve of the amount it front-runs with and pays 2 x 0.3% of it in fees, so below this it loses.
    uint256 public constant MAX_INPUT_BPS = 30;
    /// @notice The shortest `minWindow` allowed.
    uint256 public constant MIN_WINDOW_FLOOR = 10 minutes;
    /// @notice The longest `minWindow` allowed.
    uint256 public constant MIN_WINDOW_CEILING = 1 days;
    /// @notice The longest `maxAge` allowed.
    uint256 public constant MAX_AGE_CEILING = 7 days;
    uint256 private constant BPS = 10_000;
    uint256 private constant Q112 = 2 ** 112;

    /// @notice DMC, which the buyback buys.
    IERC20 public immutable dmc;
    /// @notice The reserve whose behaviour bucket receives the DMC.
    IMiningReserve public immutable reserve;
    /// @notice The Uniswap V2 factory whose pairs are listed.
    IUniswapV2Factory public immutable factory;

    /// @inheritdoc IFeeBuyback
    Parameters public parameters;
    /// @inheritdoc IFeeBuyback
    mapping(address token => Market) public markets;
    /// @inheritdoc IFeeBuyback
    mapping(address token => Totals) public totals;
    /// @inheritdoc IFeeBuyback
    uint256 public totalDmcBought;
    mapping(address token => uint256 cumulative) private _prevCumulative;
    mapping(address token => uint256 cumulative) private _lastCumulative;

    /// @dev What a conversion would do, worked out before any state changes.
    struct Plan {
        address pair;
        bool tokenIsToken0;
        uint256 amountIn;
        uint256 dmcOut;
        uint256 dmcAtTwap;
        uint256 minOut;
        uint256 window;
        uint256 cumulativeNow;
        bool observeDue;
    }

    /// @param owner_ The DAO timelock (or the deployer, which hands it over).
    /// @param reserve_ The mining reserve (its token is DMC).
    /// @param factory_ The Uniswap V2 factory.
    /// @param p The initial bounds (see {setParameters}).
    constructor(address owner_, IMiningReserve reserve_, IUniswapV2Factory factory_, Parameters memory p)
        Ownable(owner_)
    {
        if (address(reserve_) == address(0) || address(factory_) == address(0)) revert Buyback_ZeroAddress();
        reserve = reserve_;
        factory = factory_;
        dmc = reserve_.dmc();
        _setParameters(p.maxSlippageBps, p.maxInputBps, p.minWindow, p.maxAge);
        // The reserve pulls the DMC bought; DMC (OpenZeppelin 5) never decreases an infinite allowance.
        dmc.forceApprove(address(reserve_), type(uint256).max);
    }

    // =================================================================== convert and observe

    /// @inheritdoc IFeeBuyback
    function convert(address token) external nonReentrant returns (uint256 amountIn, uint256 dmcOut) {
        Plan memory plan = _plan(token);
        amountIn = plan.amountIn;
        dmcOut = plan.dmcOut;

        Totals storage t = totals[token];
        // Sums of token balances: no real supply reaches 2^128.
        t.amountIn += uint128(amountIn);
        t.dmcOut += uint128(dmcOut);
        t.dmcAtTwap += uint128(plan.dmcAtTwap);
        t.conversions += 1;
        totalDmcBought += dmcOut;
        // The pair's cumulative price at this second does not depend on the swap below (it accrues the reserves
        // before it), so the checkpoint is the same before or after.
        if (plan.observeDue) _record(token, plan.pair, plan.cumulativeNow);
        emit Converted(token, msg.sender, amountIn, dmcOut, plan.dmcAtTwap, plan.minOut, plan.window);

        IERC20(token).safeTransfer(plan.pair, amountIn);
        if (plan.tokenIsToken0) IUniswapV2Pair(plan.pair).swap(0, dmcOut, address(this), "");
        else IUniswapV2Pair(plan.pair).swap(dmcOut, 0, address(this), "");
        reserve.replenish(IMiningReserve.Bucket.Behaviour, dmcOut);
    }

    /// @inheritdoc IFeeBuyback
    function observe(address token) external nonReentrant {
        Market memory m = markets[token];
        if (m.pair == address(0)) revert Buyback_NotListed(token);
        if (m.lastTimestamp != 0) {
            uint256 elapsed = _since(m.lastTimestamp);
            if (elapsed < parameters.minWindow) revert Buyback_ObservationTooSoon(elapsed, parameters.minWindow);
        }
        (uint256 cumulative,,) = _current(m.pair, m.tokenIsToken0);
        _record(token, m.pair, cumulative);
    }

    /// @inheritdoc IFeeBuyback
    function quote(address token)
        external
        view
        returns (uint256 amountIn, uint256 dmcOut, uint256 dmcAtTwap, uint256 minOut)
    {
        Plan memory plan = _plan(token);
        return (plan.amountIn, plan.dmcOut, plan.dmcAtTwap, plan.minOut);
    }

    /// @inheritdoc IFeeBuyback
    function twap(address token) external view returns (uint256 priceX112, uint256 window) {
        Market memory m = markets[token];
        if (m.pair == address(0)) revert Buyback_NotListed(token);
        (uint256 cumulative,,) = _current(m.pair, m.tokenIsToken0);
        return _twap(token, m, cumulative);
    }

    // =================================================================== DAO

    /// @inheritdoc IFeeBuyback
    function setMarket(address token, bool listed) external onlyOwner {
        if (token == address(0)) revert Buyback_ZeroAddress();
        if (token == address(dmc)) revert Buyback_TokenIsDmc();
        address pair;
        if (listed) {
            pair = factory.getPair(token, address(dmc));
            if (pair == address(0)) revert Buyback_NoPair(token);
        }
        markets[token] = Market(pair, pair != address(0) && IUniswapV2Pair(pair).token0() == token, 0, 0);
        emit MarketSet(token, pair);
    }

    /// @inheritdoc IFeeBuyback
    function setParameters(uint256 maxSlippageBps, uint256 maxInputBps, uint256 minWindow, uint256 maxAge)
        external
        onlyOwner
    {
        _setParameters(maxSlippageBps, maxInputBps, minWindow, maxAge);
    }

    // =================================================================== internals

    function _setParameters(uint256 maxSlippageBps, uint256 maxInputBps, uint256 minWindow, uint256 maxAge) private {
        if (
            maxSlippageBps == 0 || maxSlippageBps > MAX_SLIPPAGE_BPS || maxInputBps == 0 || maxInputBps > MAX_INPUT_BPS
                || minWindow < MIN_WINDOW_FLOOR || minWindow > MIN_WINDOW_CEILING || maxAge < 2 * minWindow
                || maxAge > MAX_AGE_CEILING
        ) revert Buyback_InvalidParameters(maxSlippageBps, maxInputBps, minWindow, maxAge);
        parameters = Parameters(uint16(maxSlippageBps), uint16(maxInputBps), uint32(minWindow), uint32(maxAge));
        emit ParametersSet(maxSlippageBps, maxInputBps, minWindow, maxAge);
    }

    function _plan(address token) private view returns (Plan memory plan) {
        Market memory m = markets[token];
        if (m.pair == address(0)) revert Buyback_NotListed(token);
        uint256 balance = IERC20(token).balanceOf(address(this));
        if (balance == 0) revert Buyback_NothingToConvert(token);
        plan.pair = m.pair;
        plan.tokenIsToken0 = m.tokenIsToken0;

        uint256 reserveIn;
        uint256 reserveOut;
        (plan.cumulativeNow, reserveIn, reserveOut) = _current(m.pair, m.tokenIsToken0);
        uint256 priceX112;
        (priceX112, plan.window) = _twap(token, m, plan.cumulativeNow);

        Parameters memory p = parameters;
        plan.amountIn = Math.min(balance, reserveIn * p.maxInputBps / BPS);
        plan.dmcAtTwap = Math.mulDiv(plan.amountIn, priceX112, Q112);
        plan.minOut = plan.dmcAtTwap * (BPS - p.maxSlippageBps) / BPS;
        if (plan.minOut == 0) revert Buyback_DustAmount(plan.amountIn);
        // UniswapV2Library.getAmountOut: the 0.3% fee, rounded down.
        uint256 inWithFee = plan.amountIn * 997;
        plan.dmcOut = inWithFee * reserveOut / (reserveIn * 1000 + inWithFee);
        if (plan.dmcOut < plan.minOut) revert Buyback_BelowTwapBound(plan.dmcOut, plan.minOut);
        plan.observeDue = _since(m.lastTimestamp) >= p.minWindow;
    }

    /// @dev The TWAP since the newest checkpoint at least `minWindow` old, which must be at most `maxAge` old.
    function _twap(address token, Market memory m, uint256 cumulativeNow)
        private
        view
        returns (uint256 priceX112, uint256 window)
    {
        if (m.lastTimestamp == 0) revert Buyback_NoObservation(token);
        Parameters memory p = parameters;
        window = _since(m.lastTimestamp);
        uint256 cumulative = _lastCumulative[token];
        if (window < p.minWindow) {
            if (m.prevTimestamp == 0) revert Buyback_WindowTooShort(window, p.minWindow);
            window = _since(m.prevTimestamp);
            cumulative = _prevCumulative[token];
            if (window < p.minWindow) revert Buyback_WindowTooShort(window, p.minWindow);
        }
        if (window > p.maxAge) revert Buyback_StaleObservation(window, p.maxAge);
        unchecked {
            // the cumulative price wraps by design; the difference is exact modulo 2^256
            priceX112 = (cumulativeNow - cumulative) / window;
        }
    }

    /// @dev The pair's cumulative price of the token in DMC advanced to this second, and the reserves (token, DMC).
    function _current(address pair, bool tokenIsToken0)
        private
        view
        returns (uint256 cumulative, uint256 reserveIn, uint256 reserveOut)
    {
        (uint112 r0, uint112 r1, uint32 updated) = IUniswapV2Pair(pair).getReserves();
        if (r0 == 0 || r1 == 0) revert Buyback_NoLiquidity(pair);
        (reserveIn, reserveOut) = tokenIsToken0 ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
        cumulative =
            tokenIsToken0 ? IUniswapV2Pair(pair).price0CumulativeLast() : IUniswapV2Pair(pair).price1CumulativeLast();
        uint32 nowTs = uint32(block.timestamp);
        if (updated != nowTs) {
            unchecked {
                // UniswapV2OracleLibrary.currentCumulativePrices: wrapping time and price sums; the price is the
                // pair's own UQ112x112 quotient, truncated as the pair truncates it
                // forge-lint: disable-next-line(divide-before-multiply)
                cumulative += ((reserveOut << 112) / reserveIn) * uint32(nowTs - updated);
            }
        }
    }

    function _record(address token, address pair, uint256 cumulative) private {
        Market storage m = markets[token];
        if (m.lastTimestamp != 0) {
            m.prevTimestamp = m.lastTimestamp;
            _prevCumulative[token] = _lastCumulative[token];
        }
        uint32 nowTs = uint32(block.timestamp);
        m.lastTimestamp = nowTs;
        _lastCumulative[token] = cumulative;
        emit Observed(token, pair, cumulative, nowTs);
    }

    /// @dev Seconds since a 32-bit timestamp (wrapping, as the pair's clock).
    function _since(uint32 timestamp) private view returns (uint256) {
        unchecked {
            return uint32(uint32(block.timestamp) - timestamp);
        }
    }
}
