// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";

/// @notice A bare locker that forwards every call to the exchange: anyone may drive it, so the
/// exchange's own lock checks are what is under test. Real lockers inherit PositionLocker; see TestLocker.
contract RawLocker {
    IHashpowerExchange public immutable exchange;

    constructor(IHashpowerExchange exchange_) {
        exchange = exchange_;
    }

    function lock(uint256 tokenId) external {
        exchange.lock(tokenId, 0);
    }

    function lockWith(uint256 tokenId, uint8 payouts) external {
        exchange.lock(tokenId, payouts);
    }

    function setPayouts(uint256 tokenId, uint8 payouts) external {
        exchange.setLockPayouts(tokenId, payouts);
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
