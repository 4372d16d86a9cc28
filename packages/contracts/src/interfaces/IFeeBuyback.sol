// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFeeBuybackErrors} from "../errors/FeeErrors.sol";

/// @title IFeeBuyback
/// @notice Swaps the protocol's stablecoin and reward-token fees for DMC on their Uniswap V2 pair with DMC and adds
/// the DMC to the behaviour-mining bucket of `MiningReserve`, which TradingRewards pays out. Anyone may convert;
/// the output is bounded below by the pair's time-weighted price over at least `minWindow` seconds (from this
/// contract's own checkpoints of the pair's cumulative price, which anyone may record), less `maxSlippageBps`,
/// and one call converts at most `maxInputBps` of the pair's reserve of the token.
interface IFeeBuyback is IFeeBuybackErrors {
    /// @notice The DAO-set bounds of a conversion (one slot).
    struct Parameters {
        uint16 maxSlippageBps;
        uint16 maxInputBps;
        uint32 minWindow;
        uint32 maxAge;
    }

    /// @notice A listed token's pair and its two latest checkpoints' timestamps (zero: none).
    struct Market {
        address pair;
        bool tokenIsToken0;
        uint32 prevTimestamp;
        uint32 lastTimestamp;
    }

    /// @notice What the buyback converted of a token since deployment.
    struct Totals {
        uint128 amountIn;
        uint128 dmcOut;
        uint128 dmcAtTwap;
        uint64 conversions;
    }

    /// @notice `token` was listed on `pair` (its pair with DMC) or unlisted (pair zero).
    /// @param token The fee token.
    /// @param pair Its Uniswap V2 pair with DMC; zero when unlisted.
    event MarketSet(address indexed token, address indexed pair);
    /// @notice The conversion bounds were set.
    /// @param maxSlippageBps Largest shortfall of the output under the TWAP value, basis points.
    /// @param maxInputBps Largest input of one call, basis points of the pair's reserve of the token.
    /// @param minWindow Shortest TWAP window, seconds.
    /// @param maxAge Oldest checkpoint a conversion may use, seconds.
    event ParametersSet(uint256 maxSlippageBps, uint256 maxInputBps, uint256 minWindow, uint256 maxAge);
    /// @notice A checkpoint of the pair's cumulative price of `token` (in DMC) was recorded.
    /// @param token The fee token.
    /// @param pair Its pair.
    /// @param priceCumulative The pair's cumulative price of the token in DMC (UQ112x112 x seconds, wrapping).
    /// @param timestamp When (seconds, mod 2^32).
    event Observed(address indexed token, address indexed pair, uint256 priceCumulative, uint32 timestamp);
    /// @notice `amountIn` of `token` was swapped for `dmcOut` DMC, added to the behaviour bucket.
    /// @param token The fee token.
    /// @param caller Who called it.
    /// @param amountIn Fee token swapped, base units.
    /// @param dmcOut DMC bought (wei): the price paid is amountIn / dmcOut.
    /// @param dmcAtTwap What `amountIn` is worth in DMC at the TWAP (the price to compare with).
    /// @param minOut The bound: dmcAtTwap x (1 - maxSlippageBps).
    /// @param window Seconds the TWAP spans.
    event Converted(
        address indexed token,
        address indexed caller,
        uint256 amountIn,
        uint256 dmcOut,
        uint256 dmcAtTwap,
        uint256 minOut,
        uint256 window
    );

    /// @notice Swaps min(balance, maxInputBps of the pair's reserve) of `token` for DMC on its pair, at no less
    /// than the TWAP bound, and adds the DMC to the behaviour bucket. Anyone may call. Records a checkpoint if one
    /// is due. Emits {Converted}.
    /// @param token A listed fee token the buyback holds some of.
    /// @return amountIn The fee token swapped.
    /// @return dmcOut The DMC bought.
    function convert(address token) external returns (uint256 amountIn, uint256 dmcOut);

    /// @notice Records a checkpoint of the pair's cumulative price of `token`, at least `minWindow` after the
    /// previous one. Anyone may call. Emits {Observed}.
    /// @param token A listed fee token.
    function observe(address token) external;

    /// @notice What `convert(token)` would do now (reverts where it would).
    /// @param token A listed fee token.
    /// @return amountIn The input it would swap.
    /// @return dmcOut The DMC the pair would pay.
    /// @return dmcAtTwap The input's value in DMC at the TWAP.
    /// @return minOut The bound.
    function quote(address token)
        external
        view
        returns (uint256 amountIn, uint256 dmcOut, uint256 dmcAtTwap, uint256 minOut);

    /// @notice The pair's time-weighted price of `token` in DMC since the checkpoint a conversion would use now.
    /// @param token A listed fee token.
    /// @return priceX112 DMC wei per base unit of the token, UQ112x112.
    /// @return window Seconds it spans.
    function twap(address token) external view returns (uint256 priceX112, uint256 window);

    /// @notice Lists `token` on its pair with DMC from the factory, or unlists it. Listing again resets its
    /// checkpoints. DAO only. Emits {MarketSet}.
    /// @param token The fee token (not DMC).
    /// @param listed Whether it may be converted.
    function setMarket(address token, bool listed) external;

    /// @notice Sets the conversion bounds (within the constants' limits); they apply to the next conversion.
    /// DAO only. Emits {ParametersSet}.
    /// @param maxSlippageBps In [1, {MAX_SLIPPAGE_BPS}].
    /// @param maxInputBps In [1, {MAX_INPUT_BPS}].
    /// @param minWindow In [{MIN_WINDOW_FLOOR}, {MIN_WINDOW_CEILING}].
    /// @param maxAge In [2 x minWindow, {MAX_AGE_CEILING}].
    function setParameters(uint256 maxSlippageBps, uint256 maxInputBps, uint256 minWindow, uint256 maxAge) external;

    /// @notice The bounds in force.
    /// @return maxSlippageBps Largest shortfall under the TWAP value.
    /// @return maxInputBps Largest input of one call, of the pair's reserve.
    /// @return minWindow Shortest TWAP window.
    /// @return maxAge Oldest usable checkpoint.
    function parameters()
        external
        view
        returns (uint16 maxSlippageBps, uint16 maxInputBps, uint32 minWindow, uint32 maxAge);

    /// @notice A token's pair and checkpoint timestamps.
    /// @param token The fee token.
    /// @return pair Its pair (zero: not listed).
    /// @return tokenIsToken0 Whether the token is the pair's token0.
    /// @return prevTimestamp The older checkpoint's time (zero: none).
    /// @return lastTimestamp The newer checkpoint's time (zero: none).
    function markets(address token)
        external
        view
        returns (address pair, bool tokenIsToken0, uint32 prevTimestamp, uint32 lastTimestamp);

    /// @notice What the buyback converted of `token`: the price paid on average is amountIn / dmcOut, against
    /// amountIn / dmcAtTwap at the TWAPs.
    /// @param token The fee token.
    /// @return amountIn Fee token swapped.
    /// @return dmcOut DMC bought.
    /// @return dmcAtTwap The inputs' value in DMC at each call's TWAP.
    /// @return conversions Number of conversions.
    function totals(address token)
        external
        view
        returns (uint128 amountIn, uint128 dmcOut, uint128 dmcAtTwap, uint64 conversions);

    /// @notice DMC bought in all tokens (all of it added to the behaviour bucket).
    /// @return DMC wei.
    function totalDmcBought() external view returns (uint256);
}
