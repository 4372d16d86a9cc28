// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ProtocolParameters} from "../../src/governance/ProtocolParameters.sol";
import {ITradingRewards} from "../../src/interfaces/ITradingRewards.sol";
import {PositionListings} from "../../src/trading/PositionListings.sol";
import {TestLocker} from "../mocks/TestLocker.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";
import {ListingsHandler} from "./handlers/ListingsHandler.sol";

/// @notice Invariants 24 and 25 of test/invariant/README.md: a listing never fills for a position its
/// seller no longer holds, and the listing fees are held until swept.
contract ListingsInvariants is ExchangeFixture {
    ListingsHandler internal handler;
    PositionListings internal listings;

    function setUp() public override {
        super.setUp();
        ProtocolParameters params = new ProtocolParameters(governor, 200, 100);
        listings = new PositionListings(exchange, params, ITradingRewards(address(0)), governor, treasury);
        TestLocker locker = new TestLocker(exchange);
        vm.prank(governor);
        exchange.setLocker(address(locker), true);
        uint256 second = _createOffering(miner, 500, PRICE, START_DAY + 3, START_DAY + 3 + TERM_DAYS);

        address[] memory actors = new address[](3);
        (actors[0], actors[1], actors[2]) = (alice, bob, carol);
        uint256[] memory tokens = new uint256[](6);
        for (uint256 i; i < 6; ++i) {
            tokens[i] = _buy(actors[i % 3], i < 3 ? offeringId : second, 5 + i);
        }
        for (uint256 i; i < 3; ++i) {
            vm.startPrank(actors[i]);
            usdt.approve(address(listings), type(uint256).max);
            exchange.setApprovalForAll(address(locker), true);
            vm.stopPrank();
        }
        uint256[] memory offerings = new uint256[](2);
        (offerings[0], offerings[1]) = (offeringId, second);
        handler = new ListingsHandler(exchange, listings, usdt, locker, governor, actors, tokens, offerings);
        // Never vacuous: one listing and its fill before the campaign.
        handler.list(0, 100e6, 1 days);
        handler.buy(1, 0);
        targetContract(address(handler));
    }

    /// 24. A listing never fills for a position its seller no longer holds: every fill's seller owned the
    /// position, unlocked, right before it; and a listing whose position left the seller or was locked
    /// never fills again unless the seller itself approved this contract anew.
    function invariant_24_listingNeverFillsForPositionNotHeld() public view {
        vm.assertGt(handler.ghostFills(), 0, "the setup fill counts");
        vm.assertEq(handler.ghostFillsOfPositionsNotHeld(), 0, "24: filled a position its seller did not hold");
        vm.assertEq(handler.ghostRevivedFills(), 0, "24: a dead listing filled");
    }

    /// 25. Listing fees are held: the contract's stablecoin balance is the fees collected and not yet swept,
    /// equal to feesAccrued; seller + fee == price for every fill.
    function invariant_25_listingFeesAreHeld() public view {
        uint256 held = handler.ghostFeesCollected() - handler.ghostFeesSwept();
        vm.assertEq(usdt.balanceOf(address(listings)), held, "25: balance is unswept fees");
        vm.assertEq(listings.feesAccrued(address(usdt)), held, "25: feesAccrued is unswept fees");
        vm.assertEq(handler.ghostBadSplits(), 0, "25: seller + fee != price");
    }

    /// @dev The handler reaches every path the invariants are about: fills, a fill refused after a
    /// transfer away and back, after a lock and unlock, and after a halt.
    function test_HandlerReachesEveryPath() public {
        uint256 fills = handler.ghostFills();
        handler.list(2, 50e6, 1 days); // carol's token 2
        handler.buy(0, 2); // alice buys it
        vm.assertEq(handler.ghostFills(), fills + 1);

        handler.list(2, 60e6, 1 days); // alice lists it again
        handler.transfer(2, 1); // to bob
        handler.transfer(2, 0); // and back to alice
        handler.buy(1, 2);
        vm.assertEq(handler.ghostFills(), fills + 1, "a listing dead by transfer did not fill");

        handler.list(2, 70e6, 1 days);
        handler.lock(2);
        handler.unlock(2);
        handler.buy(1, 2);
        vm.assertEq(handler.ghostFills(), fills + 1, "a listing dead by lock did not fill");
        vm.assertGt(handler.ghostLocks(), 0);

        handler.list(5, 80e6, 30 days); // a position of the second offering
        handler.halt(1, 0);
        vm.assertEq(handler.ghostHalts(), 1);
        handler.buy(0, 5);
        vm.assertEq(handler.ghostFills(), fills + 1, "a listing of a halted offering did not fill");

        handler.sweep();
        vm.assertGt(handler.ghostFeesSwept(), 0);
        invariant_24_listingNeverFillsForPositionNotHeld();
        invariant_25_listingFeesAreHeld();
    }
}
