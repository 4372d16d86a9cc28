// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPromotionNodesErrors
/// @notice Errors of the promotion nodes (`PromotionNodes`) and their DMC vaults (`NodeVault`). Prefix: Nodes.
interface IPromotionNodesErrors {
    /// @notice A zero address was passed.
    error Nodes_ZeroAddress();
    /// @notice The account already runs a node (live or in exit): withdraw first.
    error Nodes_AlreadyRegistered(address account);
    /// @notice The account runs no live node of the kind the call needs.
    error Nodes_NotLiveNode(address account);
    /// @notice `mainNode` is not a live main node.
    error Nodes_NotLiveMainNode(address mainNode);
    /// @notice `mainNode` has not invited `light`.
    error Nodes_NotInvited(address mainNode, address light);
    /// @notice `mainNode` already has `max` light nodes.
    error Nodes_TooManyRecruits(address mainNode, uint256 max);
    /// @notice A node cannot recruit itself.
    error Nodes_SelfRecruit(address account);
    /// @notice The account has no node in exit.
    error Nodes_NotExiting(address account);
    /// @notice The node's cooldown ends at `readyAt`.
    error Nodes_CooldownNotOver(address account, uint256 readyAt);
    /// @notice Only the fee hook (TradingRewards) records referrals.
    error Nodes_NotFeeHook(address caller);
    /// @notice `amount` is above the unfunded commission `unfunded` of the token.
    error Nodes_OverFunded(address token, uint256 amount, uint256 unfunded);
    /// @notice The caller has no owed and funded commission in the token.
    error Nodes_NothingToClaim(address account, address token);
    /// @notice A stake amount is outside [MIN_STAKE, MAX_STAKE].
    error Nodes_InvalidStake(uint256 mainStake, uint256 lightStake);
    /// @notice A cooldown is outside [MIN_COOLDOWN, MAX_COOLDOWN].
    error Nodes_InvalidCooldown(uint256 cooldown);
    /// @notice A commission rate or the main node's share is above its cap.
    error Nodes_InvalidCommission(uint256 commissionBps, uint256 mainShareBps);
    /// @notice The recruit bound is zero or above MAX_RECRUITS_CAP.
    error Nodes_InvalidMaxRecruits(uint256 maxRecruits);
    /// @notice Only the PromotionNodes contract that deployed the vault may move its DMC or votes.
    error Nodes_NotController(address caller);
}
