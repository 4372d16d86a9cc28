// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPositionRenderer
/// @notice Renders a position's ERC-721 metadata entirely on-chain (data: URI with JSON and an SVG card).
interface IPositionRenderer {
    /// @notice The token URI of `tokenId` on `exchange`.
    function tokenURI(address exchange, uint256 tokenId) external view returns (string memory);
}
