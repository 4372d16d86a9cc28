// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IUniswapV2Pair} from "../../../src/interfaces/uniswap/IUniswapV2Pair.sol";
import {UniswapV2Deployment} from "../../../script/lib/UniswapV2Deployment.sol";
import {FeeFixture} from "../../utils/FeeFixture.sol";

/// @notice The npm artifacts of Uniswap V2 deployed and working: the router's hardcoded pair init-code hash is the
/// factory's pair, so the router finds the pairs the factory created, adds liquidity and swaps.
contract UniswapV2DeploymentTest is FeeFixture {
    function test_PairInitCodeHashIsTheRouters() public view {
        bytes memory pairCode =
            UniswapV2Deployment.artifactCode(string.concat(UniswapV2Deployment.CORE_BUILD, "UniswapV2Pair.json"));
        vm.assertEq(keccak256(pairCode), UniswapV2Deployment.PAIR_INIT_CODE_HASH);
        // the CREATE2 address the router computes (UniswapV2Library.pairFor) is the factory's pair
        (address token0, address token1) =
            address(dmc) < address(usdt) ? (address(dmc), address(usdt)) : (address(usdt), address(dmc));
        address expected = address(
            uint160(
                uint256(
                    keccak256(
                        abi.encodePacked(
                            hex"ff",
                            address(uni.factory),
                            keccak256(abi.encodePacked(token0, token1)),
                            UniswapV2Deployment.PAIR_INIT_CODE_HASH
                        )
                    )
                )
            )
        );
        vm.assertEq(expected, address(usdtPair));
        vm.assertEq(uni.factory.getPair(address(usdt), address(dmc)), address(usdtPair));
        vm.assertEq(uni.router.factory(), address(uni.factory));
        vm.assertEq(uni.factory.allPairsLength(), 2);
        vm.assertEq(uni.factory.feeToSetter(), timelock);
    }

    function test_SeededLiquidityIsInThePairs() public view {
        (uint112 r0, uint112 r1,) = usdtPair.getReserves();
        (uint256 rDmc, uint256 rUsdt) = usdtPair.token0() == address(dmc) ? (r0, r1) : (r1, r0);
        vm.assertEq(rDmc, DMC_LIQUIDITY);
        vm.assertEq(rUsdt, USDT_LIQUIDITY);
        vm.assertGt(usdtPair.balanceOf(lp), 0);
        vm.assertEq(usdtPair.balanceOf(lp) + 1000, usdtPair.totalSupply()); // MINIMUM_LIQUIDITY locked
        vm.assertGt(ifilPair.balanceOf(lp), 0);
    }

    function test_RouterSwapMatchesGetAmountsOutAndTheFormula() public {
        address[] memory path = new address[](2);
        path[0] = address(usdt);
        path[1] = address(dmc);
        uint256 quoted = uni.router.getAmountsOut(1_000e6, path)[1];
        // x*997*R_out / (R_in*1000 + x*997)
        vm.assertEq(quoted, (1_000e6 * 997 * DMC_LIQUIDITY) / (USDT_LIQUIDITY * 1000 + 1_000e6 * 997));
        uint256 out = _swap(attacker, usdt, address(dmc), 1_000e6);
        vm.assertEq(out, quoted);
        vm.assertEq(dmc.balanceOf(attacker), quoted);
    }

    function test_RouterAddLiquidityToAnExistingPair() public {
        dmc.mint(address(this), 10_000e18);
        usdt.mint(address(this), 1_000e6);
        (, uint256 liquidity) =
            UniswapV2Deployment.seed(uni, address(dmc), address(usdt), 10_000e18, 1_000e6, address(this));
        vm.assertGt(liquidity, 0);
        vm.assertEq(usdtPair.balanceOf(address(this)), liquidity);
        vm.assertEq(uni.factory.allPairsLength(), 2);
    }

    function test_ExistingDeploymentIsTakenAsGiven() public {
        UniswapV2Deployment.Params memory p;
        p.factory = address(uni.factory);
        p.router = address(uni.router);
        UniswapV2Deployment.Uniswap memory again = UniswapV2Deployment.deploy(p);
        vm.assertEq(address(again.factory), address(uni.factory));
        vm.assertEq(address(again.router), address(uni.router));
        vm.assertEq(again.weth, uni.weth);
    }

    function test_RouterOfAnotherFactoryReverts() public {
        UniswapV2Deployment.Params memory p;
        p.factory = address(0xBEEF);
        p.router = address(uni.router);
        vm.expectRevert(
            abi.encodeWithSelector(
                UniswapV2Deployment.UniswapV2Deployment_RouterMismatch.selector, address(uni.factory), address(0xBEEF)
            )
        );
        this.deployExternal(p);
    }

    function deployExternal(UniswapV2Deployment.Params memory p) external {
        UniswapV2Deployment.deploy(p);
    }
}
