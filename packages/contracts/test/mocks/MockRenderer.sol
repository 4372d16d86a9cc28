// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IPositionRenderer} from "../../src/interfaces/IPositionRenderer.sol";

/// @notice Renders `data:test,<exchange>/<tokenId>` so tests can see the exchange delegates.
contract MockRenderer is IPositionRenderer {
    function tokenURI(address exchange, uint256 tokenId) external pure returns (string memory) {
        return string.concat("data:test,", Strings.toHexString(exchange), "/", Strings.toString(tokenId));
    }
}
