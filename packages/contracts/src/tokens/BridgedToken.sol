// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title BridgedToken
/// @notice A token mapped 1:1 from another chain or issuer (IFIL = FIL, WBTC, and the local USDT
/// stand-in): only the bridge (minter role) mints, holders burn to redeem. On real networks the
/// exchange uses the canonical tokens from config instead of these.
contract BridgedToken is ERC20, ERC20Burnable, ERC20Permit, AccessControl {
    /// @notice May mint against assets locked on the other side of the bridge.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    uint8 private immutable _decimals;

    /// @param admin Manages minters.
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address admin)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
    {
        _decimals = decimals_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Mints `amount` to `to`. Minter role only.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @notice Token decimals (USDT 6, WBTC 8, IFIL 18).
    function decimals() public view override returns (uint8) {
        return _decimals;
    }
}
