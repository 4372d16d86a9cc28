// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IExchangeErrors} from "../../../src/errors/ExchangeErrors.sol";
import {IPositionLoansErrors} from "../../../src/errors/LendingErrors.sol";
import {IPositionLockerErrors, IPositionLocksErrors} from "../../../src/errors/LockErrors.sol";
import {IPositionLoans} from "../../../src/interfaces/IPositionLoans.sol";
import {LockPayouts, OfferingStatus, PositionState} from "../../../src/types/HashpowerTypes.sol";
import {LoansFixture} from "./LoansFixture.sol";

/// @notice The order book of PositionLoans: offers of every collateral kind and their validation,
/// cancellation one by one and by nonce, acceptance (single, collection, token), requests and their
/// fills, and the views that describe them.
contract PositionLoansOrdersTest is LoansFixture {
    uint32 internal expiry;

    function setUp() public override {
        super.setUp();
        expiry = uint32(block.timestamp + 7 days);
    }

    function _makeOffer(IPositionLoans.Terms memory t, IPositionLoans.Collateral memory c, uint16 maxFills)
        internal
        returns (uint256)
    {
        vm.prank(carol);
        return loans.makeOffer(t, c, expiry, maxFills);
    }

    function _expectOfferRevert(
        IPositionLoans.Terms memory t,
        IPositionLoans.Collateral memory c,
        uint16 maxFills,
        bytes memory err
    ) internal {
        vm.expectRevert(err);
        _makeOffer(t, c, maxFills);
    }

    // ------------------------------------------------------------------ makeOffer

    function test_MakeOffer_Position_StoresOfferAndEmits() public {
        IPositionLoans.Terms memory t = _terms(PRINCIPAL, APR, DURATION, 1e5, REWARD_PRICE);
        IPositionLoans.Collateral memory c = _positionOf(tokenA);
        vm.expectEmit(address(loans));
        emit IPositionLoans.OfferMade(1, carol, t, c, expiry, 1, 0);
        vm.assertEq(_makeOffer(t, c, 1), 1);

        IPositionLoans.Offer memory o = loans.offerOf(1);
        vm.assertEq(o.lender, carol);
        vm.assertEq(o.terms.principal, PRINCIPAL);
        vm.assertEq(o.terms.aprBps, APR);
        vm.assertEq(o.terms.duration, DURATION);
        vm.assertEq(o.terms.minInterest, 1e5);
        vm.assertEq(o.terms.rewardPriceWad, REWARD_PRICE);
        vm.assertEq(o.terms.currency, address(usdt));
        vm.assertEq(o.collateral.target, tokenA);
        vm.assertEq(uint256(o.collateral.kind), uint256(IPositionLoans.CollateralKind.Position));
        vm.assertEq(o.expiry, expiry);
        vm.assertEq(o.maxFills, 1);
        vm.assertEq(o.fills, 0);
        vm.assertEq(o.nonce, 0);
        vm.assertTrue(loans.isOfferOpen(1));
        vm.assertEq(usdt.balanceOf(address(loans)), 0, "offers are not escrowed");
        vm.assertEq(_makeOffer(t, c, 1), 2, "ids increase");
    }

    function test_MakeOffer_EveryCollectionAndTokenKind() public {
        IPositionLoans.Terms memory t = _basicTerms();
        uint256 a = _makeOffer(t, _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 5, 30), 10);
        uint256 b = _makeOffer(t, _collateral(IPositionLoans.CollateralKind.Asset, filAsset, 1, 0), 65_535);
        uint256 c = _makeOffer(t, _tokenAmount(address(ifil), 50e18), 3);
        vm.assertEq(loans.offerOf(a).maxFills, 10);
        vm.assertEq(loans.offerOf(a).collateral.minUnits, 5);
        vm.assertEq(loans.offerOf(a).collateral.minDaysLeft, 30);
        vm.assertEq(uint256(loans.offerOf(b).collateral.kind), uint256(IPositionLoans.CollateralKind.Asset));
        vm.assertEq(loans.offerOf(b).maxFills, 65_535);
        vm.assertEq(loans.offerOf(c).collateral.amount, 50e18);
        vm.assertEq(loans.offerOf(c).collateral.target, uint256(uint160(address(ifil))));
    }

    function test_MakeOffer_MinimumAtTheMaximumInterestIsAccepted() public {
        uint256 max = _interestOf(PRINCIPAL, APR, DURATION);
        _makeOffer(_terms(PRINCIPAL, APR, DURATION, uint96(max), 0), _positionOf(tokenA), 1);
        _expectOfferRevert(
            _terms(PRINCIPAL, APR, DURATION, uint96(max + 1), 0),
            _positionOf(tokenA),
            1,
            _err(IPositionLoansErrors.Loans_MinInterestAboveMax.selector, max + 1, max)
        );
    }

    function test_RevertWhen_OfferTermsInvalid() public {
        IPositionLoans.Collateral memory c = _positionOf(tokenA);
        IPositionLoans.Terms memory t = _basicTerms();
        t.currency = address(ifil);
        _expectOfferRevert(
            t, c, 1, abi.encodeWithSelector(IPositionLoansErrors.Loans_CurrencyNotListed.selector, address(ifil))
        );
        _expectOfferRevert(
            _terms(0, APR, DURATION, 0, 0), c, 1, _err(IPositionLoansErrors.Loans_InvalidPrincipal.selector, 0)
        );
        uint256 minD = loans.MIN_DURATION();
        uint256 maxD = loans.MAX_DURATION();
        _expectOfferRevert(
            _terms(PRINCIPAL, APR, uint32(minD - 1), 0, 0),
            c,
            1,
            abi.encodeWithSelector(IPositionLoansErrors.Loans_InvalidDuration.selector, minD - 1, minD, maxD)
        );
        _expectOfferRevert(
            _terms(PRINCIPAL, APR, uint32(maxD + 1), 0, 0),
            c,
            1,
            abi.encodeWithSelector(IPositionLoansErrors.Loans_InvalidDuration.selector, maxD + 1, minD, maxD)
        );
        _expectOfferRevert(
            _terms(PRINCIPAL, 20_001, DURATION, 0, 0),
            c,
            1,
            _err(IPositionLoansErrors.Loans_InvalidApr.selector, 20_001, 20_000)
        );
        // the bounds themselves are accepted
        _makeOffer(_terms(PRINCIPAL, 20_000, uint32(minD), 0, 0), c, 1);
        _makeOffer(_terms(type(uint96).max, 0, uint32(maxD), 0, 0), c, 1);
    }

    function test_RevertWhen_OfferExpiryNotInFuture() public {
        expiry = uint32(block.timestamp);
        _expectOfferRevert(
            _basicTerms(),
            _positionOf(tokenA),
            1,
            _err(IPositionLoansErrors.Loans_InvalidExpiry.selector, block.timestamp, block.timestamp)
        );
    }

    function test_RevertWhen_OfferMaxFillsInvalid() public {
        _expectOfferRevert(
            _basicTerms(), _positionOf(tokenA), 0, _err(IPositionLoansErrors.Loans_InvalidMaxFills.selector, 0)
        );
        _expectOfferRevert(
            _basicTerms(), _positionOf(tokenA), 2, _err(IPositionLoansErrors.Loans_InvalidMaxFills.selector, 2)
        );
        _expectOfferRevert(
            _basicTerms(),
            _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 0),
            0,
            _err(IPositionLoansErrors.Loans_InvalidMaxFills.selector, 0)
        );
        _expectOfferRevert(
            _basicTerms(),
            _tokenAmount(address(ifil), 1e18),
            0,
            _err(IPositionLoansErrors.Loans_InvalidMaxFills.selector, 0)
        );
    }

    function test_RevertWhen_OfferCollateralInvalid() public {
        bytes memory err = abi.encodeWithSelector(IPositionLoansErrors.Loans_InvalidCollateral.selector);
        _expectOfferRevert(_basicTerms(), _collateral(IPositionLoans.CollateralKind.None, tokenA, 0, 0), 1, err);
        _expectOfferRevert(_basicTerms(), _tokenAmount(address(usdt), 1e6), 1, err); // not a collateral token
        _expectOfferRevert(_basicTerms(), _tokenAmount(address(ifil), 0), 1, err);
        IPositionLoans.Collateral memory wide = _tokenAmount(address(ifil), 1e18);
        wide.target = uint256(uint160(address(ifil))) | (1 << 160); // same low bits, not an address
        _expectOfferRevert(_basicTerms(), wide, 1, err);
    }

    // ------------------------------------------------------------------ cancel

    function test_CancelOffer_ByLender() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.expectEmit(address(loans));
        emit IPositionLoans.OfferCancelled(id, carol);
        vm.prank(carol);
        loans.cancelOffer(id);
        vm.assertEq(loans.offerOf(id).lender, address(0));
        vm.assertFalse(loans.isOfferOpen(id));
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, id));
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
    }

    function test_RevertWhen_CancellingUnknownOrOthersOffer() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotLender.selector, dave, carol));
        vm.prank(dave);
        loans.cancelOffer(id);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, 99));
        vm.prank(carol);
        loans.cancelOffer(99);
    }

    function test_CancelAllOffers_VoidsEarlierNonceOnly() public {
        uint256 old = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.expectEmit(address(loans));
        emit IPositionLoans.AllOffersCancelled(carol, 1);
        vm.prank(carol);
        loans.cancelAllOffers();
        vm.assertEq(loans.lenderNonce(carol), 1);
        vm.assertEq(loans.lenderNonce(dave), 0, "per lender");
        vm.assertFalse(loans.isOfferOpen(old));

        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_OfferNonceCancelled.selector, old, 0, 1));
        loans.acceptOffer(old, tokenA);
        vm.stopPrank();

        uint256 fresh = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.assertEq(loans.offerOf(fresh).nonce, 1);
        vm.assertTrue(loans.isOfferOpen(fresh));
        vm.prank(alice);
        loans.acceptOffer(fresh, tokenA);
    }

    // ------------------------------------------------------------------ acceptOffer

    function test_AcceptOffer_Single_LocksPositionPaysPrincipal() public {
        IPositionLoans.Terms memory t = _terms(PRINCIPAL, APR, DURATION, 1e5, REWARD_PRICE);
        uint256 id = _makeOffer(t, _positionOf(tokenA), 1);
        uint256 carolBefore = usdt.balanceOf(carol);
        uint256 aliceBefore = usdt.balanceOf(alice);
        uint256 due = block.timestamp + DURATION;
        vm.prank(alice);
        exchange.approve(address(loans), tokenA);

        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanStarted(
            tokenA, alice, carol, IPositionLoans.LoanSource.Offer, id, t, due, due + GRACE, DEFI_FEE_BPS
        );
        vm.prank(alice);
        vm.assertEq(loans.acceptOffer(id, tokenA), tokenA, "a position loan's id is its token id");

        vm.assertEq(usdt.balanceOf(alice) - aliceBefore, PRINCIPAL);
        vm.assertEq(carolBefore - usdt.balanceOf(carol), PRINCIPAL);
        vm.assertEq(usdt.balanceOf(address(loans)), 0, "the principal goes lender -> borrower");
        PositionState memory st = exchange.positionState(tokenA);
        vm.assertEq(st.owner, alice, "no custody");
        vm.assertEq(st.lockHolder, address(loans));
        vm.assertEq(st.lockPayouts, LockPayouts.REFUND_TO_LOCKER, "rewards keep paying the borrower");
        vm.assertEq(loans.offerOf(id).lender, address(0), "a single offer is used up");

        IPositionLoans.Loan memory l = _loan(tokenA);
        vm.assertEq(l.borrower, alice);
        vm.assertEq(l.lender, carol);
        vm.assertEq(l.principal, PRINCIPAL);
        vm.assertEq(l.dueTime, due);
        vm.assertEq(l.lastAccrual, block.timestamp);
        vm.assertEq(l.aprBps, APR);
        vm.assertEq(l.feeBps, DEFI_FEE_BPS);
        vm.assertEq(l.currency, address(usdt));
        vm.assertEq(l.rewardPriceWad, REWARD_PRICE);
        vm.assertEq(int256(l.interestOwed), 0);
        vm.assertEq(l.minInterestLeft, 1e5);
        vm.assertEq(l.gracePeriod, GRACE);
        vm.assertFalse(l.selfRepaying);
        vm.assertFalse(l.tokenCollateral);
        (uint256 debt, uint256 interest) = loans.debtOf(tokenA);
        vm.assertEq(interest, 1e5, "the minimum is owed at once");
        vm.assertEq(debt, PRINCIPAL + 1e5);
    }

    function test_AcceptOffer_WithOperatorApproval() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.startPrank(alice);
        exchange.setApprovalForAll(address(loans), true);
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
        vm.assertEq(exchange.lockedBy(tokenA), address(loans));
    }

    function test_AcceptOffer_OfferingCollection_FillsUpToMaxFills() public {
        uint256 id =
            _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 10, 0), 2);
        _accept(alice, id, tokenA);
        vm.assertEq(loans.offerOf(id).fills, 1);
        vm.assertTrue(loans.isOfferOpen(id));
        _accept(bob, id, tokenB);
        vm.assertEq(loans.offerOf(id).lender, address(0), "filled up");
        vm.assertFalse(loans.isOfferOpen(id));
        vm.assertEq(_loan(tokenA).lender, carol);
        vm.assertEq(_loan(tokenB).lender, carol);

        uint256 tokenC = _buy(alice, offeringId, 10);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenC);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, id));
        loans.acceptOffer(id, tokenC);
        vm.stopPrank();
    }

    function test_AcceptOffer_AssetCollection() public {
        uint256 id = _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Asset, filAsset, 0, 0), 5);
        _accept(bob, id, tokenB);
        vm.assertEq(_loan(tokenB).borrower, bob);
        uint256 other = _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Asset, btcAsset, 0, 0), 5);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, other, tokenA));
        loans.acceptOffer(other, tokenA);
        vm.stopPrank();
    }

    function test_RevertWhen_CollectionOfferMinUnitsOrMinDaysLeftNotMet() public {
        uint256 id =
            _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 11, 0), 5);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_TooFewUnits.selector, 10, 11));
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();

        // due = now + 30 d; the term ends at TERM_END: 151.5 days left after the due date
        uint256 due = block.timestamp + DURATION;
        uint256 termEnd = TERM_END * DAY;
        vm.assertEq(termEnd - due, 151 days + 12 hours);
        uint256 tight =
            _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 152), 5);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_TermTooShort.selector, due, termEnd, 152));
        vm.prank(alice);
        loans.acceptOffer(tight, tokenA);
        uint256 fits = _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Asset, filAsset, 10, 151), 5);
        vm.prank(alice);
        loans.acceptOffer(fits, tokenA);
    }

    function test_RevertWhen_DueDateAfterTermEnd() public {
        _warpToDay(TERM_END - 10);
        expiry = uint32(block.timestamp + 1 days);
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        uint256 due = block.timestamp + DURATION;
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLoansErrors.Loans_TermTooShort.selector, due, TERM_END * DAY, 0)
        );
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
    }

    function test_AcceptOffer_Token_EscrowsCollateral() public {
        IPositionLoans.Terms memory t = _terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE);
        uint256 id = _makeOffer(t, _tokenAmount(address(ifil), 50e18), 2);
        uint256 base = loans.TOKEN_LOAN_BASE();
        vm.assertEq(base, 1 << 128);
        uint256 due = block.timestamp + DURATION;
        uint256 ifilBefore = ifil.balanceOf(alice);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanStarted(
            base + 1, alice, carol, IPositionLoans.LoanSource.Offer, id, t, due, due + GRACE, DEFI_FEE_BPS
        );
        vm.expectEmit(address(loans));
        emit IPositionLoans.TokenCollateralEscrowed(base + 1, address(ifil), 50e18);
        vm.prank(alice);
        vm.assertEq(loans.acceptOffer(id, 0), base + 1);
        vm.assertEq(ifilBefore - ifil.balanceOf(alice), 50e18);
        vm.assertEq(ifil.balanceOf(address(loans)), 50e18);
        vm.assertEq(loans.tokenCollateralOf(base + 1).token, address(ifil));
        vm.assertEq(loans.tokenCollateralOf(base + 1).amount, 50e18);
        IPositionLoans.Loan memory l = _loan(base + 1);
        vm.assertTrue(l.tokenCollateral);
        vm.assertEq(l.rewardPriceWad, 0, "a token loan has no rewards to take");
        vm.assertEq(loans.tokenLoanCount(), 1);

        vm.prank(bob);
        vm.assertEq(loans.acceptOffer(id, 0), base + 2, "the second fill is the next token loan");
        vm.assertEq(ifil.balanceOf(address(loans)), 100e18);
    }

    function test_RevertWhen_TokenOfferAcceptedWithATokenId() public {
        uint256 id = _makeOffer(_basicTerms(), _tokenAmount(address(ifil), 50e18), 1);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, id, tokenA));
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
    }

    function test_RevertWhen_AcceptingInvalidOffer() public {
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownOffer.selector, 7));
        vm.prank(alice);
        loans.acceptOffer(7, tokenA);

        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.warp(expiry);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_OfferExpired.selector, id, expiry));
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
        vm.assertFalse(loans.isOfferOpen(id));
    }

    function test_AcceptOffer_OneSecondBeforeExpiry() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.warp(expiry - 1);
        vm.assertTrue(loans.isOfferOpen(id));
        _accept(alice, id, tokenA);
    }

    function test_RevertWhen_LenderAcceptsOwnOffer() public {
        uint256 carolToken = _buy(carol, offeringId, 5);
        uint256 id = _makeOffer(_basicTerms(), _positionOf(carolToken), 1);
        vm.startPrank(carol);
        exchange.approve(address(loans), carolToken);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_SelfLoan.selector, carol));
        loans.acceptOffer(id, carolToken);
        vm.stopPrank();
    }

    function test_RevertWhen_PositionDoesNotMatchSingleOffer() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.startPrank(bob);
        exchange.approve(address(loans), tokenB);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, id, tokenB));
        loans.acceptOffer(id, tokenB);
        vm.stopPrank();
        uint256 other =
            _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId + 1, 0, 0), 3);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_CollateralMismatch.selector, other, tokenB));
        vm.prank(bob);
        loans.acceptOffer(other, tokenB);
    }

    function test_RevertWhen_PositionNotApproved() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA, address(loans))
        );
        vm.prank(alice);
        loans.acceptOffer(id, tokenA);
    }

    function test_RevertWhen_PositionAlreadyPledged() public {
        _basicLoanA();
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLocksErrors.Exchange_PositionIsLocked.selector, tokenA, address(loans))
        );
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
    }

    function test_RevertWhen_OfferingNotActive() public {
        expiry = uint32(block.timestamp + 30 days);
        uint256 id = _makeOffer(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 0), 2);
        _flagForMissedDeposits(offeringId);
        vm.assertEq(uint256(exchange.getOffering(offeringId).status), uint256(OfferingStatus.Flagged));
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_OfferingNotActive.selector, offeringId));
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
    }

    function test_RevertWhen_LenderLacksAllowance() public {
        uint256 id = _makeOffer(_basicTerms(), _positionOf(tokenA), 1);
        vm.prank(carol);
        usdt.approve(address(loans), PRINCIPAL - 1);
        vm.startPrank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert();
        loans.acceptOffer(id, tokenA);
        vm.stopPrank();
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "nothing locked");
        vm.assertTrue(loans.isOfferOpen(id), "nothing used");
    }

    // ------------------------------------------------------------------ requests

    function test_RequestLoan_Position_FilledByLender() public {
        IPositionLoans.Terms memory t = _terms(PRINCIPAL, APR, DURATION, 0, REWARD_PRICE);
        IPositionLoans.Collateral memory c = _positionOf(tokenA);
        vm.expectEmit(address(loans));
        emit IPositionLoans.RequestMade(1, alice, t, c, expiry);
        vm.prank(alice);
        vm.assertEq(loans.requestLoan(t, c, expiry), 1);
        IPositionLoans.Request memory r = loans.requestOf(1);
        vm.assertEq(r.borrower, alice);
        vm.assertEq(r.expiry, expiry);
        vm.assertEq(r.terms.principal, PRINCIPAL);
        vm.assertEq(r.collateral.target, tokenA);
        vm.assertEq(exchange.lockedBy(tokenA), address(0), "nothing locked until filled");

        vm.prank(alice);
        exchange.approve(address(loans), tokenA);
        uint256 due = block.timestamp + DURATION;
        uint256 aliceBefore = usdt.balanceOf(alice);
        vm.expectEmit(address(loans));
        emit IPositionLoans.LoanStarted(
            tokenA, alice, dave, IPositionLoans.LoanSource.Request, 1, t, due, due + GRACE, DEFI_FEE_BPS
        );
        vm.prank(dave);
        vm.assertEq(loans.fillRequest(1), tokenA);
        vm.assertEq(usdt.balanceOf(alice) - aliceBefore, PRINCIPAL);
        vm.assertEq(_loan(tokenA).lender, dave);
        vm.assertEq(exchange.lockedBy(tokenA), address(loans));
        vm.assertEq(loans.requestOf(1).borrower, address(0), "a filled request is gone");

        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownRequest.selector, 1));
        vm.prank(carol);
        loans.fillRequest(1);
    }

    function test_RequestLoan_Token_FilledByLender() public {
        vm.prank(alice);
        uint256 id = loans.requestLoan(_basicTerms(), _tokenAmount(address(wbtc), 1e8), expiry);
        vm.prank(carol);
        uint256 loanId = loans.fillRequest(id);
        vm.assertEq(loanId, loans.TOKEN_LOAN_BASE() + 1);
        vm.assertEq(wbtc.balanceOf(address(loans)), 1e8);
        vm.assertEq(loans.tokenCollateralOf(loanId).token, address(wbtc));
        vm.assertEq(_loan(loanId).borrower, alice);
        vm.assertEq(_loan(loanId).lender, carol);
    }

    function test_RevertWhen_RequestInvalid() public {
        bytes memory invalid = abi.encodeWithSelector(IPositionLoansErrors.Loans_InvalidCollateral.selector);
        vm.startPrank(alice);
        vm.expectRevert(invalid);
        loans.requestLoan(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Offering, offeringId, 0, 0), expiry);
        vm.expectRevert(invalid);
        loans.requestLoan(_basicTerms(), _collateral(IPositionLoans.CollateralKind.Asset, filAsset, 0, 0), expiry);
        vm.expectRevert(invalid);
        loans.requestLoan(_basicTerms(), _collateral(IPositionLoans.CollateralKind.None, 0, 0, 0), expiry);
        vm.expectRevert(invalid);
        loans.requestLoan(_basicTerms(), _tokenAmount(address(usdt), 1e6), expiry);
        vm.expectRevert(
            abi.encodeWithSelector(IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenB, alice, bob)
        );
        loans.requestLoan(_basicTerms(), _positionOf(tokenB), expiry);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidPrincipal.selector, 0));
        loans.requestLoan(_terms(0, APR, DURATION, 0, 0), _positionOf(tokenA), expiry);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_InvalidExpiry.selector, block.timestamp, block.timestamp));
        loans.requestLoan(_basicTerms(), _positionOf(tokenA), uint32(block.timestamp));
        vm.stopPrank();
    }

    function test_RevertWhen_FillingInvalidRequest() public {
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownRequest.selector, 1));
        vm.prank(carol);
        loans.fillRequest(1);

        vm.prank(alice);
        uint256 id = loans.requestLoan(_basicTerms(), _positionOf(tokenA), expiry);
        vm.prank(alice);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_SelfLoan.selector, alice));
        vm.prank(alice);
        loans.fillRequest(id);
        vm.warp(expiry);
        vm.expectRevert(_err(IPositionLoansErrors.Loans_RequestExpired.selector, id, expiry));
        vm.prank(carol);
        loans.fillRequest(id);
    }

    function test_RevertWhen_RequestedPositionChangedHands() public {
        vm.prank(alice);
        uint256 id = loans.requestLoan(_basicTerms(), _positionOf(tokenA), expiry);
        vm.prank(alice);
        exchange.transferFrom(alice, stranger, tokenA);
        vm.prank(stranger);
        exchange.approve(address(loans), tokenA);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPositionLockerErrors.PositionLocker_NotPositionOwner.selector, tokenA, alice, stranger
            )
        );
        vm.prank(carol);
        loans.fillRequest(id);
    }

    function test_RevertWhen_RequestedPositionNotApprovedAtFill() public {
        vm.prank(alice);
        uint256 id = loans.requestLoan(_basicTerms(), _positionOf(tokenA), expiry);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.Exchange_NotPositionOwnerOrApproved.selector, tokenA, address(loans))
        );
        vm.prank(carol);
        loans.fillRequest(id);
    }

    function test_CancelRequest_ByBorrowerOnly() public {
        vm.prank(alice);
        uint256 id = loans.requestLoan(_basicTerms(), _positionOf(tokenA), expiry);
        vm.expectRevert(abi.encodeWithSelector(IPositionLoansErrors.Loans_NotBorrower.selector, carol, alice));
        vm.prank(carol);
        loans.cancelRequest(id);
        vm.expectEmit(address(loans));
        emit IPositionLoans.RequestCancelled(id, alice);
        vm.prank(alice);
        loans.cancelRequest(id);
        vm.assertEq(loans.requestOf(id).borrower, address(0));
        vm.expectRevert(_err(IPositionLoansErrors.Loans_UnknownRequest.selector, id));
        vm.prank(alice);
        loans.cancelRequest(id);
        vm.assertEq(loans.nextRequestId(), id + 1);
    }
}
