// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {IPositionLocks} from "../../src/interfaces/IPositionLocks.sol";
import {LiquidityMining} from "../../src/staking/LiquidityMining.sol";
import {NodeStakingRewards} from "../../src/staking/NodeStakingRewards.sol";
import {PositionStaking} from "../../src/staking/PositionStaking.sol";

/// @title StakingDeployment
/// @notice Deploys the DMC emission pools of issue 13, each owned by the DAO timelock from birth: NFT staking
/// (behaviour bucket), liquidity mining for the DMC/USDT and DMC/IFIL LP tokens (liquidity bucket, one year each)
/// and node-staking rewards (node-staking bucket). The pools only emit once the DAO runs {daoCalls}: each made a
/// drawer of its bucket, and PositionStaking approved as a locker of the exchange (while the deployer still holds
/// the exchange's GOVERNOR_ROLE it may make the `setLocker` call itself). Schedules: docs/decisions/0019.
library StakingDeployment {
    /// @notice The pools.
    struct Pools {
        PositionStaking nftStaking;
        LiquidityMining dmcUsdtMining;
        LiquidityMining dmcIfilMining;
        NodeStakingRewards nodeRewards;
    }

    /// @notice Budgets (DMC wei) and periods; each rate is budget / duration (the DAO may change it later).
    struct Schedule {
        uint256 start;
        uint256 nftBudget;
        uint256 nftDuration;
        uint256 dmcUsdtBudget;
        uint256 dmcIfilBudget;
        uint256 nodeBudget;
        uint256 nodeDuration;
    }

    /// @notice The launch schedule from `start`: NFT staking 6M DMC over a year (of the 30M behaviour bucket,
    /// which trading rewards share); liquidity mining 6M (DMC/USDT) and 4M (DMC/IFIL) over the year (the whole
    /// 10M liquidity bucket); node staking 5M over a year (half the 10M bucket, the rest for later years).
    function defaultSchedule(uint256 start) internal pure returns (Schedule memory s) {
        s.start = start;
        s.nftBudget = 6_000_000e18;
        s.nftDuration = 365 days;
        s.dmcUsdtBudget = 6_000_000e18;
        s.dmcIfilBudget = 4_000_000e18;
        s.nodeBudget = 5_000_000e18;
        s.nodeDuration = 365 days;
    }

    /// @param exchange The exchange (its positions are staked in place).
    /// @param reserve The mining reserve.
    /// @param timelock The DAO timelock: owner of every pool.
    /// @param dmcUsdtLp The DMC/USDT Uniswap V2 pair (its LP token).
    /// @param dmcIfilLp The DMC/IFIL Uniswap V2 pair.
    /// @param weightSource PromotionNodes, or zero (the DAO then sets it once).
    /// @param s Budgets and periods ({defaultSchedule}).
    function deploy(
        IPositionLocks exchange,
        IMiningReserve reserve,
        address timelock,
        IERC20 dmcUsdtLp,
        IERC20 dmcIfilLp,
        address weightSource,
        Schedule memory s
    ) internal returns (Pools memory p) {
        p.nftStaking = new PositionStaking(
            exchange, reserve, timelock, s.nftBudget, s.start, s.start + s.nftDuration, s.nftBudget / s.nftDuration
        );
        uint256 year = 365 days;
        p.dmcUsdtMining =
            new LiquidityMining(dmcUsdtLp, reserve, timelock, s.dmcUsdtBudget, s.start, s.dmcUsdtBudget / year);
        p.dmcIfilMining =
            new LiquidityMining(dmcIfilLp, reserve, timelock, s.dmcIfilBudget, s.start, s.dmcIfilBudget / year);
        p.nodeRewards = new NodeStakingRewards(
            reserve,
            timelock,
            weightSource,
            s.nodeBudget,
            s.start,
            s.start + s.nodeDuration,
            s.nodeBudget / s.nodeDuration
        );
    }

    /// @notice The calls the DAO (timelock) must make for the pools to work: the three buckets' drawers and the
    /// exchange's locker approval. One proposal, or part of the deploy while the deployer still governs.
    function daoCalls(Pools memory p, IMiningReserve reserve, IPositionLocks exchange)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](5);
        values = new uint256[](5);
        calldatas = new bytes[](5);
        targets[0] = address(reserve);
        calldatas[0] =
            abi.encodeCall(IMiningReserve.setDrawer, (IMiningReserve.Bucket.Behaviour, address(p.nftStaking), true));
        targets[1] = address(reserve);
        calldatas[1] =
            abi.encodeCall(IMiningReserve.setDrawer, (IMiningReserve.Bucket.Liquidity, address(p.dmcUsdtMining), true));
        targets[2] = address(reserve);
        calldatas[2] =
            abi.encodeCall(IMiningReserve.setDrawer, (IMiningReserve.Bucket.Liquidity, address(p.dmcIfilMining), true));
        targets[3] = address(reserve);
        calldatas[3] =
            abi.encodeCall(IMiningReserve.setDrawer, (IMiningReserve.Bucket.NodeStaking, address(p.nodeRewards), true));
        targets[4] = address(exchange);
        calldatas[4] = abi.encodeWithSignature("setLocker(address,bool)", address(p.nftStaking), true);
    }
}
