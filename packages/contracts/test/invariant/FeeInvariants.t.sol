// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {FeeFixture} from "../utils/FeeFixture.sol";
import {FeeHandler} from "./handlers/FeeHandler.sol";

/// @notice Invariants 44-47 of test/invariant/README.md: the buyback never pays more than the TWAP bound; the
/// splitter never sends more than it received; every distributed unit ends in exactly one sink; every DMC bought
/// reached the behaviour bucket.
contract FeeInvariants is FeeFixture {
    FeeHandler internal handler;
    uint256 internal reserveDmcAtStart;

    function setUp() public override {
        super.setUp();
        handler = new FeeHandler(splitter, buyback, ledger, uni.router, usdt, ifil, timelock);
        dmc.grantRole(dmc.MINTER_ROLE(), address(handler));
        usdt.grantRole(usdt.MINTER_ROLE(), address(handler));
        ifil.grantRole(ifil.MINTER_ROLE(), address(handler));
        reserveDmcAtStart = dmc.balanceOf(address(reserve));
        // never vacuous: fees in both tokens distributed, one owed commission funded, one conversion each
        handler.owe(0, 10e6);
        handler.feesArrive(0, 400e6);
        handler.feesArrive(1, 30e18);
        handler.distribute(0);
        handler.distribute(1);
        handler.observe(0);
        handler.observe(1);
        handler.warp(WINDOW);
        handler.convert(0);
        handler.convert(1);
        require(handler.conversions() == 2, "setUp: no conversion");
        targetContract(address(handler));
    }

    /// 44. The buyback never pays more than the bound: every conversion's DMC out is at least amountIn x TWAP x
    /// (1 - slippage in force), by the bound the handler works out from `twap` before the call, and is what
    /// `quote` said.
    function invariant_44_buybackNeverPaysMoreThanTheBound() public view {
        vm.assertEq(handler.boundViolations(), 0, "44: below the bound");
        vm.assertEq(handler.quoteMismatches(), 0, "44: quote differs");
        for (uint256 i; i < 2; ++i) {
            address token = address(handler.tokens(i));
            (,, uint128 dmcAtTwap,) = buyback.totals(token);
            (, uint128 dmcOut,,) = buyback.totals(token);
            vm.assertGe(dmcOut, handler.ghostBound(token), "44: totals below the bounds");
            vm.assertGe(dmcAtTwap, handler.ghostBound(token), "44: TWAP value below the bound");
        }
    }

    /// 45. The splitter never sends more than it received: per token, what it sent to the sinks plus what it holds
    /// is exactly what reached it.
    function invariant_45_splitterNeverSendsMoreThanItReceived() public view {
        for (uint256 i; i < 2; ++i) {
            address token = address(handler.tokens(i));
            (uint128 c, uint128 p, uint128 b) = splitter.sent(token);
            vm.assertEq(
                uint256(c) + p + b + handler.tokens(i).balanceOf(address(splitter)),
                handler.ghostReceived(token),
                "45: sent + held != received"
            );
        }
    }

    /// 46. Every distributed unit ends in exactly one sink: the ledger holds the commission sent, the premium sink
    /// the premiums, and the buyback's balance plus what it converted is what it was sent.
    function invariant_46_everyDistributedUnitInExactlyOneSink() public view {
        for (uint256 i; i < 2; ++i) {
            address token = address(handler.tokens(i));
            (uint128 c, uint128 p, uint128 b) = splitter.sent(token);
            vm.assertEq(handler.tokens(i).balanceOf(address(ledger)), c, "46: ledger");
            vm.assertEq(handler.tokens(i).balanceOf(address(premiumSink)), p, "46: premium sink");
            (uint128 converted,,,) = buyback.totals(token);
            vm.assertEq(handler.tokens(i).balanceOf(address(buyback)) + converted, b, "46: buyback");
        }
    }

    /// 47. Every DMC bought reached the behaviour bucket: the bucket grew by exactly the DMC bought (nobody draws
    /// here), the reserve holds it, the buyback keeps none, and the total is the sum per token.
    function invariant_47_boughtDmcReachesTheBehaviourBucket() public view {
        uint256 bought = buyback.totalDmcBought();
        (, uint128 outUsdt,,) = buyback.totals(address(usdt));
        (, uint128 outIfil,,) = buyback.totals(address(ifil));
        vm.assertEq(bought, uint256(outUsdt) + outIfil, "47: total");
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), BEHAVIOUR + bought, "47: bucket");
        vm.assertEq(dmc.balanceOf(address(reserve)), reserveDmcAtStart + bought, "47: reserve balance");
        vm.assertEq(dmc.balanceOf(address(buyback)), 0, "47: parked DMC");
    }
}
