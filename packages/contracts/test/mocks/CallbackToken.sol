// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Implemented by recipients that want a hook on receipt of a {CallbackToken}.
interface ITokenReceiveHook {
    function onTokenReceived(address from, uint256 amount) external;
}

/// @notice Implemented by senders that want a hook before a {CallbackToken} leaves them (ERC-777 `tokensToSend`).
interface ITokenSendHook {
    function onTokenSent(address to, uint256 amount) external;
}

/// @notice ERC-777-style hostile test token: before a transfer from a sender that opted in it calls
/// the sender's `onTokenSent` (balances not moved yet), and after every transfer to a recipient that
/// opted in it calls the recipient's `onTokenReceived`, handing control over mid-call either way.
contract CallbackToken is ERC20 {
    mapping(address account => bool) public hookEnabled;

    constructor() ERC20("Callback Token", "CBT") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Opts the caller in or out of the receive hook.
    function setHook(bool enabled) external {
        hookEnabled[msg.sender] = enabled;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (hookEnabled[from]) ITokenSendHook(from).onTokenSent(to, value);
        super._update(from, to, value);
        if (hookEnabled[to]) ITokenReceiveHook(to).onTokenReceived(from, value);
    }
}
