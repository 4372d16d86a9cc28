// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Fee errors
/// @notice The custom errors of the fee flow (see {IExchangeErrors} for the naming rule and the list of prefixes):
/// `Splitter_` (ProtocolFeeSplitter), `Buyback_` (FeeBuyback), `FeeVault_` (FeeVault, the fee collection of the
/// listings, auctions and loans).

/// @notice ProtocolFeeSplitter's errors (inherited through {IProtocolFeeSplitter}).
interface IProtocolFeeSplitterErrors {
    /// @notice A zero address was given where one is required.
    error Splitter_ZeroAddress();
    /// @notice The token is not a listed fee token.
    error Splitter_NotFeeToken(address token);
    /// @notice The splitter holds none of the token.
    error Splitter_NothingToDistribute(address token);
    /// @notice The premium share is above {ProtocolFeeSplitter-MAX_PREMIUM_BPS}.
    error Splitter_PremiumTooHigh(uint256 premiumBps, uint256 max);
    /// @notice A sink pulled another amount than it was approved for.
    error Splitter_SinkPullMismatch(address sink, uint256 expected, uint256 pulled);
}

/// @notice FeeBuyback's errors (inherited through {IFeeBuyback}).
interface IFeeBuybackErrors {
    /// @notice A zero address was given where one is required.
    error Buyback_ZeroAddress();
    /// @notice The factory has no pair of the token with DMC.
    error Buyback_NoPair(address token);
    /// @notice The token is not listed for conversion.
    error Buyback_NotListed(address token);
    /// @notice DMC itself cannot be a fee token of the buyback.
    error Buyback_TokenIsDmc();
    /// @notice The buyback holds none of the token.
    error Buyback_NothingToConvert(address token);
    /// @notice The pair holds no liquidity.
    error Buyback_NoLiquidity(address pair);
    /// @notice No observation of the pair has been recorded since the token was listed.
    error Buyback_NoObservation(address token);
    /// @notice The newest observation is younger than the minimum window (and there is no older one).
    error Buyback_WindowTooShort(uint256 elapsed, uint256 minWindow);
    /// @notice The observation is older than the maximum age.
    error Buyback_StaleObservation(uint256 elapsed, uint256 maxAge);
    /// @notice An observation was recorded less than the minimum window ago.
    error Buyback_ObservationTooSoon(uint256 elapsed, uint256 minWindow);
    /// @notice The TWAP bound rounds to zero DMC for this input (dust).
    error Buyback_DustAmount(uint256 amountIn);
    /// @notice The pair would pay less DMC than the TWAP bound.
    error Buyback_BelowTwapBound(uint256 amountOut, uint256 minOut);
    /// @notice A parameter is outside its bounds.
    error Buyback_InvalidParameters(uint256 maxSlippageBps, uint256 maxInputBps, uint256 minWindow, uint256 maxAge);
}

/// @notice FeeVault's errors (inherited through {IFeeVault}).
interface IFeeVaultErrors {
    /// @notice A zero fee recipient was given (at construction or by governance).
    error FeeVault_ZeroRecipient();
}
