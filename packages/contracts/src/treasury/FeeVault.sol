// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {IFeeVault} from "../interfaces/IFeeVault.sol";

/// @title FeeVault
/// @notice {IFeeVault} for a contract owned by governance: it accrues fees with {_accrueFee}, anyone sweeps them.
/// @dev A token's fees are stored plus one once it has had any (a sweep leaves the one), so the fee write of a
/// sale after a sweep costs a warm slot update instead of a fresh slot; {_primeFees} lets a contract pay that
/// first write earlier (the auctions do it when an auction is created, not when its winner settles).
abstract contract FeeVault is IFeeVault, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @inheritdoc IFeeVault
    address public feeRecipient;

    mapping(address token => uint256) private _fees;

    /// @param owner_ The DAO timelock.
    /// @param feeRecipient_ Where swept fees go.
    constructor(address owner_, address feeRecipient_) Ownable(owner_) {
        if (feeRecipient_ == address(0)) revert FeeVault_ZeroRecipient();
        feeRecipient = feeRecipient_;
        emit FeeRecipientSet(address(0), feeRecipient_);
    }

    /// @inheritdoc IFeeVault
    function sweepFees(address token) external nonReentrant returns (uint256 amount) {
        uint256 stored = _fees[token];
        if (stored < 2) return 0;
        amount = stored - 1;
        _fees[token] = 1;
        address to = feeRecipient;
        emit FeesSwept(token, to, amount);
        IERC20(token).safeTransfer(to, amount);
    }

    /// @inheritdoc IFeeVault
    function setFeeRecipient(address recipient) external onlyOwner {
        if (recipient == address(0)) revert FeeVault_ZeroRecipient();
        emit FeeRecipientSet(feeRecipient, recipient);
        feeRecipient = recipient;
    }

    /// @inheritdoc IFeeVault
    function feesAccrued(address token) external view returns (uint256) {
        uint256 stored = _fees[token];
        return stored == 0 ? 0 : stored - 1;
    }

    /// @dev Records `fee` of `token` as collected; the caller holds the tokens.
    function _accrueFee(address token, uint256 fee) internal {
        uint256 stored = _fees[token];
        _fees[token] = (stored == 0 ? 1 : stored) + fee;
    }

    /// @dev Opens `token`'s fee slot ahead of its first fee.
    function _primeFees(address token) internal {
        if (_fees[token] == 0) _fees[token] = 1;
    }
}
