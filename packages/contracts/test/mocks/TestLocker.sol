// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";

/// @notice Minimal test-only locker: what staking, loans and auctions will do with positions,
/// without their business logic. Anyone may drive it; the exchange's own checks are under test.
contract TestLocker {
    IHashpowerExchange public immutable exchange;

    constructor(IHashpowerExchange exchange_) {
        exchange = exchange_;
    }

    function lock(uint256 tokenId) external {
        exchange.lock(tokenId);
    }

    function unlock(uint256 tokenId) external {
        exchange.unlock(tokenId);
    }

    /// @notice A loan in default: the lender takes the collateral.
    function seize(uint256 tokenId, address to) external {
        exchange.seize(tokenId, to);
    }

    /// @notice Claims for positions it holds locks on (it is their approved operator); pays owners.
    function claimRewards(uint256[] calldata tokenIds) external returns (uint256) {
        return exchange.claimRewards(tokenIds);
    }

    function claimRefunds(uint256[] calldata tokenIds) external returns (uint256) {
        return exchange.claimRefunds(tokenIds);
    }
}
