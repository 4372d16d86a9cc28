// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Fee sinks
/// @notice The seams between the protocol's fee flow and the contracts of issue 13, fixed up front so the
/// staking, nodes, insurance and buyback contracts can be built apart and wired together:
///
///     sale (exchange, listing, auction) --recordFee(buyer, referrer, ...)--> TradingRewards
///         TradingRewards --recordReferral--> IReferralRecorder (PromotionNodes: commission owed to a node)
///     fees (collectFees / sweepFees) --> ProtocolFeeSplitter.distribute(token)
///         1. owed commission  --fundCommission--> ICommissionLedger (PromotionNodes)
///         2. premium share    --depositPremium--> IPremiumSink (MutualInsurance)
///         3. the rest         --> FeeBuyback (swaps for DMC on Uniswap V2, DMC back to behaviour mining)
///     PromotionNodes --setWeight(node, staked DMC)--> IStakeWeightSink (node-staking DMC emission)

/// @notice Records the commission a referral earns. PromotionNodes implements it.
interface IReferralRecorder {
    /// @notice A sale paid `fee` (in `token`) and named `referrer`. Only the registered fee hook
    /// (TradingRewards) calls it; a referrer that is not a live node records nothing and never reverts.
    /// @param referrer The `referrer` the buyer passed.
    /// @param buyer The account that paid the price.
    /// @param token The payment token of the sale.
    /// @param fee The channel or trading fee of the sale, in `token` base units.
    function recordReferral(address referrer, address buyer, address token, uint256 fee) external;
}

/// @notice The commission owed to nodes, funded out of the collected fees. PromotionNodes implements it.
interface ICommissionLedger {
    /// @notice Commission recorded in `token` that no fee has funded yet.
    /// @param token The fee token.
    /// @return Amount in `token` base units.
    function unfundedCommission(address token) external view returns (uint256);

    /// @notice Pulls `amount` of `token` from the caller (which approved it) to fund owed commission.
    /// @param token The fee token.
    /// @param amount At most {unfundedCommission} of `token`.
    function fundCommission(address token, uint256 amount) external;
}

/// @notice Shares a premium among the insurance underwriters. MutualInsurance implements it.
interface IPremiumSink {
    /// @notice Pulls `amount` of `token` from the caller (which approved it) and shares it among the
    /// underwriters staked now, pro rata by stake. Anyone may pay a premium.
    /// @param token A premium token the pool accepts.
    /// @param amount Amount in `token` base units.
    function depositPremium(address token, uint256 amount) external;
}

/// @notice A DMC emission pool whose weights another contract sets. The node-staking pool implements it.
interface IStakeWeightSink {
    /// @notice Sets `account`'s weight (its staked DMC) after settling what it earned at the old weight.
    /// Only the pool's weight source (PromotionNodes) calls it.
    /// @param account The node.
    /// @param weight Its new weight; zero when it leaves.
    function setWeight(address account, uint256 weight) external;
}
