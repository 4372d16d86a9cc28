// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {IDmcEmissionPool} from "../../../src/interfaces/IDmcEmissionPool.sol";
import {LiquidityMining} from "../../../src/staking/LiquidityMining.sol";
import {NodeStakingRewards} from "../../../src/staking/NodeStakingRewards.sol";
import {PositionStaking} from "../../../src/staking/PositionStaking.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Drives the three DMC pools: NFT stakes, unstakes and pokes by strangers over pre-bought positions,
/// LP stakes, withdrawals and exits (dust included), node weights set by the weight source, claims to the
/// earner or elsewhere, DAO rate changes, and time passing by seconds to days across the periods' ends. It keeps
/// ghosts of what each pool could have emitted (rate x seconds with weight), paid and the settlements made.
contract StakingHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    HashpowerExchange public immutable exchange;
    PositionStaking public immutable staking;
    LiquidityMining public immutable mining;
    NodeStakingRewards public immutable nodes;
    BridgedToken public immutable lp;
    BridgedToken public immutable dmc;
    address public immutable governor;
    address public immutable nodeSource;
    address public immutable minter;

    address[] public actors;
    uint256[] public tokens;

    /// @dev Per pool (0 NFT, 1 LP, 2 node): the most it could have emitted, what it paid, settlements made.
    uint256[3] public ghostMaxEmission;
    uint256[3] public ghostPaid;
    uint256[3] public ghostSettlements;
    uint256 public ghostLpWithdrawFailures;
    /// @dev The largest total weight each pool accrued over (the carried remainder is below it / 1e12 wei).
    uint256[3] public ghostMaxWeight;

    constructor(
        HashpowerExchange exchange_,
        PositionStaking staking_,
        LiquidityMining mining_,
        NodeStakingRewards nodes_,
        BridgedToken lp_,
        BridgedToken dmc_,
        address governor_,
        address nodeSource_,
        address minter_,
        address[] memory actors_,
        uint256[] memory tokens_
    ) {
        (exchange, staking, mining, nodes, lp, dmc) = (exchange_, staking_, mining_, nodes_, lp_, dmc_);
        (governor, nodeSource, minter) = (governor_, nodeSource_, minter_);
        actors = actors_;
        tokens = tokens_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function pool(uint256 i) public view returns (IDmcEmissionPool) {
        return i == 0 ? IDmcEmissionPool(address(staking)) : i == 1 ? IDmcEmissionPool(address(mining)) : nodes;
    }

    // ------------------------------------------------------------------ NFT staking

    function stakeNft(uint256 tokenSeed) external {
        uint256 tokenId = tokens[tokenSeed % tokens.length];
        if (exchange.lockedBy(tokenId) != address(0)) return;
        if (block.timestamp / 1 days >= exchange.positionState(tokenId).termEndDay) return;
        address owner = exchange.ownerOf(tokenId);
        vm.prank(owner);
        staking.stake(_one(tokenId));
        ++ghostSettlements[0];
    }

    function unstakeNft(uint256 tokenSeed) external {
        uint256 tokenId = tokens[tokenSeed % tokens.length];
        (address staker,) = staking.stakeOf(tokenId);
        if (staker == address(0)) return;
        vm.prank(staker);
        staking.unstake(_one(tokenId));
        ++ghostSettlements[0];
    }

    function pokeNft(uint256 tokenSeed, uint256 count) external {
        count = count % 4 + 1;
        uint256[] memory ids = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            ids[i] = tokens[(tokenSeed % tokens.length + i) % tokens.length];
        }
        staking.poke(ids);
        ghostSettlements[0] += count;
    }

    // ------------------------------------------------------------------ liquidity mining

    function stakeLp(uint256 actorSeed, uint256 amount) external {
        address who = actors[actorSeed % actors.length];
        // mostly real amounts, sometimes dust
        amount = amount % 3 == 0 ? amount % 100 + 1 : amount % 1_000e18 + 1;
        vm.prank(minter);
        lp.mint(who, amount);
        vm.startPrank(who);
        lp.approve(address(mining), amount);
        mining.stake(amount);
        vm.stopPrank();
        ++ghostSettlements[1];
    }

    function withdrawLp(uint256 actorSeed, uint256 amount) external {
        address who = actors[actorSeed % actors.length];
        uint256 staked = mining.weightOf(who);
        if (staked == 0) return;
        amount = amount % staked + 1;
        uint256 before = lp.balanceOf(who);
        vm.prank(who);
        mining.withdraw(amount, who);
        if (lp.balanceOf(who) - before != amount) ++ghostLpWithdrawFailures;
        ++ghostSettlements[1];
    }

    /// @dev Every stake is withdrawable in full: exit must return all of it.
    function exitLp(uint256 actorSeed) external {
        address who = actors[actorSeed % actors.length];
        uint256 staked = mining.weightOf(who);
        uint256 lpBefore = lp.balanceOf(who);
        uint256 dmcBefore = dmc.balanceOf(who);
        vm.prank(who);
        try mining.exit(who) returns (uint256 out, uint256 paid) {
            if (out != staked || lp.balanceOf(who) - lpBefore != staked) ++ghostLpWithdrawFailures;
            ghostPaid[1] += paid;
            if (dmc.balanceOf(who) - dmcBefore != paid) ++ghostLpWithdrawFailures;
        } catch {
            ++ghostLpWithdrawFailures;
        }
        ghostSettlements[1] += 2;
    }

    // ------------------------------------------------------------------ node staking

    function setNodeWeight(uint256 actorSeed, uint256 weight) external {
        address who = actors[actorSeed % actors.length];
        weight = weight % 4 == 0 ? 0 : weight % 100_000e18;
        vm.prank(nodeSource);
        nodes.setWeight(who, weight);
        ++ghostSettlements[2];
    }

    // ------------------------------------------------------------------ claims, governance, time

    function claim(uint256 poolSeed, uint256 actorSeed, bool elsewhere) external {
        uint256 p = poolSeed % 3;
        address who = actors[actorSeed % actors.length];
        address to = elsewhere ? actors[(actorSeed % actors.length + 1) % actors.length] : who;
        uint256 before = dmc.balanceOf(to);
        vm.prank(who);
        try pool(p).claim(to) returns (uint256 amount) {
            ghostPaid[p] += amount;
            if (dmc.balanceOf(to) - before != amount) ghostPaid[p] += type(uint128).max; // breaks 38 loudly
        } catch {}
        ++ghostSettlements[p];
    }

    function setRate(uint256 poolSeed, uint256 rate) external {
        uint256 p = poolSeed % 3;
        rate = rate % 5 == 0 ? 0 : rate % 2e18;
        vm.prank(governor);
        pool(p).setRate(rate);
    }

    function warp(uint256 dt) external {
        dt = dt % 3 == 0 ? dt % 60 + 1 : dt % 5 days + 1;
        for (uint256 p; p < 3; ++p) {
            IDmcEmissionPool pl = pool(p);
            if (pl.totalWeight() == 0) continue;
            if (pl.totalWeight() > ghostMaxWeight[p]) ghostMaxWeight[p] = pl.totalWeight();
            (uint256 s, uint256 e) = pl.period();
            uint256 from = block.timestamp < s ? s : block.timestamp;
            uint256 to = block.timestamp + dt < e ? block.timestamp + dt : e;
            if (to > from) ghostMaxEmission[p] += pl.ratePerSecond() * (to - from);
        }
        vm.warp(block.timestamp + dt);
    }

    function _one(uint256 id) private pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = id;
    }
}
