// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DMCToken} from "../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {TradingRewards} from "../../src/trading/TradingRewards.sol";
import {TestBase} from "./TestBase.sol";

/// @notice The real DMC token and mining reserve (30M behaviour bucket) and a `TradingRewards` with the deploy
/// parameters (7-day epochs from a UTC day, 100,000 DMC per epoch, cap 10 DMC per $1 of fee), a timelock
/// standing in for the DAO, one registered source and two listed fee tokens (6 and 18 decimals).
abstract contract TradingRewardsFixture is TestBase {
    uint256 internal constant START_DAY = 20_000;
    uint256 internal constant EPOCH = 7 days;
    uint256 internal constant BUDGET = 100_000e18;
    uint256 internal constant CAP = 10e18;
    uint256 internal constant BEHAVIOUR = 30_000_000e18;

    address internal timelock = makeAddr("timelock");
    address internal source = makeAddr("source");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    DMCToken internal dmc;
    MiningReserve internal reserve;
    TradingRewards internal rewards;
    BridgedToken internal usdt;
    BridgedToken internal dai;
    uint256 internal genesis;

    function setUp() public virtual {
        vm.warp(START_DAY * 1 days + 12 hours);
        genesis = START_DAY * 1 days;
        usdt = _feeToken("Tether USD (local)", "USDT", 6);
        dai = _feeToken("Dai (local)", "DAI", 18);
        DMCToken.Allocation[] memory a = new DMCToken.Allocation[](1);
        a[0] = DMCToken.Allocation(address(this), 50_000_000e18, "rest");
        dmc = new DMCToken(DMCToken.MiningBuckets(BEHAVIOUR, 10_000_000e18, 10_000_000e18), timelock, a);
        reserve = dmc.miningReserve();
        rewards = new TradingRewards(timelock, dmc, IMiningReserve(address(reserve)), genesis, EPOCH, BUDGET, CAP);
        vm.startPrank(timelock);
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(rewards), true);
        rewards.setSource(source, true);
        rewards.setFeeToken(address(usdt), true);
        rewards.setFeeToken(address(dai), true);
        vm.stopPrank();
    }

    function _feeToken(string memory name, string memory symbol, uint8 decimals) internal returns (BridgedToken token) {
        token = new BridgedToken(name, symbol, decimals, address(this));
        token.grantRole(token.MINTER_ROLE(), address(this));
        vm.label(address(token), symbol);
    }

    function _credit(address account, address token, uint256 fee) internal {
        vm.prank(source);
        rewards.recordFee(account, address(0), token, fee);
    }

    function _warpToEpoch(uint256 epoch) internal {
        vm.warp(rewards.epochStart(epoch));
    }

    function _claim(address account) internal returns (uint256) {
        vm.prank(account);
        return rewards.claim(account);
    }
}
