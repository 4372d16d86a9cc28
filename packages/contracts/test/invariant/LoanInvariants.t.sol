// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionLoans} from "../../src/interfaces/IPositionLoans.sol";
import {LockPayouts, PositionState} from "../../src/types/HashpowerTypes.sol";
import {LoansFixture} from "../unit/lending/LoansFixture.sol";
import {LoansHandler} from "./handlers/LoansHandler.sol";

/// @notice Invariants 31-37 of test/invariant/README.md (loans), checked after every random action of
/// handlers/LoansHandler.sol, in one invariant function (a campaign per invariant would multiply the
/// suite's time; each failure names its number).
contract LoanInvariants is LoansFixture {
    LoansHandler internal handler;
    address[] internal actors;
    address[3] internal moneys;

    function setUp() public override {
        super.setUp();
        uint256 second = _createOffering(miner, 500, PRICE, START_DAY + 3, START_DAY + 3 + TERM_DAYS);
        actors = [alice, bob, carol, dave];
        uint256[] memory tokens = new uint256[](6);
        (tokens[0], tokens[1]) = (tokenA, tokenB);
        tokens[2] = _buy(carol, offeringId, 8);
        tokens[3] = _buy(dave, second, 12);
        tokens[4] = _buy(alice, second, 6);
        tokens[5] = _buy(bob, second, 20);
        vm.startPrank(bridge);
        for (uint256 i; i < 4; ++i) {
            ifil.mint(actors[i], 1_000e18);
            wbtc.mint(actors[i], 10e8);
        }
        vm.stopPrank();
        uint256[] memory offerings = new uint256[](2);
        (offerings[0], offerings[1]) = (offeringId, second);
        handler = new LoansHandler(
            LoansHandler.Setup({
                exchange: exchange,
                loans: loans,
                params: params,
                oracle: oracle,
                usdt: usdt,
                ifil: ifil,
                wbtc: wbtc,
                governor: governor,
                reporter: reporter,
                bridge: bridge,
                assetId: filAsset,
                marketWad: MARKET_FIL_WAD
            }),
            actors,
            tokens,
            offerings
        );
        moneys = [address(usdt), address(ifil), address(wbtc)];
        vm.warp((START_DAY + 3) * DAY + 12 hours); // both terms started: rewards can be deposited from tomorrow

        // Never vacuous: a position loan (carol to alice, self-repayable) and a token loan before the campaign.
        handler.makeOffer(2, 0, 0, 50e6 << 100, _termsSeed(1_000, 2 days, REWARD_PRICE));
        handler.acceptOffer(0, 0);
        vm.assertEq(loans.loanOf(tokenA).lender, carol);
        handler.makeOffer(3, 3, 1 << 8, (10e6 << 100) | 5e18, _termsSeed(500, 3 days, 0));
        handler.acceptOffer(0, 1); // the newest offer, by bob
        vm.assertEq(handler.loanCount(), 2);
        handler.setSelfRepaying(0, true, 1);
        vm.assertTrue(loans.loanOf(tokenA).selfRepaying);
        targetContract(address(handler));
    }

    /// @dev The bits of the handler's terms seed: apr, duration - 1 h, no minimum, reward price - 1.
    function _termsSeed(uint256 apr, uint256 duration, uint256 price) internal pure returns (uint256 seed) {
        seed = apr | ((duration - 1 hours) << 16) | (1 << 48);
        if (price != 0) seed |= (1 << 64) | ((price - 1) << 72);
    }

    /// @dev The handler reaches the paths the invariants are about: partial and full repayment, rewards
    /// applied, a refinance, a rollover, a foreclosure, claims and a sweep.
    function test_HandlerReachesEveryPath() public {
        handler.warp(1 days);
        handler.earn(0);
        handler.earn(0);
        handler.applyRewards(0, 0);
        vm.assertGt(handler.calls("applyRewards"), 0, "rewards applied");
        handler.repay(0, 1, 1 + (1_000 << 8)); // 1,001 base units, by bob
        vm.assertGt(handler.calls("repayPartial"), 0);
        handler.refinance(0, 3, 0, 0); // dave takes tokenA's loan over at 0%
        vm.assertEq(loans.loanOf(tokenA).lender, dave);
        handler.rollover(0, 1 << 8, 0); // to an offer bob makes for tokenA (1 unit at 0% for 1 h)
        vm.assertEq(loans.loanOf(tokenA).lender, bob);
        handler.repay(0, 2, 0); // in full, by carol
        vm.assertEq(handler.calls("repayFull"), 1);
        handler.warp(1 days);
        handler.warp(1 days);
        handler.warp(1 days); // past the token loan's grace end (setup + 4 days)
        handler.foreclose(1, 0); // the token loan, past its grace
        vm.assertEq(handler.calls("foreclose"), 1);
        handler.claim(3, 1, 0); // dave's IFIL to alice
        handler.sweepFees(0);
        vm.assertGt(handler.calls("claim"), 0);
        invariant_31_to_37_loans();
    }

    /// 31. A pledged position is exactly one of: free with its owner and no loan; locked by PositionLoans
    ///     for exactly one active loan whose borrower owns it; the lender's after foreclosure (checked as it
    ///     happens, and repaid collateral returns to the borrower). No stranger pledges another's position
    ///     or cancels another's order.
    /// 32. PositionLoans never owns a position.
    /// 33. For every token, PositionLoans' balance == sum of credits + fees accrued + escrowed collateral.
    /// 34. A loan's debt is never below its principal (which is never zero); a payment lowers the debt by
    ///     exactly what it paid, and pays min(amount, debt).
    /// 35. Every active position loan's lockHolder is PositionLoans, with the payouts its mode routes
    ///     (ALL while self-repaying, else the refund only); every token loan holds its escrow.
    /// 36. Repayment (repay, applyRewards, rollover) and foreclosure are never both valid at one second.
    /// 37. No offer lends more often than its maxFills (acceptances and rollovers).
    function invariant_31_to_37_loans() public view {
        uint256 n = handler.tokenCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.tokens(i);
            PositionState memory st = exchange.positionState(id);
            IPositionLoans.Loan memory l = loans.loanOf(id);
            if (st.lockHolder == address(0)) {
                vm.assertEq(l.borrower, address(0), "31: a free position has no loan");
                vm.assertEq(st.lockPayouts, LockPayouts.TO_OWNER, "31: a free position pays its owner");
            } else {
                vm.assertEq(st.lockHolder, address(loans), "35: locked by PositionLoans only");
                vm.assertTrue(l.borrower != address(0), "31: locked only for a live loan");
                vm.assertEq(l.borrower, st.owner, "31: the borrower owns the pledged position");
                vm.assertFalse(l.tokenCollateral, "31: a position loan");
            }
        }
        vm.assertEq(handler.ghostCollateralToWrongAccount(), 0, "31: collateral went to the wrong account");
        vm.assertEq(handler.ghostStrangerSuccesses(), 0, "31: a stranger acted on another's position or order");
        vm.assertEq(exchange.balanceOf(address(loans)), 0, "32: PositionLoans holds a position");

        uint256[3] memory escrow;
        uint256 loansN = handler.loanCount();
        for (uint256 i; i < loansN; ++i) {
            uint256 id = handler.loanIds(i);
            IPositionLoans.Loan memory l = loans.loanOf(id);
            if (l.borrower == address(0)) continue;
            vm.assertGt(l.principal, 0, "34: a live loan owes principal");
            (uint256 debt,) = loans.debtOf(id);
            vm.assertGe(debt, l.principal, "34: debt below principal");
            if (l.tokenCollateral) {
                IPositionLoans.TokenCollateral memory c = loans.tokenCollateralOf(id);
                vm.assertGt(c.amount, 0, "35: a token loan holds its escrow");
                escrow[c.token == address(ifil) ? 1 : 2] += c.amount;
            } else {
                PositionState memory st = exchange.positionState(id);
                vm.assertEq(st.lockHolder, address(loans), "35: a live position loan is locked by PositionLoans");
                uint8 payouts = l.selfRepaying ? LockPayouts.ALL : LockPayouts.REFUND_TO_LOCKER;
                vm.assertEq(st.lockPayouts, payouts, "35: payouts follow the loan's mode");
            }
        }
        vm.assertEq(handler.ghostBadPayments(), 0, "34: a payment moved the debt by other than it paid");

        for (uint256 t; t < 3; ++t) {
            address token = moneys[t];
            uint256 credits;
            for (uint256 a; a < actors.length; ++a) {
                credits += loans.creditOf(actors[a], token);
            }
            vm.assertEq(
                _balanceOf(token),
                credits + loans.feesAccrued(token) + escrow[t],
                "33: balance == credits + fees + escrow"
            );
        }
        vm.assertEq(handler.ghostWindowOverlaps(), 0, "36: repayment and foreclosure overlapped");
        vm.assertEq(handler.ghostOverFilledOffers(), 0, "37: an offer lent beyond its maxFills");
    }

    function _balanceOf(address token) internal view returns (uint256) {
        return token == address(usdt)
            ? usdt.balanceOf(address(loans))
            : token == address(ifil) ? ifil.balanceOf(address(loans)) : wbtc.balanceOf(address(loans));
    }
}
