// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IInsuranceFundErrors} from "../errors/TreasuryErrors.sol";

/// @title InsuranceFund
/// @notice The DAO's mutual insurance fund: holds the 10% DMC insurance allocation and the miner
/// stakes the DAO slashes. Only the DAO (owner: the timelock) pays out, by vote, to the holders
/// harmed by a default. The pool of roadmap G (underwriters, premiums) can take its funds over.
contract InsuranceFund is IInsuranceFundErrors, Ownable {
    using SafeERC20 for IERC20;

    /// @notice The DAO paid `amount` of `token` to `to`.
    event InsurancePaid(address indexed token, address indexed to, uint256 amount, string reason);

    /// @param owner_ The DAO timelock.
    constructor(address owner_) Ownable(owner_) {}

    /// @notice Pays `amount` of `token` to `to`. DAO only.
    /// @param token Token to pay.
    /// @param to Recipient.
    /// @param amount Amount in the token's base units.
    /// @param reason Why (shown in the app, e.g. "Offering #3 default, holders' compensation").
    function pay(IERC20 token, address to, uint256 amount, string calldata reason) external onlyOwner {
        if (to == address(0) || amount == 0) revert Insurance_InvalidPayout(to, amount);
        emit InsurancePaid(address(token), to, amount, reason);
        token.safeTransfer(to, amount);
    }
}
