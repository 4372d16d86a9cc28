// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IUniswapV2Pair
/// @notice The part of a Uniswap V2 pair (`@uniswap/v2-core` 1.0.1) the protocol calls: its tokens, reserves,
/// cumulative prices (the TWAP source) and the low-level swap.
interface IUniswapV2Pair {
    /// @notice The pair's first token (the lower address).
    /// @return The token.
    function token0() external view returns (address);

    /// @notice The pair's second token (the higher address).
    /// @return The token.
    function token1() external view returns (address);

    /// @notice The reserves as of the pair's last update, and that update's timestamp (mod 2^32).
    /// @return reserve0 Reserve of token0.
    /// @return reserve1 Reserve of token1.
    /// @return blockTimestampLast The block timestamp of the last update, mod 2^32.
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);

    /// @notice Sum over time of token0's price in token1 (UQ112x112 times seconds, wrapping), up to the last update.
    /// @return The cumulative price.
    function price0CumulativeLast() external view returns (uint256);

    /// @notice Sum over time of token1's price in token0 (UQ112x112 times seconds, wrapping), up to the last update.
    /// @return The cumulative price.
    function price1CumulativeLast() external view returns (uint256);

    /// @notice Sends the outputs to `to` against what was transferred in beforehand (the constant-product check
    /// with the 0.3% fee).
    /// @param amount0Out token0 to send.
    /// @param amount1Out token1 to send.
    /// @param to The recipient.
    /// @param data Empty for a plain swap (non-empty calls `to` back: a flash swap).
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;

    /// @notice Liquidity tokens' balance of `owner`.
    /// @param owner The holder.
    /// @return LP tokens.
    function balanceOf(address owner) external view returns (uint256);

    /// @notice The LP token supply.
    /// @return LP tokens.
    function totalSupply() external view returns (uint256);
}
