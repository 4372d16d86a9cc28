// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {OfferingStatus} from "../types/HashpowerTypes.sol";

/// @title IExchangeErrors
/// @notice Every custom error of the exchange area: `HashpowerExchange` and the libraries it links
/// (`OfferingFactory`, `DefaultMonitor`), which revert with these.
/// @dev Naming: `Prefix_Condition(offending values)`, one prefix per contract, unique across `src/`
/// (`tools/check-errors.mjs` enforces it on the compiled ABIs; the web app explains each by selector).
/// Prefixes: `Exchange_` (HashpowerExchange and its libraries), `Oracle_` (MarketRateOracle),
/// `Governor_` (DmexGovernor), `Timelock_` (DmexTimelock), `Params_` (ProtocolParameters),
/// `Applications_` (MinerApplications), `DMC_` (DMCToken), `Reserve_` (MiningReserve),
/// `Insurance_` (InsuranceFund), `PositionLocker_` (the lockers' base, LockErrors.sol), `Assets_` (AssetRegistry, AssetErrors.sol). No string reasons anywhere.
/// The lock errors the exchange raises are in LockErrors.sol, so lockers see them through `IPositionLocks`.
/// Declared in an interface that `IHashpowerExchange` inherits, so every error is in the exchange's ABI.
interface IExchangeErrors {
    /// @notice A required address (admin, fee recipient, oracle, token, miner, depositor, recipient) is zero.
    error Exchange_ZeroAddress();
    /// @notice No asset with this id is registered.
    error Exchange_UnknownAsset(uint32 assetId);
    /// @notice No offering with this id.
    error Exchange_UnknownOffering(uint256 offeringId);
    /// @notice The offering is flagged or halted: this needs it active.
    error Exchange_OfferingNotActive(uint256 offeringId, OfferingStatus status);
    /// @notice This needs the offering flagged.
    error Exchange_OfferingNotFlagged(uint256 offeringId, OfferingStatus status);
    /// @notice This needs the offering halted.
    error Exchange_OfferingNotHalted(uint256 offeringId, OfferingStatus status);
    /// @notice The purchase falls outside the offering's sale window.
    error Exchange_SaleClosed(uint256 offeringId, uint256 saleStart, uint256 saleEnd);
    /// @notice A purchase of zero units.
    error Exchange_ZeroUnits();
    /// @notice Offering terms with zero units for sale.
    error Exchange_ZeroUnitsTotal();
    /// @notice Offering terms whose sale window is empty (`saleStart >= saleEnd`).
    error Exchange_EmptySaleWindow(uint256 saleStart, uint256 saleEnd);
    /// @notice Offering terms whose term is empty, starts on day 0 or lasts more than `maxTermDays`.
    error Exchange_InvalidTerm(uint256 termStartDay, uint256 termEndDay, uint256 maxTermDays);
    /// @notice Offering terms whose sale closes after the term starts (`termStart`, a timestamp).
    error Exchange_SaleEndsAfterTermStart(uint256 saleEnd, uint256 termStart);
    /// @notice Offering terms whose price per unit is zero after the channel fee of `feeBps`.
    error Exchange_ZeroNetPrice(uint256 pricePerUnit, uint256 feeBps);
    /// @notice More units asked than the offering has left.
    error Exchange_InsufficientUnits(uint256 offeringId, uint256 requested, uint256 available);
    /// @notice The purchase costs more than the buyer's maximum.
    error Exchange_PriceAboveMax(uint256 totalPrice, uint256 maxTotalPrice);
    /// @notice The offering's escrow would exceed what its packed fields hold.
    error Exchange_EscrowCapacityExceeded(uint256 offeringId, uint256 totalNet, uint256 capacity);
    /// @notice A zero deposit.
    error Exchange_ZeroAmount();
    /// @notice A reward deposit while no unit is sold.
    error Exchange_NoUnitsOutstanding(uint256 offeringId);
    /// @notice The next day to cover is not over yet.
    error Exchange_NothingToCover(uint256 offeringId, uint256 nextDay, uint256 today);
    /// @notice The oracle has no final report to judge the day against.
    error Exchange_MarketRateNotReported(uint32 assetId, uint256 day);
    /// @notice Neither flagging rule is broken.
    error Exchange_DefaultConditionsNotMet(uint256 offeringId, uint256 missedDays, uint256 windowSharePerMille);
    /// @notice Every term day is already covered.
    error Exchange_TermEnded(uint256 offeringId, uint256 termEndDay);
    /// @notice Only the offering's miner may do this.
    error Exchange_NotMiner(uint256 offeringId, address caller);
    /// @notice The caller is neither the position's owner nor approved for it.
    error Exchange_NotPositionOwnerOrApproved(uint256 tokenId, address caller);
    /// @notice The position's refund was already paid.
    error Exchange_AlreadyRefunded(uint256 tokenId);
    /// @notice No released escrow waits to be withdrawn.
    error Exchange_NothingToWithdraw(uint256 offeringId);
    /// @notice A channel fee above its cap.
    error Exchange_FeeTooHigh(uint256 feeBps, uint256 capBps);
    /// @notice Default thresholds outside the range the rules stay sound under.
    error Exchange_InvalidThresholds();
    /// @notice Only the offering's miner or a depositor it approved may deposit.
    error Exchange_NotMinerOrDepositor(uint256 offeringId, address caller);
    /// @notice The deposit pays under the minimum share of the market average.
    error Exchange_DepositBelowMinimum(uint256 offeringId, uint256 day, uint256 sharePerMille, uint256 minCoverageBps);
    /// @notice The payment token is not listed.
    error Exchange_PaymentTokenNotListed(address token);
    /// @notice The reward token is not listed for the asset.
    error Exchange_RewardTokenNotListed(uint32 assetId, address token);
}
