// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {DMCToken} from "../../../src/dmc/DMCToken.sol";
import {PromotionNodes} from "../../../src/nodes/PromotionNodes.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {MockWeightSink} from "../../mocks/MockWeightSink.sol";
import {TestBase} from "../../utils/TestBase.sol";

/// @notice PromotionNodes on the real DMC token (ERC20Votes, timestamp clock), a 6-decimal USDT, a recording
/// emission pool, and a fee hook account standing in for TradingRewards. Every actor holds DMC, delegated to
/// itself, and approved the nodes contract.
abstract contract NodesFixture is TestBase {
    uint256 internal constant MAIN_STAKE = 20_000e18;
    uint256 internal constant LIGHT_STAKE = 2_000e18;
    uint256 internal constant COOLDOWN = 14 days;
    uint256 internal constant COMMISSION_BPS = 2_000;
    uint256 internal constant MAIN_SHARE_BPS = 3_000;
    uint256 internal constant MAX_RECRUITS = 3;

    address internal timelock = makeAddr("timelock");
    address internal hook = makeAddr("hook");
    address internal splitter = makeAddr("splitter");
    address internal mainA = makeAddr("mainA");
    address internal mainB = makeAddr("mainB");
    address internal lightA = makeAddr("lightA");
    address internal lightB = makeAddr("lightB");
    address internal buyer = makeAddr("buyer");
    address internal stranger = makeAddr("stranger");

    DMCToken internal dmc;
    BridgedToken internal usdt;
    PromotionNodes internal nodes;
    MockWeightSink internal sink;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        DMCToken.Allocation[] memory a = new DMCToken.Allocation[](1);
        a[0] = DMCToken.Allocation(address(this), 50_000_000e18, "test");
        dmc = new DMCToken(DMCToken.MiningBuckets(30_000_000e18, 10_000_000e18, 10_000_000e18), timelock, a);
        usdt = new BridgedToken("Tether USD", "USDT", 6, address(this));
        usdt.grantRole(usdt.MINTER_ROLE(), address(this));
        nodes = new PromotionNodes(
            timelock,
            IERC20(address(dmc)),
            hook,
            MAIN_STAKE,
            LIGHT_STAKE,
            COOLDOWN,
            COMMISSION_BPS,
            MAIN_SHARE_BPS,
            MAX_RECRUITS
        );
        sink = new MockWeightSink();
        vm.prank(timelock);
        nodes.setWeightSink(address(sink));
        address[6] memory actors = [mainA, mainB, lightA, lightB, buyer, stranger];
        for (uint256 i; i < actors.length; ++i) {
            _fundDmc(actors[i], 100_000e18);
        }
        usdt.mint(splitter, 1_000_000e6);
        vm.prank(splitter);
        usdt.approve(address(nodes), type(uint256).max);
        vm.warp(block.timestamp + 1);
    }

    function _fundDmc(address account, uint256 amount) internal {
        dmc.transfer(account, amount);
        vm.startPrank(account);
        dmc.delegate(account);
        dmc.approve(address(nodes), type(uint256).max);
        vm.stopPrank();
    }

    function _main(address account) internal {
        vm.prank(account);
        nodes.registerMainNode();
    }

    function _light(address account, address mainNode) internal {
        vm.prank(mainNode);
        nodes.recruit(account, true);
        vm.prank(account);
        nodes.registerLightNode(mainNode);
    }

    function _refer(address referrer, address who, uint256 fee) internal {
        vm.prank(hook);
        nodes.recordReferral(referrer, who, address(usdt), fee);
    }

    function _fundAll() internal {
        uint256 unfunded = nodes.unfundedCommission(address(usdt));
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), unfunded);
    }

    function _exit(address account) internal {
        vm.prank(account);
        nodes.requestExit();
    }
}
