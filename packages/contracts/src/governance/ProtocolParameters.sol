// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IProtocolParametersErrors} from "../errors/GovernanceErrors.sol";

/// @title ProtocolParameters
/// @notice Fees charged by the trading and DeFi contracts of the roadmap (secondary sales,
/// auctions, loans), set by the DAO within hard caps. The channel fee of primary sales and the
/// default thresholds live on the exchange, the stake policy on MinerApplications; all are owned
/// by the same timelock.
contract ProtocolParameters is IProtocolParametersErrors, Ownable {
    /// @notice Highest trading fee the DAO can set (5%).
    uint16 public constant MAX_TRADING_FEE_BPS = 500;
    /// @notice Highest DeFi fee the DAO can set (5%).
    uint16 public constant MAX_DEFI_FEE_BPS = 500;

    /// @notice Fee on secondary trades, in basis points (2% at launch).
    uint16 public tradingFeeBps;
    /// @notice Fee on DeFi operations (loans), in basis points (2% at launch).
    uint16 public defiFeeBps;

    /// @notice A parameter changed.
    event ParameterSet(bytes32 indexed name, uint256 oldValue, uint256 newValue);

    /// @param owner_ The DAO timelock.
    /// @param tradingFeeBps_ Initial trading fee.
    /// @param defiFeeBps_ Initial DeFi fee.
    constructor(address owner_, uint16 tradingFeeBps_, uint16 defiFeeBps_) Ownable(owner_) {
        _setTradingFee(tradingFeeBps_);
        _setDefiFee(defiFeeBps_);
    }

    /// @notice Sets the trading fee. DAO only.
    /// @param feeBps New fee in basis points, at most {MAX_TRADING_FEE_BPS}.
    function setTradingFee(uint16 feeBps) external onlyOwner {
        _setTradingFee(feeBps);
    }

    /// @notice Sets the DeFi fee. DAO only.
    /// @param feeBps New fee in basis points, at most {MAX_DEFI_FEE_BPS}.
    function setDefiFee(uint16 feeBps) external onlyOwner {
        _setDefiFee(feeBps);
    }

    function _setTradingFee(uint16 feeBps) private {
        if (feeBps > MAX_TRADING_FEE_BPS) revert Params_FeeTooHigh("tradingFeeBps", feeBps, MAX_TRADING_FEE_BPS);
        emit ParameterSet("tradingFeeBps", tradingFeeBps, feeBps);
        tradingFeeBps = feeBps;
    }

    function _setDefiFee(uint16 feeBps) private {
        if (feeBps > MAX_DEFI_FEE_BPS) revert Params_FeeTooHigh("defiFeeBps", feeBps, MAX_DEFI_FEE_BPS);
        emit ParameterSet("defiFeeBps", defiFeeBps, feeBps);
        defiFeeBps = feeBps;
    }
}
