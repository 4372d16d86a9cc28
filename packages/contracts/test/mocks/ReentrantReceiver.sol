// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

import {ITokenReceiveHook, ITokenSendHook} from "./CallbackToken.sol";

/// @notice Hostile position holder: from `onERC721Received` (a safeTransferFrom into it) and from
/// token send/receive hooks ({CallbackToken}) it re-enters `target` with a preset call, once per arming,
/// and records whether the re-entry succeeded and what it returned. It never reverts itself, so
/// the outer call's own behaviour is what a test observes.
contract ReentrantReceiver is IERC721Receiver, ITokenReceiveHook, ITokenSendHook {
    address public immutable target;

    bytes public nftAction;
    bytes public tokenAction;

    uint256 public nftCallbacks;
    uint256 public tokenCallbacks;
    bool public reentered;
    bool public lastSuccess;
    bytes public lastReturnData;

    constructor(address target_) {
        target = target_;
    }

    /// @notice Arms the call made from the next `onERC721Received` (empty disarms).
    function setNftAction(bytes calldata action) external {
        nftAction = action;
    }

    /// @notice Arms the call made from the next token receive hook (empty disarms).
    function setTokenAction(bytes calldata action) external {
        tokenAction = action;
    }

    /// @notice Lets the test act as this contract (approve, buy, claim, opt into hooks ...).
    function execute(address to, bytes calldata data) external returns (bytes memory result) {
        bool ok;
        (ok, result) = to.call(data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        ++nftCallbacks;
        bytes memory action = nftAction;
        if (action.length != 0) {
            delete nftAction;
            _reenter(action);
        }
        return IERC721Receiver.onERC721Received.selector;
    }

    function onTokenReceived(address, uint256) external {
        ++tokenCallbacks;
        bytes memory action = tokenAction;
        if (action.length != 0) {
            delete tokenAction;
            _reenter(action);
        }
    }

    /// @notice Same armed action, run before the tokens leave this contract (buy, depositReward).
    function onTokenSent(address, uint256) external {
        ++tokenCallbacks;
        bytes memory action = tokenAction;
        if (action.length != 0) {
            delete tokenAction;
            _reenter(action);
        }
    }

    function _reenter(bytes memory action) private {
        reentered = true;
        (lastSuccess, lastReturnData) = target.call(action);
    }
}
