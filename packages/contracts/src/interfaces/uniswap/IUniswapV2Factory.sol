// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IUniswapV2Factory
/// @notice The part of the Uniswap V2 factory (`@uniswap/v2-core` 1.0.1) the protocol calls.
interface IUniswapV2Factory {
    /// @notice The pair of two tokens, in either order.
    /// @param tokenA One token.
    /// @param tokenB The other token.
    /// @return pair The pair, or zero if none was created.
    function getPair(address tokenA, address tokenB) external view returns (address pair);

    /// @notice Creates the pair of two tokens (reverts if it exists).
    /// @param tokenA One token.
    /// @param tokenB The other token.
    /// @return pair The new pair.
    function createPair(address tokenA, address tokenB) external returns (address pair);

    /// @notice How many pairs the factory created.
    /// @return The count.
    function allPairsLength() external view returns (uint256);

    /// @notice Who may set the protocol-fee recipient.
    /// @return The setter.
    function feeToSetter() external view returns (address);
}
