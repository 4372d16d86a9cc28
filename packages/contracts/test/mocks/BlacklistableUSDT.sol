// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice USDT-like test token: 6 decimals, and an owner who can blacklist addresses. Any transfer
/// from or to a blacklisted address reverts (as USDT's `isBlackListed` does), which is how a single
/// sanctioned holder, miner or fee recipient could try to block everyone else's payouts.
contract BlacklistableUSDT is ERC20 {
    error Blacklisted(address account);
    error NotOwner(address caller);

    event BlacklistSet(address indexed account, bool blacklisted);

    address public immutable owner;
    mapping(address account => bool) public isBlacklisted;

    constructor() ERC20("Tether USD (blacklistable)", "USDT") {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    function setBlacklisted(address account, bool blacklisted) external onlyOwner {
        isBlacklisted[account] = blacklisted;
        emit BlacklistSet(account, blacklisted);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (isBlacklisted[from]) revert Blacklisted(from);
        if (isBlacklisted[to]) revert Blacklisted(to);
        super._update(from, to, value);
    }
}
