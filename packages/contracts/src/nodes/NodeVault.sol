// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IPromotionNodesErrors} from "../errors/NodesErrors.sol";

/// @title NodeVault
/// @notice Holds one promotion node's staked DMC and delegates its votes, so staked DMC keeps its voting power.
/// `PromotionNodes` deploys one implementation and a minimal clone (EIP-1167) of it per node; the clones share the
/// implementation's immutables, so every clone answers to the PromotionNodes contract alone and holds DMC only.
/// @dev No initializer: nothing per clone needs storing. Only the controller delegates and pays out.
contract NodeVault is IPromotionNodesErrors {
    using SafeERC20 for IERC20;

    /// @notice The PromotionNodes contract, the only caller.
    address public immutable controller;
    /// @notice The DMC token (ERC20Votes).
    IERC20 public immutable dmc;

    constructor(IERC20 dmc_) {
        controller = msg.sender;
        dmc = dmc_;
    }

    /// @notice Delegates the vault's votes to `delegatee`. Controller only.
    function delegate(address delegatee) external {
        if (msg.sender != controller) revert Nodes_NotController(msg.sender);
        IVotes(address(dmc)).delegate(delegatee);
    }

    /// @notice Pays `amount` DMC to `to`. Controller only.
    function pay(address to, uint256 amount) external {
        if (msg.sender != controller) revert Nodes_NotController(msg.sender);
        dmc.safeTransfer(to, amount);
    }
}
