// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IFeeBuybackErrors} from "../../../src/errors/FeeErrors.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IUniswapV2Factory} from "../../../src/interfaces/uniswap/IUniswapV2Factory.sol";
import {IUniswapV2Pair} from "../../../src/interfaces/uniswap/IUniswapV2Pair.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {FeeBuyback} from "../../../src/treasury/FeeBuyback.sol";
import {UniswapV2Deployment} from "../../../script/lib/UniswapV2Deployment.sol";
import {FeeFixture} from "../../utils/FeeFixture.sol";

/// @notice A fee token that hands control to a target whenever it leaves one account (ERC-777 `tokensToSend`
/// style), to re-enter the buyback in the middle of its swap.
contract HookedFeeToken is ERC20 {
    address public hookedFrom;
    address public target;
    bytes public data;
    bool public called;
    bool public succeeded;
    bytes public result;

    constructor() ERC20("Hooked", "HOOK") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setHook(address from, address target_, bytes calldata data_) external {
        hookedFrom = from;
        target = target_;
        data = data_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == hookedFrom && from != address(0) && !called) {
            called = true;
            (succeeded, result) = target.call(data);
        }
        super._update(from, to, value);
    }
}

contract FeeBuybackTest is FeeFixture {
    event Converted(
        address indexed token,
        address indexed caller,
        uint256 amountIn,
        uint256 dmcOut,
        uint256 dmcAtTwap,
        uint256 minOut,
        uint256 window
    );
    event Replenished(IMiningReserve.Bucket indexed bucket, address indexed from, uint256 amount, uint256 remaining);

    /// @dev DMC wei per USDT base unit at the seeded price ($0.10 a DMC): 1e24 / 1e11.
    uint256 internal constant USDT_PRICE = 1e13;

    function _convert(address token) internal returns (uint256 amountIn, uint256 dmcOut) {
        vm.prank(keeper);
        return buyback.convert(token);
    }

    // ------------------------------------------------------------------ happy paths

    function test_Convert_BuysAtLeastTheBoundAndReplenishesBehaviour() public {
        _fund(usdt, 100e6);
        _observeAndWait(address(usdt));
        uint256 dmcAtTwap = 100e6 * USDT_PRICE; // 1,000 DMC: the price has not moved
        uint256 expectedOut = (100e6 * 997 * DMC_LIQUIDITY) / (USDT_LIQUIDITY * 1000 + 100e6 * 997);
        vm.expectEmit(address(buyback));
        emit Converted(address(usdt), keeper, 100e6, expectedOut, dmcAtTwap, dmcAtTwap * 99 / 100, WINDOW);
        vm.expectEmit(address(reserve));
        emit Replenished(IMiningReserve.Bucket.Behaviour, address(buyback), expectedOut, BEHAVIOUR + expectedOut);
        (uint256 amountIn, uint256 dmcOut) = _convert(address(usdt));

        vm.assertEq(amountIn, 100e6);
        vm.assertEq(dmcOut, expectedOut);
        vm.assertGe(dmcOut, dmcAtTwap * 99 / 100);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR + dmcOut);
        vm.assertEq(dmc.balanceOf(address(buyback)), 0);
        vm.assertEq(usdt.balanceOf(address(buyback)), 0);
        (uint128 tIn, uint128 tOut, uint128 tTwap, uint64 n) = buyback.totals(address(usdt));
        vm.assertEq(tIn, 100e6);
        vm.assertEq(tOut, dmcOut);
        vm.assertEq(tTwap, dmcAtTwap);
        vm.assertEq(n, 1);
        vm.assertEq(buyback.totalDmcBought(), dmcOut);
    }

    function test_Convert_IfilWith18Decimals() public {
        _fund(ifil, 10e18);
        _observeAndWait(address(ifil));
        (, uint256 dmcOut) = _convert(address(ifil));
        // 40 DMC an IFIL: 400 DMC at the TWAP, less the 0.3% fee and ~0.04% impact
        vm.assertGe(dmcOut, 396e18);
        vm.assertLt(dmcOut, 400e18);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR + dmcOut);
    }

    function test_Convert_CapsTheInputAtTheReserveShare() public {
        _fund(usdt, 10_000e6);
        _observeAndWait(address(usdt));
        (uint256 amountIn,) = _convert(address(usdt));
        vm.assertEq(amountIn, USDT_LIQUIDITY * 20 / 10_000); // 200 USDT
        vm.assertEq(usdt.balanceOf(address(buyback)), 10_000e6 - amountIn);
        // the next call converts the next slice
        (amountIn,) = _convert(address(usdt));
        vm.assertGt(amountIn, 199e6);
        (,,, uint64 n) = buyback.totals(address(usdt));
        vm.assertEq(n, 2);
    }

    function test_Quote_IsWhatConvertDoes() public {
        _fund(usdt, 150e6);
        _observeAndWait(address(usdt));
        (uint256 qIn, uint256 qOut, uint256 qTwap, uint256 qMin) = buyback.quote(address(usdt));
        vm.assertEq(qTwap, 150e6 * USDT_PRICE);
        vm.assertEq(qMin, qTwap * 99 / 100);
        (uint256 amountIn, uint256 dmcOut) = _convert(address(usdt));
        vm.assertEq(amountIn, qIn);
        vm.assertEq(dmcOut, qOut);
    }

    function test_Convert_RecordsACheckpointWhenDue() public {
        _fund(usdt, 300e6);
        _observeAndWait(address(usdt));
        (,, uint32 prevBefore, uint32 lastBefore) = buyback.markets(address(usdt));
        vm.assertEq(prevBefore, 0);
        _convert(address(usdt));
        (,, uint32 prev, uint32 last) = buyback.markets(address(usdt));
        vm.assertEq(prev, lastBefore);
        vm.assertEq(last, uint32(block.timestamp));
        // the new checkpoint is young, so the next call uses the older one
        (uint256 priceX112, uint256 window) = buyback.twap(address(usdt));
        vm.assertEq(window, WINDOW);
        vm.assertGt(priceX112, 0);
        _convert(address(usdt));
        (,, uint32 prevAfter, uint32 lastAfter) = buyback.markets(address(usdt));
        vm.assertEq(prevAfter, prev); // not due again
        vm.assertEq(lastAfter, last);
    }

    function test_Twap_IsTheTimeWeightedPrice() public {
        buyback.observe(address(usdt));
        vm.warp(block.timestamp + 10 minutes);
        // the price moves: 10 minutes at the seeded price, 20 at the new one
        _swap(attacker, usdt, address(dmc), 1_000e6);
        (uint112 r0, uint112 r1,) = usdtPair.getReserves();
        (uint256 rUsdt, uint256 rDmc) = usdtPair.token0() == address(usdt) ? (r0, r1) : (r1, r0);
        vm.warp(block.timestamp + 20 minutes);
        (uint256 priceX112, uint256 window) = buyback.twap(address(usdt));
        uint256 expected = ((USDT_PRICE << 112) * 600 + ((rDmc << 112) / rUsdt) * 1200) / 1800;
        vm.assertEq(window, 1800);
        vm.assertApproxEqAbs(priceX112, expected, 1);
    }

    /// @dev The gas key `buybackConvert`: a keeper's call in steady state (totals written before, a checkpoint due
    /// or not). Run with `--isolate` for the figure of a transaction of its own (cold storage, 21k base): 157,548
    /// with a checkpoint, 137,387 without; without `--isolate` the pair and tokens are warm (~71k).
    function test_Gas_BuybackConvert() public {
        _fund(usdt, 1_000e6);
        _observeAndWait(address(usdt));
        _convert(address(usdt)); // warm the steady state: totals written, a checkpoint taken
        vm.warp(block.timestamp + WINDOW);
        vm.prank(keeper);
        uint256 before = gasleft();
        buyback.convert(address(usdt));
        uint256 used = before - gasleft();
        emit log_named_uint("buybackConvert gas (checkpoint due)", used);
        vm.assertLt(used, 170_000);

        vm.prank(keeper);
        before = gasleft();
        buyback.convert(address(usdt));
        used = before - gasleft();
        emit log_named_uint("buybackConvert gas (no checkpoint)", used);
        vm.assertLt(used, 165_000);
    }

    // ------------------------------------------------------------------ attacks

    /// @dev A sandwich that moves the spot beyond the slippage: the conversion reverts, the fees stay.
    function test_Attack_SandwichBeyondSlippageReverts() public {
        _fund(usdt, 200e6);
        _observeAndWait(address(usdt));
        (, uint256 fairOut,, uint256 minOut) = buyback.quote(address(usdt));
        _swap(attacker, usdt, address(dmc), 2_000e6); // front-run: DMC 4% dearer
        uint256 spotOut = (200e6 * 997 * _reserveOf(usdtPair, address(dmc)))
            / (_reserveOf(usdtPair, address(usdt)) * 1000 + 200e6 * 997);
        vm.assertLt(spotOut, minOut);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_BelowTwapBound.selector, spotOut, minOut));
        vm.prank(attacker);
        buyback.convert(address(usdt));
        vm.assertEq(usdt.balanceOf(address(buyback)), 200e6);
        vm.assertGt(fairOut, minOut);
    }

    /// @dev A sandwich small enough to pass the bound: the attacker front-runs, calls convert itself, back-runs
    /// in the same block, and ends with less USDT than it started with.
    function test_Attack_SandwichWithinSlippageLoses() public {
        _fund(usdt, 1_000e6);
        _observeAndWait(address(usdt));
        uint256 start = 150e6;
        usdt.mint(attacker, start);
        uint256 dmcBought = _swap(attacker, usdt, address(dmc), start);
        vm.prank(attacker);
        (uint256 amountIn, uint256 dmcOut) = buyback.convert(address(usdt));
        vm.assertEq(amountIn, (USDT_LIQUIDITY + start) * 20 / 10_000); // the cap: 0.2% of the reserve, front-run included
        uint256 back = _swap(attacker, BridgedToken(address(dmc)), address(usdt), dmcBought);
        vm.assertLt(back, start, "the sandwich lost");
        vm.assertGe(dmcOut, amountIn * USDT_PRICE * 99 / 100);
    }

    /// @dev The spot is moved in the block of the conversion: the TWAP does not see it (zero seconds).
    function test_Attack_FlashSpotDoesNotMoveTheTwap() public {
        _fund(usdt, 100e6);
        _observeAndWait(address(usdt));
        (uint256 before,) = buyback.twap(address(usdt));
        _swap(attacker, usdt, address(dmc), 50_000e6); // DMC 2.25x dearer at spot
        (uint256 afterSwap,) = buyback.twap(address(usdt));
        vm.assertEq(afterSwap, before);
        vm.expectRevert();
        vm.prank(attacker);
        buyback.convert(address(usdt));
    }

    /// @dev A price held for a few blocks enters the TWAP only for its seconds: 12 s of a 2.25x spot in a 30 min
    /// window moves the bound by under 0.5%, and the conversion at that spot still reverts. Holding it longer means
    /// holding a position every arbitrageur can take.
    function test_Attack_ManipulationHeldForSecondsBarelyMovesTheTwap() public {
        _fund(usdt, 100e6);
        buyback.observe(address(usdt));
        vm.warp(block.timestamp + WINDOW - 12);
        uint256 fair = USDT_PRICE << 112; // the price until the swap
        _swap(attacker, usdt, address(dmc), 50_000e6);
        vm.warp(block.timestamp + 12);
        (uint256 moved, uint256 window) = buyback.twap(address(usdt));
        vm.assertEq(window, WINDOW);
        vm.assertLt(moved, fair);
        vm.assertGt(moved, fair * 995 / 1000);
        vm.expectRevert();
        buyback.convert(address(usdt));
    }

    /// @dev A stale checkpoint cannot anchor the bound: at maxAge it is usable, one second later not.
    function test_Attack_FlashSpotWithStaleTwapReverts() public {
        _fund(usdt, 100e6);
        buyback.observe(address(usdt));
        vm.warp(block.timestamp + MAX_AGE + 1);
        _swap(attacker, BridgedToken(address(dmc)), address(usdt), 100_000e18);
        vm.expectRevert(
            abi.encodeWithSelector(IFeeBuybackErrors.Buyback_StaleObservation.selector, MAX_AGE + 1, MAX_AGE)
        );
        buyback.convert(address(usdt));
        // a fresh checkpoint and a full window later it converts at the new price
        buyback.observe(address(usdt));
        vm.warp(block.timestamp + WINDOW);
        _convert(address(usdt));
    }

    function test_Attack_StaleBoundaryIsExactlyMaxAge() public {
        _fund(usdt, 100e6);
        buyback.observe(address(usdt));
        vm.warp(block.timestamp + MAX_AGE);
        _convert(address(usdt));
    }

    function test_Attack_NoObservationYet() public {
        _fund(usdt, 100e6);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NoObservation.selector, address(usdt)));
        buyback.convert(address(usdt));
    }

    /// @dev One second short of the window reverts; exactly the window converts.
    function test_Attack_WindowTooShort() public {
        _fund(usdt, 100e6);
        buyback.observe(address(usdt));
        vm.warp(block.timestamp + WINDOW - 1);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_WindowTooShort.selector, WINDOW - 1, WINDOW));
        buyback.convert(address(usdt));
        vm.warp(block.timestamp + 1);
        _convert(address(usdt));
    }

    /// @dev Observing as often as possible cannot keep the window short: a new checkpoint needs a full window
    /// since the last, so the older one is always at least a window old.
    function test_Attack_ObservationSpamCannotShortenTheWindow() public {
        _fund(usdt, 100e6);
        _observeAndWait(address(usdt));
        vm.prank(attacker);
        buyback.observe(address(usdt));
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_ObservationTooSoon.selector, 0, WINDOW));
        vm.prank(attacker);
        buyback.observe(address(usdt));
        (, uint256 window) = buyback.twap(address(usdt));
        vm.assertEq(window, WINDOW);
        _convert(address(usdt));
    }

    /// @dev 1 wei of USDT converts within the bound; 1 wei of a token worth under a DMC wei reverts as dust.
    function test_Attack_DustAmounts() public {
        _fund(usdt, 1);
        _observeAndWait(address(usdt));
        (uint256 amountIn, uint256 dmcOut) = _convert(address(usdt));
        vm.assertEq(amountIn, 1);
        vm.assertGe(dmcOut, USDT_PRICE * 99 / 100);
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR + dmcOut);

        BridgedToken junk = _token("Junk", "JNK", 18);
        junk.mint(address(this), 1e33);
        dmc.mint(address(this), 1e18);
        UniswapV2Deployment.seed(uni, address(dmc), address(junk), 1e18, 1e33, lp);
        vm.prank(timelock);
        buyback.setMarket(address(junk), true);
        _fund(junk, 1);
        _observeAndWait(address(junk));
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_DustAmount.selector, 1));
        buyback.convert(address(junk));
    }

    function test_Attack_FeeTokenWithNoPair() public {
        BridgedToken orphan = _token("Orphan", "ORP", 6);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NoPair.selector, address(orphan)));
        vm.prank(timelock);
        buyback.setMarket(address(orphan), true);
        _fund(orphan, 100e6);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NotListed.selector, address(orphan)));
        buyback.convert(address(orphan));
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NotListed.selector, address(orphan)));
        buyback.observe(address(orphan));
        vm.assertEq(orphan.balanceOf(address(buyback)), 100e6);
        // DMC itself is never a market
        vm.expectRevert(IFeeBuybackErrors.Buyback_TokenIsDmc.selector);
        vm.prank(timelock);
        buyback.setMarket(address(dmc), true);
    }

    function test_Attack_PairWithoutLiquidity() public {
        BridgedToken fresh = _token("Fresh", "FRS", 6);
        address pair = uni.factory.createPair(address(fresh), address(dmc));
        vm.prank(timelock);
        buyback.setMarket(address(fresh), true);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NoLiquidity.selector, pair));
        buyback.observe(address(fresh));
    }

    /// @dev A fee token that calls back into the buyback while it is paid into the pair: the inner call hits
    /// the guard, the outer conversion completes once.
    function test_Attack_ReentrancyThroughCallbackToken() public {
        HookedFeeToken hooked = new HookedFeeToken();
        hooked.mint(address(this), 100_000e18);
        dmc.mint(address(this), 1_000_000e18);
        UniswapV2Deployment.seed(uni, address(dmc), address(hooked), 1_000_000e18, 100_000e18, lp);
        vm.prank(timelock);
        buyback.setMarket(address(hooked), true);
        hooked.mint(address(buyback), 100e18);
        _fund(usdt, 100e6);
        buyback.observe(address(hooked));
        _observeAndWait(address(usdt));
        hooked.setHook(address(buyback), address(buyback), abi.encodeCall(buyback.convert, (address(usdt))));

        _convert(address(hooked));
        vm.assertTrue(hooked.called());
        vm.assertFalse(hooked.succeeded());
        vm.assertEq(
            keccak256(hooked.result()),
            keccak256(abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector))
        );
        (,,, uint64 nUsdt) = buyback.totals(address(usdt));
        (,,, uint64 nHooked) = buyback.totals(address(hooked));
        vm.assertEq(nUsdt, 0);
        vm.assertEq(nHooked, 1);
        vm.assertEq(usdt.balanceOf(address(buyback)), 100e6);
    }

    /// @dev The DAO changes the bounds between the checkpoint and the conversion: each change applies to the
    /// next call only, and can make it wait or revert, never pay more than the bound then in force.
    function test_Attack_ParametersChangedBetweenObservationAndConvert() public {
        _fund(usdt, 100e6);
        _observeAndWait(address(usdt));
        // a longer window: the checkpoint is too young now
        vm.prank(timelock);
        buyback.setParameters(100, 20, 1 hours, 2 days);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_WindowTooShort.selector, WINDOW, 1 hours));
        buyback.convert(address(usdt));
        // a slippage below the pair's fee: no conversion can pass
        vm.prank(timelock);
        buyback.setParameters(20, 20, WINDOW, 2 days);
        vm.expectRevert();
        buyback.convert(address(usdt));
        // a shorter max age than the checkpoint's: stale
        vm.warp(block.timestamp + 31 minutes);
        vm.prank(timelock);
        buyback.setParameters(100, 20, WINDOW, 1 hours);
        vm.expectRevert(
            abi.encodeWithSelector(IFeeBuybackErrors.Buyback_StaleObservation.selector, WINDOW + 31 minutes, 1 hours)
        );
        buyback.convert(address(usdt));
        // back to sane bounds: the fees were never at risk
        vm.prank(timelock);
        buyback.setParameters(100, 20, WINDOW, 2 days);
        (uint256 amountIn, uint256 dmcOut) = _convert(address(usdt));
        vm.assertEq(amountIn, 100e6);
        vm.assertGe(dmcOut, 100e6 * USDT_PRICE * 99 / 100);
    }

    function test_Attack_ListingAgainResetsCheckpoints() public {
        _fund(usdt, 100e6);
        _observeAndWait(address(usdt));
        vm.startPrank(timelock);
        buyback.setMarket(address(usdt), false);
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NotListed.selector, address(usdt)));
        buyback.convert(address(usdt));
        buyback.setMarket(address(usdt), true);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_NoObservation.selector, address(usdt)));
        buyback.convert(address(usdt));
    }

    function test_Attack_StrangerCallsDaoSetters() public {
        vm.startPrank(attacker);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, attacker));
        buyback.setMarket(address(usdt), false);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, attacker));
        buyback.setParameters(1_000, 30, 10 minutes, 20 minutes);
        vm.stopPrank();
    }

    function test_SetParameters_Bounds() public {
        vm.startPrank(timelock);
        _expectInvalid(0, 20, WINDOW, MAX_AGE);
        _expectInvalid(1_001, 20, WINDOW, MAX_AGE);
        _expectInvalid(100, 0, WINDOW, MAX_AGE);
        _expectInvalid(100, 31, WINDOW, MAX_AGE);
        _expectInvalid(100, 20, 10 minutes - 1, MAX_AGE);
        _expectInvalid(100, 20, 1 days + 1, 7 days);
        _expectInvalid(100, 20, WINDOW, 2 * WINDOW - 1);
        _expectInvalid(100, 20, WINDOW, 7 days + 1);
        buyback.setParameters(1_000, 30, 10 minutes, 20 minutes);
        buyback.setParameters(1, 1, 1 days, 7 days);
        vm.stopPrank();
        (uint16 s, uint16 i, uint32 w, uint32 a) = buyback.parameters();
        vm.assertEq(s, 1);
        vm.assertEq(i, 1);
        vm.assertEq(w, 1 days);
        vm.assertEq(a, 7 days);
    }

    function test_Constructor_RejectsZeroAddresses() public {
        vm.expectRevert(IFeeBuybackErrors.Buyback_ZeroAddress.selector);
        new FeeBuyback(timelock, IMiningReserve(address(reserve)), IUniswapV2Factory(address(0)), _defaultParameters());
    }

    function _expectInvalid(uint256 s, uint256 i, uint256 w, uint256 a) internal {
        vm.expectRevert(abi.encodeWithSelector(IFeeBuybackErrors.Buyback_InvalidParameters.selector, s, i, w, a));
        buyback.setParameters(s, i, w, a);
    }

    function _reserveOf(IUniswapV2Pair pair, address token) internal view returns (uint256) {
        (uint112 r0, uint112 r1,) = pair.getReserves();
        return pair.token0() == token ? r0 : r1;
    }
}
