// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {MutualInsurance} from "../../../src/insurance/MutualInsurance.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IMutualInsurance} from "../../../src/interfaces/IMutualInsurance.sol";
import {IMutualInsuranceErrors} from "../../../src/errors/InsurancePoolErrors.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {LoansFixture} from "../lending/LoansFixture.sol";

/// @notice A payout to a position pledged in the real PositionLoans (its lock routes the refund to the loan): the
/// borrower who has not repaid cannot take it; it stays with the NFT, so the lender who forecloses gets it, and a
/// borrower who repays gets it back with the position.
contract MutualInsuranceLoansTest is LoansFixture {
    address internal dao = makeAddr("dao");
    BridgedToken internal dmc;
    MutualInsurance internal pool;
    uint256 internal loanId;
    uint256 internal payoutId;

    function setUp() public override {
        super.setUp();
        dmc = _token("DMC", "DMC", 18);
        pool = new MutualInsurance(
            dao,
            IERC20(address(dmc)),
            IHashpowerExchange(address(exchange)),
            IMutualInsurance.Params({cooldown: 14 days, window: 7 days, claimDuration: 30 days, maxPotShareBps: 5_000})
        );
        vm.prank(bridge);
        dmc.mint(dao, 100_000e18);
        vm.startPrank(dao);
        dmc.approve(address(pool), type(uint256).max);
        pool.addToFund(100_000e18);
        vm.stopPrank();

        loanId = _basicLoanA(); // carol lends to alice against tokenA (10 of the 40 units sold)
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 claimId = pool.openClaim(offeringId);
        vm.prank(dao);
        pool.executePayout(claimId, 4_000e18); // 100 DMC a unit
        payoutId = claimId;
    }

    function test_Attack_PledgedPositionPayoutWaitsForTheLoan() public {
        vm.assertEq(exchange.lockedBy(tokenA), address(loans));
        bytes memory pledged =
            abi.encodeWithSelector(IMutualInsuranceErrors.Mutual_PositionPledged.selector, tokenA, address(loans));
        vm.prank(alice);
        vm.expectRevert(pledged);
        pool.claimPayout(payoutId, _ids(tokenA));
        vm.prank(stranger);
        vm.expectRevert(pledged);
        pool.claimPayout(payoutId, _ids(tokenA, tokenB));
        // bob's free position claims as usual
        pool.claimPayout(payoutId, _ids(tokenB));
        vm.assertEq(dmc.balanceOf(bob), 3_000e18);
        vm.assertEq(pool.claimableOf(payoutId, tokenA), 1_000e18, "attached to the NFT");
    }

    function test_PledgedPositionPayout_LenderWhoForeclosesGetsIt() public {
        vm.warp(_graceEnd(loanId));
        vm.prank(carol);
        loans.foreclose(loanId);
        vm.assertEq(exchange.ownerOf(tokenA), carol);
        vm.prank(alice); // the borrower tries to pull it to itself: paid to the owner, the lender
        pool.claimPayout(payoutId, _ids(tokenA));
        vm.assertEq(dmc.balanceOf(carol), 1_000e18);
        vm.assertEq(dmc.balanceOf(alice), 0);
    }

    function test_PledgedPositionPayout_BorrowerWhoRepaysGetsIt() public {
        _repay(alice, loanId, _debt(loanId));
        vm.assertEq(exchange.lockedBy(tokenA), address(0));
        pool.claimPayout(payoutId, _ids(tokenA));
        vm.assertEq(dmc.balanceOf(alice), 1_000e18);
    }
}
