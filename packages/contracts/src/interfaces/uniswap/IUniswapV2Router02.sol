// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IUniswapV2Router02
/// @notice The part of the Uniswap V2 router (`@uniswap/v2-periphery` 1.1.0-beta.0) the protocol and its
/// deployment call.
interface IUniswapV2Router02 {
    /// @notice The factory whose pairs the router addresses (by the hardcoded pair init-code hash).
    /// @return The factory.
    function factory() external view returns (address);

    /// @notice The wrapped ether the router uses.
    /// @return WETH.
    function WETH() external view returns (address);

    /// @notice Adds liquidity to the pair of `tokenA` and `tokenB` (created if missing) at its current ratio.
    /// @param tokenA One token.
    /// @param tokenB The other token.
    /// @param amountADesired At most this much `tokenA`.
    /// @param amountBDesired At most this much `tokenB`.
    /// @param amountAMin At least this much `tokenA`.
    /// @param amountBMin At least this much `tokenB`.
    /// @param to The recipient of the LP tokens.
    /// @param deadline Latest timestamp.
    /// @return amountA `tokenA` added.
    /// @return amountB `tokenB` added.
    /// @return liquidity LP tokens minted.
    function addLiquidity(
        address tokenA,
        address tokenB,
        uint256 amountADesired,
        uint256 amountBDesired,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external returns (uint256 amountA, uint256 amountB, uint256 liquidity);

    /// @notice Swaps exactly `amountIn` along `path` for at least `amountOutMin`.
    /// @param amountIn Input amount of `path[0]`.
    /// @param amountOutMin Least acceptable output of the last token.
    /// @param path Tokens from input to output.
    /// @param to The recipient.
    /// @param deadline Latest timestamp.
    /// @return amounts The amounts along the path.
    function swapExactTokensForTokens(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external returns (uint256[] memory amounts);

    /// @notice The outputs along `path` for `amountIn`, at the pairs' current reserves.
    /// @param amountIn Input amount of `path[0]`.
    /// @param path Tokens from input to output.
    /// @return amounts The amounts along the path.
    function getAmountsOut(uint256 amountIn, address[] calldata path) external view returns (uint256[] memory amounts);
}
