// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPositionRenderer
/// @notice Renders a position's ERC-721 metadata entirely on-chain (data: URI with JSON and an SVG card).
interface IPositionRenderer {
    /// @notice The token URI of `tokenId` on `exchange`.
    /// @param exchange The exchange holding the position.
    /// @param tokenId The position.
    /// @return A `data:application/json;base64,` URI with the name, description, attributes and SVG image.
    function tokenURI(address exchange, uint256 tokenId) external view returns (string memory);
}
