// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {BlacklistableUSDT} from "../mocks/BlacklistableUSDT.sol";
import {CallbackToken} from "../mocks/CallbackToken.sol";
import {ReentrantReceiver} from "../mocks/ReentrantReceiver.sol";
import {UnitHelpers} from "./UnitHelpers.sol";
import {IExchangeErrors} from "../../src/errors/ExchangeErrors.sol";

/// @notice Hostile holders and tokens: re-entry from ERC-721 and token callbacks, and a USDT-style
/// blacklist that must not let one sanctioned party block anyone else's money.
contract HostileTest is UnitHelpers {
    bytes internal REENTRANT = abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);

    ReentrantReceiver internal receiver;

    function setUp() public override {
        super.setUp();
        receiver = new ReentrantReceiver(address(exchange));
    }

    // ================================================================== ERC-721 receiver re-entry

    function test_GivenSafeTransferIntoReceiver_ReentrantClaimSeesConsistentState() public {
        uint256 tokenA = _buy(alice, offeringId, 10);
        _warpToDay(TERM_START + 2);
        _deposit(offeringId, 2e18);
        receiver.setNftAction(abi.encodeCall(exchange.claimRewards, (_ids(tokenA))));

        vm.prank(alice);
        exchange.safeTransferFrom(alice, address(receiver), tokenA);

        vm.assertEq(receiver.nftCallbacks(), 1);
        vm.assertTrue(receiver.lastSuccess(), "claiming as the new owner is legitimate");
        vm.assertEq(abi.decode(receiver.lastReturnData(), (uint256)), 2e18);
        vm.assertEq(ifil.balanceOf(address(receiver)), 2e18, "rewards travel with the NFT");
        vm.assertEq(ifil.balanceOf(alice), 0);
        vm.assertEq(exchange.claimableRewards(tokenA), 0);
        vm.assertEq(ifil.balanceOf(address(exchange)), 0, "paid exactly once");
    }

    function test_GivenSafeTransferIntoReceiver_ReentrantRefundIsPaidOnce() public {
        uint256 tokenA = _buy(alice, offeringId, 10);
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
        uint256 refund = _expectedRefund(10 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7);
        receiver.setNftAction(abi.encodeCall(exchange.claimRefunds, (_ids(tokenA))));
        vm.prank(alice);
        exchange.safeTransferFrom(alice, address(receiver), tokenA);
        vm.assertTrue(receiver.lastSuccess());
        vm.assertEq(usdt.balanceOf(address(receiver)), refund);

        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.Exchange_AlreadyRefunded.selector, tokenA));
        receiver.execute(address(exchange), abi.encodeCall(exchange.claimRefunds, (_ids(tokenA))));
    }

    function test_GivenSafeTransferIntoReceiver_ReentrantClaimOfPreviousOwnersOtherTokenFails() public {
        uint256 tokenA = _buy(alice, offeringId, 10);
        uint256 tokenA2 = _buy(alice, offeringId, 5);
        _warpToDay(TERM_START + 2);
        _deposit(offeringId, 3e18);
        receiver.setNftAction(abi.encodeCall(exchange.claimRewards, (_ids(tokenA, tokenA2))));
        vm.prank(alice);
        exchange.safeTransferFrom(alice, address(receiver), tokenA);
        vm.assertFalse(receiver.lastSuccess());
        vm.assertEq(
            receiver.lastReturnData(),
            abi.encodeWithSelector(
                IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA2, address(receiver)
            )
        );
        vm.assertEq(exchange.claimableRewards(tokenA), 2e18, "the failed batch changed nothing");
    }

    // ================================================================== token callback re-entry

    function _callbackRewardOffering(CallbackToken cbt) internal returns (uint256 id) {
        _listRewardToken(filAsset, address(cbt));
        OfferingTerms memory t = _terms(miner, 1_000, PRICE, TERM_START, TERM_END);
        t.rewardToken = address(cbt);
        id = _createWith(t);
        cbt.mint(miner, 1_000e18);
        vm.prank(miner);
        cbt.approve(address(exchange), type(uint256).max);
    }

    function _receiverBuys(uint256 id, uint256 units) internal returns (uint256 tokenId) {
        vm.prank(bridge);
        usdt.mint(address(receiver), units * PRICE);
        receiver.execute(address(usdt), abi.encodeCall(usdt.approve, (address(exchange), units * PRICE)));
        bytes memory ret =
            receiver.execute(address(exchange), abi.encodeCall(exchange.buy, (id, units, units * PRICE, address(0))));
        tokenId = abi.decode(ret, (uint256));
    }

    /// @dev The re-entrant call must either hit the guard or find nothing left to take: the tests
    /// check the property (no double payment), not which of the two mechanisms provides it.
    function _assertGuardedOr(ReentrantReceiver r, bytes memory nothingLeft) internal view {
        vm.assertTrue(r.reentered(), "the hostile callback ran");
        bytes memory ret = r.lastReturnData();
        bool guarded = !r.lastSuccess() && keccak256(ret) == keccak256(REENTRANT);
        bool empty = keccak256(ret) == keccak256(nothingLeft);
        vm.assertTrue(guarded || empty, "re-entry must be refused or find nothing left");
    }

    function test_GivenRewardTokenCallback_ReentrantClaimPaysNothingMore() public {
        CallbackToken cbt = new CallbackToken();
        uint256 id = _callbackRewardOffering(cbt);
        uint256 tokenR = _receiverBuys(id, 10);
        _warpToDay(TERM_START + 2);
        _deposit(id, 5e18);
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        receiver.setTokenAction(abi.encodeCall(exchange.claimRewards, (_ids(tokenR))));

        receiver.execute(address(exchange), abi.encodeCall(exchange.claimRewards, (_ids(tokenR))));

        vm.assertEq(receiver.tokenCallbacks(), 1, "no second payment, so no second callback");
        _assertGuardedOr(receiver, abi.encode(uint256(0)));
        vm.assertEq(cbt.balanceOf(address(receiver)), 5e18, "paid once");
        vm.assertEq(cbt.balanceOf(address(exchange)), 0);
    }

    function test_GivenRewardTokenCallbackMidBatch_ReentrantClaimOfLaterPositionsPaysEachOnce() public {
        CallbackToken cbt = new CallbackToken();
        uint256 id = _callbackRewardOffering(cbt);
        uint256 r1 = _receiverBuys(id, 10);
        vm.prank(alice);
        uint256 a1 = exchange.buy(id, 20, type(uint256).max, address(0));
        uint256 r2 = _receiverBuys(id, 30);
        _warpToDay(TERM_START + 2);
        _deposit(id, 60e18); // 1 a unit
        vm.prank(alice);
        exchange.setApprovalForAll(address(receiver), true);
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        // paying the first run (r1) hands control over while a1 and r2 are not settled yet
        receiver.setTokenAction(abi.encodeCall(exchange.claimRewards, (_ids(r2, a1))));

        bytes memory ret =
            receiver.execute(address(exchange), abi.encodeCall(exchange.claimRewards, (_ids(r1, a1, r2))));

        uint256 outer = abi.decode(ret, (uint256));
        uint256 inner = receiver.lastSuccess() ? abi.decode(receiver.lastReturnData(), (uint256)) : 0;
        vm.assertEq(outer + inner, 60e18, "every position paid exactly once across both calls");
        vm.assertEq(cbt.balanceOf(address(receiver)), 40e18);
        vm.assertEq(cbt.balanceOf(alice), 20e18);
        vm.assertEq(cbt.balanceOf(address(exchange)), 0);
    }

    function test_GivenRewardTokenCallback_NftMovedMidClaimCannotBeClaimedAgain() public {
        CallbackToken cbt = new CallbackToken();
        uint256 id = _callbackRewardOffering(cbt);
        uint256 tokenR = _receiverBuys(id, 10);
        _warpToDay(TERM_START + 2);
        _deposit(id, 5e18);
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        // transfers are not behind the guard: the snapshot must already be settled when paying
        receiver.setTokenAction(
            abi.encodeWithSignature("transferFrom(address,address,uint256)", address(receiver), bob, tokenR)
        );
        receiver.execute(address(exchange), abi.encodeCall(exchange.claimRewards, (_ids(tokenR))));
        vm.assertTrue(receiver.lastSuccess());
        vm.assertEq(exchange.ownerOf(tokenR), bob);
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenR)), 0);
        vm.assertEq(cbt.balanceOf(address(receiver)), 5e18);
        vm.assertEq(cbt.balanceOf(bob), 0);
    }

    function test_GivenPaymentTokenCallback_ReentrantWithdrawAndRefundPayNothingMore() public {
        CallbackToken cbt = new CallbackToken();
        ReentrantReceiver hostileMiner = new ReentrantReceiver(address(exchange));
        _listPaymentToken(address(cbt));
        OfferingTerms memory t = _terms(address(hostileMiner), 1_000, 10e18, TERM_START, TERM_END);
        t.paymentToken = address(cbt);
        uint256 id = _createWith(t);
        cbt.mint(address(receiver), 100e18);
        receiver.execute(address(cbt), abi.encodeCall(cbt.approve, (address(exchange), 100e18)));
        bytes memory ret = receiver.execute(address(exchange), abi.encodeCall(exchange.buy, (id, 9, 90e18, address(0))));
        uint256 tokenR = abi.decode(ret, (uint256));

        // the miner re-enters from its escrow payout
        _warpToDay(TERM_START + 7);
        hostileMiner.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        hostileMiner.setTokenAction(abi.encodeCall(exchange.withdrawEscrow, (id, address(hostileMiner))));
        hostileMiner.execute(address(exchange), abi.encodeCall(exchange.withdrawEscrow, (id, address(hostileMiner))));
        _assertGuardedOr(hostileMiner, abi.encodeWithSelector(IExchangeErrors.Exchange_NothingToWithdraw.selector, id));
        uint256 net = 9 * 9.5e18;
        uint256 released = _exactReleased(net, TERM_START, TERM_END, TERM_START + 7);
        vm.assertLe(cbt.balanceOf(address(hostileMiner)), released);
        vm.assertGe(cbt.balanceOf(address(hostileMiner)) + 1, released);

        // the holder re-enters from its refund (claimRefunds keeps its guard)
        exchange.flag(id);
        _halt(id);
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        receiver.setTokenAction(abi.encodeCall(exchange.claimRefunds, (_ids(tokenR))));
        receiver.execute(address(exchange), abi.encodeCall(exchange.claimRefunds, (_ids(tokenR))));
        _assertGuardedOr(receiver, abi.encodeWithSelector(IExchangeErrors.Exchange_AlreadyRefunded.selector, tokenR));
        vm.assertEq(
            cbt.balanceOf(address(receiver)), 10e18 + _expectedRefund(net, TERM_START, TERM_END, TERM_START + 7)
        );
    }

    function test_GivenFeeRecipientCallback_ReentrantCollectIsBlocked() public {
        CallbackToken cbt = new CallbackToken();
        _listPaymentToken(address(cbt));
        OfferingTerms memory t = _terms(miner, 1_000, 10e18, TERM_START, TERM_END);
        t.paymentToken = address(cbt);
        uint256 id = _createWith(t);
        cbt.mint(alice, 100e18);
        vm.prank(alice);
        cbt.approve(address(exchange), 100e18);
        _buy(alice, id, 4);
        vm.prank(governor);
        exchange.setFeeRecipient(address(receiver));
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        receiver.setTokenAction(abi.encodeCall(exchange.collectFees, (_ids(id))));
        vm.assertEq(exchange.collectFees(_ids(id)), 2e18);
        _assertGuardedOr(receiver, abi.encode(uint256(0)));
        vm.assertEq(cbt.balanceOf(address(receiver)), 2e18);
    }

    function test_GivenPaymentTokenSendHook_ReentrantBuyIsPaidInFull() public {
        CallbackToken cbt = new CallbackToken();
        _listPaymentToken(address(cbt));
        OfferingTerms memory t = _terms(miner, 1_000, 10e18, TERM_START, TERM_END);
        t.paymentToken = address(cbt);
        uint256 id = _createWith(t);
        cbt.mint(address(receiver), 100e18);
        receiver.execute(address(cbt), abi.encodeCall(cbt.approve, (address(exchange), 100e18)));
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        // before the outer payment moves, the buyer buys again
        receiver.setTokenAction(abi.encodeCall(exchange.buy, (id, 2, 20e18, address(0))));

        receiver.execute(address(exchange), abi.encodeCall(exchange.buy, (id, 1, 10e18, address(0))));

        vm.assertTrue(receiver.reentered());
        uint256 units = receiver.lastSuccess() ? 3 : 1;
        if (!receiver.lastSuccess()) vm.assertEq(receiver.lastReturnData(), REENTRANT);
        vm.assertEq(exchange.getOffering(id).unitsSold, units);
        vm.assertEq(exchange.balanceOf(address(receiver)), units == 3 ? 2 : 1);
        vm.assertEq(cbt.balanceOf(address(exchange)), units * 10e18, "every unit minted was paid for");
        vm.assertEq(cbt.balanceOf(address(receiver)), 100e18 - units * 10e18);
        vm.assertEq(exchange.getOffering(id).totalNet, units * 9.5e18);
        vm.assertEq(exchange.getOffering(id).feesAccrued, units * 0.5e18);
    }

    function test_GivenRewardTokenSendHook_ClaimBeforeDepositArrivesStaysSolvent() public {
        CallbackToken cbt = new CallbackToken();
        uint256 id = _callbackRewardOffering(cbt);
        uint256 other = _callbackRewardOffering(cbt); // another offering's rewards share the pool
        uint256 tokenR = _receiverBuys(id, 10);
        uint256 tokenO = _buy(bob, other, 10);
        _warpToDay(TERM_START + 3);
        _deposit(other, 7e18);
        _deposit(id, 5e18); // day TERM_START for the receiver's offering
        // the receiver pays the next day's rewards itself (the miner approved it as a depositor) and,
        // before its tokens move, claims
        _setDepositor(id, address(receiver), true);
        cbt.mint(address(receiver), 3e18);
        receiver.execute(address(cbt), abi.encodeCall(cbt.approve, (address(exchange), 3e18)));
        _report(TERM_START + 1, MARKET_FIL_WAD);
        receiver.execute(address(cbt), abi.encodeCall(cbt.setHook, (true)));
        receiver.setTokenAction(abi.encodeCall(exchange.claimRewards, (_ids(tokenR))));
        receiver.execute(address(exchange), abi.encodeCall(exchange.depositReward, (id, 3e18)));

        uint256 claimed = receiver.lastSuccess() ? abi.decode(receiver.lastReturnData(), (uint256)) : 0;
        vm.assertEq(claimed + exchange.claimableRewards(tokenR), 8e18, "both days, once");
        vm.assertEq(cbt.balanceOf(address(exchange)), 7e18 + 8e18 - claimed, "pool intact after the deposit landed");
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenO)), 7e18);
    }

    // ================================================================== blacklistable USDT

    BlacklistableUSDT internal busdt;

    /// @dev The stablecoin product's market: 1 USDT per unit per day, WAD-scaled.
    uint256 internal constant MARKET_USD_WAD = 1e6 * 1e18;

    function _depositUsd(uint256 id, uint256 amount) internal {
        _depositJudged(id, amount, MARKET_USD_WAD);
    }

    function _blacklistSetUp() internal returns (uint256 id, uint256 tokenA, uint256 tokenB) {
        busdt = new BlacklistableUSDT();
        _listPaymentToken(address(busdt));
        _listRewardToken(filAsset, address(busdt));
        OfferingTerms memory t = _terms(miner, 1_000, PRICE, TERM_START, TERM_END);
        t.paymentToken = address(busdt);
        t.rewardToken = address(busdt); // a stablecoin-paid hashpower product
        id = _createWith(t);
        address[3] memory who = [alice, bob, miner];
        for (uint256 i; i < who.length; ++i) {
            busdt.mint(who[i], 1_000_000e6);
            vm.prank(who[i]);
            busdt.approve(address(exchange), type(uint256).max);
        }
        vm.prank(alice);
        tokenA = exchange.buy(id, 10, type(uint256).max, address(0));
        vm.prank(bob);
        tokenB = exchange.buy(id, 30, type(uint256).max, address(0));
    }

    function _blocked(address who) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, who);
    }

    function test_GivenBlacklistedHolder_OthersStillClaimRewards() public {
        (uint256 id, uint256 tokenA, uint256 tokenB) = _blacklistSetUp();
        _warpToDay(TERM_START + 2);
        _depositUsd(id, 40e6); // 1 USDT a unit
        busdt.setBlacklisted(alice, true);

        vm.expectRevert(_blocked(alice));
        vm.prank(alice);
        exchange.claimRewards(_ids(tokenA));

        uint256 before = busdt.balanceOf(bob);
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenB)), 30e6);
        vm.assertEq(busdt.balanceOf(bob) - before, 30e6);
        _depositUsd(id, 40e6); // the miner keeps depositing
        vm.assertEq(exchange.claimableRewards(tokenA), 20e6, "alice's share waits for her");
    }

    function test_GivenBlacklistedHolder_OthersStillRefundAndMinerWithdraws() public {
        (uint256 id, uint256 tokenA, uint256 tokenB) = _blacklistSetUp();
        _flagForMissedDeposits(id);
        _halt(id);
        busdt.setBlacklisted(alice, true);

        vm.expectRevert(_blocked(alice));
        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenA));

        uint256 refundB = _expectedRefund(30 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7);
        uint256 before = busdt.balanceOf(bob);
        vm.prank(bob);
        exchange.claimRefunds(_ids(tokenB));
        vm.assertEq(busdt.balanceOf(bob) - before, refundB);

        uint256 released = _exactReleased(40 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7);
        vm.prank(miner);
        uint256 withdrawn = exchange.withdrawEscrow(id, miner);
        vm.assertLe(withdrawn, released);
        vm.assertGe(withdrawn + 1, released);
        vm.assertEq(exchange.collectFees(_ids(id)), 40 * FEE_PER_UNIT);
        vm.assertEq(
            exchange.refundableOf(tokenA), _expectedRefund(10 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7)
        );
        vm.assertFalse(exchange.getPosition(tokenA).refunded, "alice's refund is kept, not lost");
    }

    function test_GivenBlacklistedMiner_HoldersUnaffectedAndMinerWithdrawsElsewhere() public {
        (uint256 id, uint256 tokenA, uint256 tokenB) = _blacklistSetUp();
        _warpToDay(TERM_START + 2);
        _depositUsd(id, 40e6);
        busdt.setBlacklisted(miner, true);

        vm.prank(alice);
        vm.assertEq(exchange.claimRewards(_ids(tokenA)), 10e6);
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenB)), 30e6);

        vm.expectRevert(_blocked(miner));
        vm.prank(miner);
        exchange.withdrawEscrow(id, miner);
        vm.prank(miner);
        exchange.withdrawEscrow(id, carol);
        vm.assertEq(busdt.balanceOf(carol), 2 * (40 * NET_PER_UNIT) / TERM_DAYS);
    }

    function test_GivenBlacklistedMinerAndHalt_HoldersAreRefunded() public {
        (uint256 id, uint256 tokenA, uint256 tokenB) = _blacklistSetUp();
        busdt.setBlacklisted(miner, true);
        _flagForMissedDeposits(id);
        _halt(id);
        uint256 refundA = _expectedRefund(10 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7);
        uint256 refundB = _expectedRefund(30 * NET_PER_UNIT, TERM_START, TERM_END, TERM_START + 7);
        vm.prank(alice);
        exchange.setApprovalForAll(bob, true);
        uint256 a0 = busdt.balanceOf(alice);
        uint256 b0 = busdt.balanceOf(bob);
        vm.prank(bob);
        vm.assertEq(exchange.claimRefunds(_ids(tokenA, tokenB)), refundA + refundB);
        vm.assertEq(busdt.balanceOf(alice) - a0, refundA);
        vm.assertEq(busdt.balanceOf(bob) - b0, refundB);
    }

    function test_GivenBlacklistedFeeRecipient_SalesClaimsAndWithdrawalsContinue() public {
        (uint256 id,, uint256 tokenB) = _blacklistSetUp();
        busdt.setBlacklisted(treasury, true);

        vm.expectRevert(_blocked(treasury));
        exchange.collectFees(_ids(id));

        vm.prank(bob); // fees only accrue: a sale never pushes to the recipient
        exchange.buy(id, 5, type(uint256).max, address(0));
        _warpToDay(TERM_START + 2);
        _depositUsd(id, 45e6);
        vm.prank(bob);
        vm.assertEq(exchange.claimRewards(_ids(tokenB)), 30e6);
        vm.prank(miner);
        exchange.withdrawEscrow(id, miner);

        vm.prank(governor);
        exchange.setFeeRecipient(carol);
        vm.assertEq(exchange.collectFees(_ids(id)), 45 * FEE_PER_UNIT, "nothing was lost while blocked");
        vm.assertEq(busdt.balanceOf(carol), 45 * FEE_PER_UNIT);
    }

    function test_GivenBlacklistedHolder_ApprovedBatchFailsButEachOtherOwnerCanClaimAlone() public {
        (uint256 id, uint256 tokenA, uint256 tokenB) = _blacklistSetUp();
        _warpToDay(TERM_START + 2);
        _depositUsd(id, 40e6);
        vm.prank(alice);
        exchange.setApprovalForAll(carol, true);
        vm.prank(bob);
        exchange.setApprovalForAll(carol, true);
        busdt.setBlacklisted(alice, true);
        vm.expectRevert(_blocked(alice));
        vm.prank(carol);
        exchange.claimRewards(_ids(tokenA, tokenB));
        vm.prank(carol);
        vm.assertEq(exchange.claimRewards(_ids(tokenB)), 30e6);
    }

    function test_GivenPaymentTokenWithoutPermit_BuyWithPermitFallsBackToAllowance() public {
        (uint256 id,,) = _blacklistSetUp(); // BlacklistableUSDT has no permit function at all
        vm.prank(alice);
        uint256 tokenId = exchange.buyWithPermit(id, 2, 76e6, address(0), 0, 27, bytes32(0), bytes32(0));
        vm.assertEq(exchange.ownerOf(tokenId), alice);
        vm.assertEq(exchange.getOffering(id).totalNet, 42 * NET_PER_UNIT);
    }

    function test_GivenBlacklistedBuyer_PurchaseRevertsAndNothingIsMinted() public {
        (uint256 id,,) = _blacklistSetUp();
        busdt.setBlacklisted(alice, true);
        vm.expectRevert(_blocked(alice));
        vm.prank(alice);
        exchange.buy(id, 1, type(uint256).max, address(0));
        vm.assertEq(exchange.positionCount(), 2);
    }
}
