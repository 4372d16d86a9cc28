// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {IUniswapV2Pair} from "../../src/interfaces/uniswap/IUniswapV2Pair.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {FeeFixture} from "../utils/FeeFixture.sol";

/// @notice Fuzzed conversions against a bound the test works out itself from the pair's cumulative prices: the
/// DMC out is never below amountIn x TWAP x (1 - slippage), whatever the fees, the trades inside the window, the
/// same-block push, the wait and the slippage; a conversion that reverts leaves the fees where they were.
contract FeeBuybackFuzzTest is FeeFixture {
    /// @dev The pair's cumulative price of `token` in DMC now (UniswapV2OracleLibrary, written out again).
    function _cumulative(IUniswapV2Pair pair, address token) internal view returns (uint256 c) {
        bool is0 = pair.token0() == token;
        c = is0 ? pair.price0CumulativeLast() : pair.price1CumulativeLast();
        (uint112 r0, uint112 r1, uint32 last) = pair.getReserves();
        unchecked {
            uint32 elapsed = uint32(block.timestamp) - last;
            if (elapsed > 0) {
                uint256 price = is0 ? (uint256(r1) << 112) / r0 : (uint256(r0) << 112) / r1;
                c += price * elapsed;
            }
        }
    }

    struct Case {
        BridgedToken token;
        IUniswapV2Pair pair;
        uint256 liquidity;
        uint256 fund;
        uint256 slippage;
        uint256 wait;
        uint256 c0;
        uint256 priceX112;
        uint256 remainingBefore;
    }

    function testFuzz_ConvertNeverBelowTheTwapBound(
        uint256 fund,
        uint256 midTrade,
        bool midDmcUp,
        uint256 push,
        bool pushDmcUp,
        uint256 wait,
        uint256 slippage,
        bool useIfil
    ) public {
        Case memory c;
        c.token = useIfil ? ifil : usdt;
        c.pair = useIfil ? ifilPair : usdtPair;
        c.liquidity = useIfil ? IFIL_LIQUIDITY : USDT_LIQUIDITY;
        c.fund = bound(fund, 1, c.liquidity / 10);
        c.slippage = bound(slippage, 1, 1_000);
        c.wait = bound(wait, WINDOW, MAX_AGE);
        vm.prank(timelock);
        buyback.setParameters(c.slippage, 20, WINDOW, MAX_AGE);
        _fund(c.token, c.fund);

        buyback.observe(address(c.token));
        c.c0 = _cumulative(c.pair, address(c.token));
        uint256 t0 = block.timestamp;
        vm.warp(block.timestamp + c.wait / 2);
        _move(c, midTrade, midDmcUp); // inside the window: moves the TWAP
        vm.warp(t0 + c.wait);
        _move(c, push, pushDmcUp); // in the conversion's block: moves only the spot
        c.priceX112 = (_cumulative(c.pair, address(c.token)) - c.c0) / c.wait;
        c.remainingBefore = reserve.remaining(IMiningReserve.Bucket.Behaviour);
        _check(c);
    }

    function _move(Case memory c, uint256 amount, bool dmcUp) internal {
        amount = bound(amount, 0, c.liquidity / 5);
        if (amount < c.liquidity / 1e6) return; // a trade too small to pay out anything reverts in the router
        if (dmcUp) _swap(attacker, c.token, address(dmc), amount);
        else _swap(attacker, dmc, address(c.token), amount * DMC_LIQUIDITY / c.liquidity);
    }

    function _check(Case memory c) internal {
        vm.prank(keeper);
        try buyback.convert(address(c.token)) returns (uint256 amountIn, uint256 dmcOut) {
            uint256 minOut = Math.mulDiv(amountIn, c.priceX112, 2 ** 112) * (10_000 - c.slippage) / 10_000;
            vm.assertGe(dmcOut, minOut, "DMC out below the TWAP bound");
            vm.assertGt(minOut, 0);
            vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), c.remainingBefore + dmcOut);
            vm.assertEq(c.token.balanceOf(address(buyback)), c.fund - amountIn);
            vm.assertLe(amountIn, _reserveIn(c.pair, address(c.token)) * 20 / 10_000 + 1);
        } catch {
            vm.assertEq(c.token.balanceOf(address(buyback)), c.fund, "a failed conversion keeps the fees");
            vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), c.remainingBefore);
        }
    }

    function testFuzz_SplitterConservesEveryUnit(uint256 balance, uint256 owed, uint256 premiumBps) public {
        balance = bound(balance, 1, 1e30);
        owed = bound(owed, 0, 2e30);
        premiumBps = bound(premiumBps, 0, 5_000);
        vm.prank(timelock);
        splitter.setPremiumBps(premiumBps);
        ifil.mint(address(splitter), balance);
        ledger.setOwed(address(ifil), owed);
        splitter.distribute(address(ifil));
        uint256 c = Math.min(owed, balance);
        vm.assertEq(ifil.balanceOf(address(ledger)), c);
        vm.assertEq(ifil.balanceOf(address(premiumSink)), (balance - c) * premiumBps / 10_000);
        vm.assertEq(
            ifil.balanceOf(address(ledger)) + ifil.balanceOf(address(premiumSink)) + ifil.balanceOf(address(buyback)),
            balance
        );
        vm.assertEq(ifil.balanceOf(address(splitter)), 0);
    }

    function _reserveIn(IUniswapV2Pair pair, address token) internal view returns (uint256) {
        (uint112 r0, uint112 r1,) = pair.getReserves();
        return pair.token0() == token ? r0 : r1;
    }
}
