// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFeeVaultErrors} from "../errors/FeeErrors.sol";

/// @title IFeeVault
/// @notice The fee collection every fee-charging locker shares (listings, auctions, loans): fees accrue per token
/// in the contract, anyone sweeps them to the protocol's fee recipient (the ProtocolFeeSplitter), and only
/// governance moves that recipient.
interface IFeeVault is IFeeVaultErrors {
    /// @notice Collected fees were sent to the fee recipient (anyone may sweep).
    event FeesSwept(address indexed token, address indexed to, uint256 amount);
    /// @notice Governance changed where swept fees go.
    event FeeRecipientSet(address indexed previous, address indexed recipient);

    /// @notice Sends the fees collected in `token` to the fee recipient. Anyone may call; returns 0 and changes
    /// nothing when there is nothing to sweep. Emits {FeesSwept}.
    /// @return amount The fees sent.
    function sweepFees(address token) external returns (uint256 amount);

    /// @notice Sets where swept fees go. Governance only. Emits {FeeRecipientSet}.
    function setFeeRecipient(address recipient) external;

    /// @notice Where {sweepFees} sends the collected fees.
    function feeRecipient() external view returns (address);

    /// @notice Fees collected in `token` and not yet swept.
    function feesAccrued(address token) external view returns (uint256);
}
