// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ILiquidityMiningErrors} from "../errors/StakingErrors.sol";
import {IDmcEmissionPool} from "./IDmcEmissionPool.sol";

/// @title ILiquidityMining
/// @notice Stake a Uniswap V2 LP token (custody) to mine DMC from the liquidity bucket for exactly one year
/// from `start`. One instance per LP token (DMC/USDT, DMC/IFIL), each with its own budget. Weight = LP staked,
/// counted by the balance that arrived. See docs/decisions/0019-dmc-emission-pools.md.
interface ILiquidityMining is IDmcEmissionPool, ILiquidityMiningErrors {
    /// @notice `account` staked `amount` LP (what arrived).
    /// @param account The staker.
    /// @param amount LP wei received.
    /// @param staked Its stake now.
    event LpStaked(address indexed account, uint256 amount, uint256 staked);
    /// @notice `account` withdrew `amount` LP to `to`.
    /// @param account The staker.
    /// @param to The recipient.
    /// @param amount LP wei.
    /// @param staked Its stake now.
    event LpWithdrawn(address indexed account, address indexed to, uint256 amount, uint256 staked);

    /// @notice Stakes `amount` LP from the caller (approve first); the stake is what arrived.
    /// Emits {LpStaked} and {IDmcEmissionPool.WeightChanged}.
    /// @param amount LP wei, not zero.
    function stake(uint256 amount) external;

    /// @notice Withdraws `amount` of the caller's LP to `to`, at any time. Emits {LpWithdrawn}.
    /// @param amount LP wei, at most the caller's stake.
    /// @param to The recipient.
    function withdraw(uint256 amount, address to) external;

    /// @notice Withdraws the caller's whole stake and claims its DMC, both to `to`.
    /// @param to The recipient.
    /// @return lp LP wei withdrawn.
    /// @return dmcPaid DMC wei paid (zero if nothing was earned).
    function exit(address to) external returns (uint256 lp, uint256 dmcPaid);

    /// @notice The LP token staked here.
    /// @return The token.
    function lpToken() external view returns (IERC20);
}
