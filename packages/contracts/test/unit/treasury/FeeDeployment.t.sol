// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IUniswapV2Pair} from "../../../src/interfaces/uniswap/IUniswapV2Pair.sol";
import {FeeDeployment} from "../../../script/lib/FeeDeployment.sol";
import {UniswapV2Deployment} from "../../../script/lib/UniswapV2Deployment.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";

/// @notice The deployment libraries on the production system (DaoFixture: DaoDeployment as the deploy script
/// runs it): Uniswap V2 from the npm artifacts, the DMC pairs seeded, the splitter and buyback handed to the
/// timelock, and one fee's way from the splitter to DMC in the behaviour bucket.
contract FeeDeploymentTest is DaoFixture {
    UniswapV2Deployment.Uniswap internal uni;
    FeeDeployment.Fees internal fees;

    function setUp() public override {
        super.setUp();
        uni = UniswapV2Deployment.deploy(UniswapV2Deployment.localParams(address(dao.timelock)));

        vm.startPrank(bridge);
        usdt.mint(address(this), 50_000e6);
        ifil.mint(address(this), 12_500e18);
        vm.stopPrank();
        vm.prank(whale1);
        dao.dmc.transfer(address(this), 1_000_000e18); // the first liquidity: 500k DMC a pair at $0.10
        UniswapV2Deployment.seed(uni, address(dao.dmc), address(usdt), 500_000e18, 50_000e6, address(this));
        UniswapV2Deployment.seed(uni, address(dao.dmc), address(ifil), 500_000e18, 12_500e18, address(this));

        address[] memory feeTokens = new address[](2);
        feeTokens[0] = address(usdt);
        feeTokens[1] = address(ifil);
        fees = FeeDeployment.create(IMiningReserve(address(dao.miningReserve)), uni.factory, feeTokens, address(this));
        FeeDeployment.handOver(fees, address(dao.timelock));
    }

    function test_Deploy_WiresAndHandsOverToTheTimelock() public view {
        vm.assertEq(fees.splitter.owner(), address(dao.timelock));
        vm.assertEq(fees.buyback.owner(), address(dao.timelock));
        vm.assertEq(fees.splitter.buyback(), address(fees.buyback));
        vm.assertEq(fees.splitter.commissionLedger(), address(0));
        vm.assertEq(fees.splitter.premiumSink(), address(0));
        vm.assertEq(fees.splitter.premiumBps(), FeeDeployment.PREMIUM_BPS);
        vm.assertTrue(fees.splitter.isFeeToken(address(usdt)));
        vm.assertTrue(fees.splitter.isFeeToken(address(ifil)));
        (address pair,,,) = fees.buyback.markets(address(usdt));
        vm.assertEq(pair, uni.factory.getPair(address(usdt), address(dao.dmc)));
        (pair,,,) = fees.buyback.markets(address(ifil));
        vm.assertEq(pair, uni.factory.getPair(address(ifil), address(dao.dmc)));
        vm.assertEq(address(fees.buyback.dmc()), address(dao.dmc));
        (uint16 s, uint16 i, uint32 w, uint32 a) = fees.buyback.parameters();
        vm.assertEq(s, FeeDeployment.MAX_SLIPPAGE_BPS);
        vm.assertEq(i, FeeDeployment.MAX_INPUT_BPS);
        vm.assertEq(w, FeeDeployment.MIN_WINDOW);
        vm.assertEq(a, FeeDeployment.MAX_AGE);
    }

    /// @dev Fees reach the splitter, go to the buyback, become DMC on the real pair, and land in the behaviour
    /// bucket that TradingRewards draws from.
    function test_HappyPath_FeesToDmcInTheBehaviourBucket() public {
        vm.prank(bridge);
        usdt.mint(address(fees.splitter), 80e6); // as the exchange's fee collection would pay it
        vm.prank(buyer);
        fees.splitter.distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(fees.buyback)), 80e6);

        fees.buyback.observe(address(usdt));
        vm.warp(block.timestamp + FeeDeployment.MIN_WINDOW);
        uint256 before = dao.miningReserve.remaining(IMiningReserve.Bucket.Behaviour);
        IUniswapV2Pair pair = IUniswapV2Pair(uni.factory.getPair(address(usdt), address(dao.dmc)));
        (uint112 r0, uint112 r1,) = pair.getReserves();
        vm.prank(buyer);
        (uint256 amountIn, uint256 dmcOut) = fees.buyback.convert(address(usdt));
        vm.assertEq(amountIn, 80e6);
        // 800 DMC at the pair's $0.10, less the 0.3% fee and the impact
        vm.assertGe(dmcOut, 800e18 * 99 / 100);
        vm.assertLt(dmcOut, 800e18);
        vm.assertEq(dao.miningReserve.remaining(IMiningReserve.Bucket.Behaviour), before + dmcOut);
        (uint112 r0After, uint112 r1After,) = pair.getReserves();
        vm.assertEq(uint256(r0After) + uint256(r1After) + dmcOut, uint256(r0) + uint256(r1) + amountIn);
    }
}
