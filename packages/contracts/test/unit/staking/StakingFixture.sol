// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MiningReserve} from "../../../src/dmc/MiningReserve.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IPositionLocks} from "../../../src/interfaces/IPositionLocks.sol";
import {LiquidityMining} from "../../../src/staking/LiquidityMining.sol";
import {NodeStakingRewards} from "../../../src/staking/NodeStakingRewards.sol";
import {PositionStaking} from "../../../src/staking/PositionStaking.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {ExchangeFixture} from "../../utils/ExchangeFixture.sol";

/// @notice The exchange fixture plus a DMC token, a mining reserve owned by `governor` (the timelock's stand-in)
/// and the three pools, authorised as drawers, with PositionStaking approved as a locker.
abstract contract StakingFixture is ExchangeFixture {
    uint256 internal constant BUDGET = 1_000_000e18;
    uint256 internal constant RATE = 0.1e18; // 0.1 DMC per second: the budget lasts ~115 days
    uint256 internal constant BEHAVIOUR = 30_000_000e18;
    uint256 internal constant LIQUIDITY = 10_000_000e18;
    uint256 internal constant NODE = 10_000_000e18;

    address internal nodeSource = makeAddr("promotionNodes");
    address internal stranger = makeAddr("stranger");

    BridgedToken internal dmc;
    BridgedToken internal lp;
    MiningReserve internal reserve;
    PositionStaking internal staking;
    LiquidityMining internal mining;
    NodeStakingRewards internal nodes;
    uint256 internal start;

    function setUp() public virtual override {
        super.setUp();
        dmc = _token("DMC", "DMC", 18);
        lp = _token("DMC/USDT LP", "UNI-V2", 18);
        reserve = new MiningReserve(IERC20(address(dmc)), governor, BEHAVIOUR, LIQUIDITY, NODE);
        vm.prank(bridge);
        dmc.mint(address(reserve), BEHAVIOUR + LIQUIDITY + NODE);
        start = block.timestamp;
        staking = new PositionStaking(
            IPositionLocks(address(exchange)), reserve, governor, BUDGET, start, start + 365 days, RATE
        );
        mining = new LiquidityMining(IERC20(address(lp)), reserve, governor, BUDGET, start, RATE);
        nodes = new NodeStakingRewards(reserve, governor, nodeSource, BUDGET, start, start + 365 days, RATE);
        vm.startPrank(governor);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(staking), true);
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, address(mining), true);
        reserve.setDrawer(IMiningReserve.Bucket.NodeStaking, address(nodes), true);
        exchange.setLocker(address(staking), true);
        vm.stopPrank();
        vm.label(address(staking), "PositionStaking");
        vm.label(address(mining), "LiquidityMining");
        vm.label(address(nodes), "NodeStakingRewards");
    }

    /// @dev `who` buys `units` of the fixture offering, approves the staking pool and stakes it.
    function _buyAndStake(address who, uint256 units) internal returns (uint256 tokenId) {
        tokenId = _buy(who, offeringId, units);
        _approveAndStake(who, tokenId);
    }

    function _approveAndStake(address who, uint256 tokenId) internal {
        vm.startPrank(who);
        exchange.approve(address(staking), tokenId);
        staking.stake(_ids(tokenId));
        vm.stopPrank();
    }

    function _mintLp(address who, uint256 amount) internal {
        vm.prank(bridge);
        lp.mint(who, amount);
        vm.prank(who);
        lp.approve(address(mining), type(uint256).max);
    }

    function _absDiff(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }
}
