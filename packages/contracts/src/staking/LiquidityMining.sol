// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ILiquidityMining} from "../interfaces/ILiquidityMining.sol";
import {IMiningReserve} from "../interfaces/IMiningReserve.sol";
import {DmcEmissionPool} from "./DmcEmissionPool.sol";

/// @title LiquidityMining
/// @notice Stake a Uniswap V2 LP token to mine DMC from the liquidity bucket of `MiningReserve` for exactly
/// one year from `start`. One instance per LP token (DMC/USDT, DMC/IFIL), each with its budget share of the
/// 10% bucket. Weight = LP staked. Withdrawals never depend on the reserve: a stake is always withdrawable.
/// @dev A stake is counted by the balance that arrived (a fee-on-transfer token stakes what it delivered), and
/// every entry point is non-reentrant (a token with hooks cannot re-enter). A rebasing token is not supported.
contract LiquidityMining is ILiquidityMining, DmcEmissionPool {
    using SafeERC20 for IERC20;

    /// @notice The emission period: one year from `start`.
    uint256 public constant DURATION = 365 days;

    /// @inheritdoc ILiquidityMining
    IERC20 public immutable lpToken;

    /// @param lpToken_ The LP token staked here.
    /// @param reserve_ The mining reserve (the DAO must make this contract a drawer of the liquidity bucket).
    /// @param owner_ The DAO timelock.
    /// @param budget_ This pool's share of the liquidity bucket.
    /// @param start_ First second of emission; it ends {DURATION} later.
    /// @param rate_ DMC wei per second (budget_ / DURATION spends the budget over the year).
    constructor(
        IERC20 lpToken_,
        IMiningReserve reserve_,
        address owner_,
        uint256 budget_,
        uint256 start_,
        uint256 rate_
    ) DmcEmissionPool(reserve_, IMiningReserve.Bucket.Liquidity, owner_, budget_, start_, start_ + DURATION, rate_) {
        if (address(lpToken_) == address(0)) revert Emission_ZeroAddress();
        lpToken = lpToken_;
    }

    /// @inheritdoc ILiquidityMining
    function stake(uint256 amount) external nonReentrant {
        if (amount == 0) revert LpMining_ZeroAmount();
        uint256 before = lpToken.balanceOf(address(this));
        lpToken.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = lpToken.balanceOf(address(this)) - before;
        if (received == 0) revert LpMining_ZeroAmount();
        uint256 staked = _changeWeight(msg.sender, received, 0);
        emit LpStaked(msg.sender, received, staked);
    }

    /// @inheritdoc ILiquidityMining
    function withdraw(uint256 amount, address to) external nonReentrant {
        if (amount == 0) revert LpMining_ZeroAmount();
        _withdraw(amount, to);
    }

    /// @inheritdoc ILiquidityMining
    /// @dev The LP leaves even if the bucket is empty (the DMC then stays claimable).
    function exit(address to) external nonReentrant returns (uint256 lp, uint256 dmcPaid) {
        lp = weightOf(msg.sender);
        if (lp != 0) _withdraw(lp, to);
        dmcPaid = _claim(msg.sender, to, false);
    }

    function _withdraw(uint256 amount, address to) private {
        if (to == address(0)) revert Emission_ZeroAddress();
        uint256 staked = weightOf(msg.sender);
        if (amount > staked) revert LpMining_InsufficientStake(msg.sender, amount, staked);
        staked = _changeWeight(msg.sender, 0, amount);
        emit LpWithdrawn(msg.sender, to, amount, staked);
        lpToken.safeTransfer(to, amount);
    }
}
