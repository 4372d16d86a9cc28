// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ProtocolParameters} from "../governance/ProtocolParameters.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {IPositionLoans} from "../interfaces/IPositionLoans.sol";
import {LoanMath} from "../libraries/LoanMath.sol";
import {LoanOrders} from "../libraries/LoanOrders.sol";
import {PositionLocker} from "../lockers/PositionLocker.sol";
import {FeeVault} from "../treasury/FeeVault.sol";
import {LockPayouts, OfferingStatus, PositionState} from "../types/HashpowerTypes.sol";

/// @title PositionLoans
/// @notice Stablecoin loans against hashpower positions and reward tokens. See {IPositionLoans} and
/// docs/decisions/0018-lending.md.
/// @dev A locker: a pledged position stays with its borrower, locked with REFUND_TO_LOCKER (and
/// REWARDS_TO_LOCKER while self-repaying); foreclosure seizes it to the lender. Nothing here is ever
/// paused. Every payment is credited, never pushed, except the principal, which goes from the lender's
/// allowance straight to the borrower when a loan starts (a transfer that fails there fails the start,
/// never a repayment).
contract PositionLoans is IPositionLoans, PositionLocker, FeeVault {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    /// @notice Token loans' ids start here; a position loan's id is its token id (always below).
    uint256 public constant TOKEN_LOAN_BASE = 1 << 128;
    /// @notice Shortest and longest loan (see LoanOrders, which checks them).
    uint32 public constant MIN_DURATION = LoanOrders.MIN_DURATION;
    uint32 public constant MAX_DURATION = LoanOrders.MAX_DURATION;
    /// @notice Highest APR an offer or request may state (200%).
    uint16 public constant MAX_APR_BPS = LoanOrders.MAX_APR_BPS;
    uint32 public constant MIN_GRACE = 1 hours;
    uint32 public constant MAX_GRACE = 7 days;

    /// @notice Where the DeFi fee comes from (snapshotted per loan).
    ProtocolParameters public immutable params;
    /// @inheritdoc IPositionLoans
    uint32 public gracePeriod;
    /// @notice The id the next offer gets.
    uint64 public nextOfferId = 1;
    /// @notice The id the next request gets.
    uint64 public nextRequestId = 1;
    /// @notice Token loans started so far.
    uint64 public tokenLoanCount;

    mapping(uint256 offerId => Offer) private _offers;
    mapping(uint256 requestId => Request) private _requests;
    mapping(uint256 loanId => Loan) private _loans;
    mapping(uint256 loanId => TokenCollateral) private _tokenCollateral;
    mapping(address account => mapping(address token => uint256)) private _credits;
    mapping(address lender => uint32) private _nonces;
    mapping(address token => bool) private _collateralTokens;

    constructor(
        IHashpowerExchange exchange_,
        ProtocolParameters params_,
        address owner_,
        address feeRecipient_,
        uint32 gracePeriod_
    ) PositionLocker(exchange_) FeeVault(owner_, feeRecipient_) {
        if (address(params_) == address(0)) revert Loans_ZeroAddress();
        params = params_;
        _setGracePeriod(gracePeriod_);
    }

    // =================================================================== lenders

    /// @inheritdoc IPositionLoans
    function makeOffer(Terms calldata terms, Collateral calldata collateral, uint32 expiry, uint16 maxFills)
        external
        returns (uint256 offerId)
    {
        offerId = nextOfferId++;
        LoanOrders.placeOffer(
            _offers, _collateralTokens, _exchange(), offerId, _nonces[msg.sender], terms, collateral, expiry, maxFills
        );
    }

    /// @inheritdoc IPositionLoans
    function cancelOffer(uint256 offerId) external {
        address lender = _offers[offerId].lender;
        if (lender == address(0)) revert Loans_UnknownOffer(offerId);
        if (msg.sender != lender) revert Loans_NotLender(msg.sender, lender);
        delete _offers[offerId];
        emit OfferCancelled(offerId, lender);
    }

    /// @inheritdoc IPositionLoans
    function cancelAllOffers() external {
        uint32 nonce = _nonces[msg.sender] + 1;
        _nonces[msg.sender] = nonce;
        emit AllOffersCancelled(msg.sender, nonce);
    }

    /// @inheritdoc IPositionLoans
    function fillRequest(uint256 requestId) external nonReentrant returns (uint256 loanId) {
        Request memory r = _requests[requestId];
        if (r.borrower == address(0)) revert Loans_UnknownRequest(requestId);
        if (block.timestamp >= r.expiry) revert Loans_RequestExpired(requestId, r.expiry);
        if (msg.sender == r.borrower) revert Loans_SelfLoan(msg.sender);
        delete _requests[requestId];
        uint256 tokenId = r.collateral.kind == CollateralKind.Position ? r.collateral.target : 0;
        loanId = _startLoan(r.terms, r.collateral, r.borrower, msg.sender, tokenId, LoanSource.Request, requestId);
    }

    /// @inheritdoc IPositionLoans
    function refinance(uint256 loanId, uint16 aprBps, uint32 dueTime, uint256 maxPayment)
        external
        nonReentrant
        returns (uint256 paid)
    {
        Loan memory l = _accrued(loanId);
        if (block.timestamp >= l.dueTime) revert Loans_PastDue(loanId, l.dueTime);
        if (msg.sender == l.borrower) revert Loans_SelfLoan(msg.sender);
        paid = l.principal + LoanMath.interestDue(l.interestOwed, l.minInterestLeft);
        if (paid > maxPayment) revert Loans_DebtAboveMax(paid, maxPayment);
        // strictly better: the debt carried over unchanged, growing strictly slower, due no earlier
        if (
            dueTime < l.dueTime || dueTime > block.timestamp + MAX_DURATION
                || paid * aprBps >= uint256(l.principal) * l.aprBps
        ) revert Loans_NotBetterTerms();
        if (dueTime > l.dueTime && !l.tokenCollateral) {
            _checkDueInTerm(dueTime, positions.positionState(loanId).termEndDay, 0);
        }
        address oldLender = l.lender;
        uint256 toOldLender = _payOff(loanId, l, paid);
        l.lender = msg.sender;
        l.principal = paid.toUint96();
        l.aprBps = aprBps;
        l.dueTime = dueTime;
        l.lastAccrual = uint32(block.timestamp);
        l.interestOwed = 0;
        l.minInterestLeft = 0;
        l.feeBps = params.defiFeeBps();
        _loans[loanId] = l;
        _emitRefinanced(
            loanId,
            oldLender,
            0,
            toOldLender,
            0,
            Terms({
                currency: l.currency,
                principal: l.principal,
                aprBps: aprBps,
                duration: 0,
                minInterest: 0,
                rewardPriceWad: l.rewardPriceWad
            })
        );
        IERC20(l.currency).safeTransferFrom(msg.sender, address(this), paid);
    }

    /// @inheritdoc IPositionLoans
    function foreclose(uint256 loanId) external nonReentrant {
        Loan memory l = _accrued(loanId);
        uint256 graceEnd = uint256(l.dueTime) + l.gracePeriod;
        if (block.timestamp < graceEnd) revert Loans_NotForeclosable(loanId, graceEnd);
        delete _loans[loanId];
        emit LoanForeclosed(
            loanId, l.lender, msg.sender, l.principal, LoanMath.interestDue(l.interestOwed, l.minInterestLeft)
        );
        if (l.tokenCollateral) {
            TokenCollateral memory c = _tokenCollateral[loanId];
            delete _tokenCollateral[loanId];
            _credit(l.lender, c.token, c.amount, loanId);
        } else {
            _releaseTo(loanId, l.lender);
        }
    }

    // =================================================================== borrowers

    /// @inheritdoc IPositionLoans
    function acceptOffer(uint256 offerId, uint256 tokenId) external nonReentrant returns (uint256 loanId) {
        Offer memory o = _openOffer(offerId);
        if (msg.sender == o.lender) revert Loans_SelfLoan(msg.sender);
        _useOffer(offerId, o);
        loanId = _startLoan(o.terms, o.collateral, msg.sender, o.lender, tokenId, LoanSource.Offer, offerId);
    }

    /// @inheritdoc IPositionLoans
    function requestLoan(Terms calldata terms, Collateral calldata collateral, uint32 expiry)
        external
        returns (uint256 requestId)
    {
        requestId = nextRequestId++;
        LoanOrders.placeRequest(_requests, _collateralTokens, _exchange(), requestId, terms, collateral, expiry);
    }

    /// @inheritdoc IPositionLoans
    function cancelRequest(uint256 requestId) external {
        address borrower = _requests[requestId].borrower;
        if (borrower == address(0)) revert Loans_UnknownRequest(requestId);
        if (msg.sender != borrower) revert Loans_NotBorrower(msg.sender, borrower);
        delete _requests[requestId];
        emit RequestCancelled(requestId, borrower);
    }

    /// @inheritdoc IPositionLoans
    /// @dev Never paused and never blocked by the lender: the payment is credited to it, not sent.
    function repay(uint256 loanId, uint256 amount) external nonReentrant returns (uint256 paid) {
        Loan memory l = _accrued(loanId);
        _requireRepayable(loanId, l);
        if (amount == 0) revert Loans_ZeroPayment();
        uint256 debt = l.principal + LoanMath.interestDue(l.interestOwed, l.minInterestLeft);
        paid = amount < debt ? amount : debt;
        _pay(loanId, l, l.currency, paid, paid);
        if (paid == debt) _close(loanId, l);
        else _loans[loanId] = l;
        IERC20(l.currency).safeTransferFrom(msg.sender, address(this), paid);
    }

    /// @inheritdoc IPositionLoans
    function rollover(uint256 loanId, uint256 offerId, uint256 maxBorrowerPayment) external nonReentrant {
        Loan memory l = _accrued(loanId);
        if (msg.sender != l.borrower) revert Loans_NotBorrower(msg.sender, l.borrower);
        _requireRepayable(loanId, l);
        Offer memory o = _openOffer(offerId);
        if (o.lender == l.borrower) revert Loans_SelfLoan(o.lender);
        if (o.terms.currency != l.currency) revert Loans_CurrencyMismatch(l.currency, o.terms.currency);
        uint256 dueTime = block.timestamp + o.terms.duration;
        if (l.tokenCollateral) {
            TokenCollateral memory c = _tokenCollateral[loanId];
            if (
                o.collateral.kind != CollateralKind.Token || address(uint160(o.collateral.target)) != c.token
                    || o.collateral.amount > c.amount
            ) revert Loans_CollateralMismatch(offerId, loanId);
        } else {
            _checkPosition(offerId, o.collateral, loanId, positions.positionState(loanId), dueTime);
        }
        _useOffer(offerId, o);

        uint256 debt = l.principal + LoanMath.interestDue(l.interestOwed, l.minInterestLeft);
        address oldLender = l.lender;
        uint256 toOldLender = _payOff(loanId, l, debt);
        int256 borrowerReceived = int256(uint256(o.terms.principal)) - int256(debt);
        if (borrowerReceived < 0 && uint256(-borrowerReceived) > maxBorrowerPayment) {
            revert Loans_DebtAboveMax(uint256(-borrowerReceived), maxBorrowerPayment);
        }
        bool keepSelfRepaying = l.selfRepaying && o.terms.rewardPriceWad != 0;
        _loans[loanId] = Loan({
            borrower: l.borrower,
            dueTime: dueTime.toUint32(),
            lastAccrual: uint32(block.timestamp),
            aprBps: o.terms.aprBps,
            feeBps: params.defiFeeBps(),
            lender: o.lender,
            principal: o.terms.principal,
            currency: l.currency,
            rewardPriceWad: l.tokenCollateral ? 0 : o.terms.rewardPriceWad,
            interestOwed: 0,
            minInterestLeft: o.terms.minInterest,
            gracePeriod: gracePeriod,
            selfRepaying: keepSelfRepaying,
            tokenCollateral: l.tokenCollateral
        });
        if (l.selfRepaying && !keepSelfRepaying) {
            _routePayouts(loanId, LockPayouts.REFUND_TO_LOCKER);
            emit SelfRepayingSet(loanId, false);
        }
        _emitRefinanced(loanId, oldLender, offerId, toOldLender, borrowerReceived, o.terms);

        IERC20 currency = IERC20(l.currency);
        if (borrowerReceived >= 0) {
            currency.safeTransferFrom(o.lender, address(this), debt);
            if (borrowerReceived > 0) currency.safeTransferFrom(o.lender, l.borrower, uint256(borrowerReceived));
        } else {
            currency.safeTransferFrom(o.lender, address(this), o.terms.principal);
            currency.safeTransferFrom(l.borrower, address(this), uint256(-borrowerReceived));
        }
    }

    /// @inheritdoc IPositionLoans
    function setSelfRepaying(uint256 loanId, bool on) external {
        Loan storage l = _loans[loanId];
        address borrower = l.borrower;
        if (borrower == address(0)) revert Loans_UnknownLoan(loanId);
        if (msg.sender != borrower) revert Loans_NotBorrower(msg.sender, borrower);
        if (on && (l.tokenCollateral || l.rewardPriceWad == 0)) revert Loans_SelfRepayUnavailable(loanId);
        l.selfRepaying = on;
        _routePayouts(loanId, on ? LockPayouts.ALL : LockPayouts.REFUND_TO_LOCKER);
        emit SelfRepayingSet(loanId, on);
    }

    /// @inheritdoc IPositionLoans
    function applyRewards(uint256 loanId) external nonReentrant returns (uint256 claimed) {
        Loan memory l = _accrued(loanId);
        if (!l.selfRepaying) revert Loans_NotSelfRepaying(loanId);
        _requireRepayable(loanId, l);
        address rewardToken = positions.positionState(loanId).rewardToken;
        claimed = _claimRoutedRewards(loanId, rewardToken);
        if (claimed == 0) return 0;
        (uint256 value, uint256 used, bool full) = _rewardPayment(l, claimed);
        if (claimed > used) _credit(l.borrower, rewardToken, claimed - used, loanId);
        if (value == 0) return claimed; // dust worth nothing at the loan's price stays the borrower's
        _pay(loanId, l, rewardToken, used, value);
        if (full) _close(loanId, l);
        else _loans[loanId] = l;
    }

    // =================================================================== everyone

    /// @inheritdoc IPositionLoans
    function claim(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert Loans_ZeroAddress();
        amount = _credits[msg.sender][token];
        _credits[msg.sender][token] = 0;
        emit Claimed(msg.sender, token, to, amount);
        if (amount != 0) IERC20(token).safeTransfer(to, amount);
    }

    // =================================================================== governance

    /// @inheritdoc IPositionLoans
    function setGracePeriod(uint32 grace) external onlyOwner {
        _setGracePeriod(grace);
    }

    /// @inheritdoc IPositionLoans
    function setCollateralToken(address token, bool listed) external onlyOwner {
        if (token == address(0)) revert Loans_ZeroAddress();
        _collateralTokens[token] = listed;
        emit CollateralTokenSet(token, listed);
    }

    // =================================================================== views

    /// @inheritdoc IPositionLoans
    function offerOf(uint256 offerId) external view returns (Offer memory) {
        return _offers[offerId];
    }

    /// @inheritdoc IPositionLoans
    function requestOf(uint256 requestId) external view returns (Request memory) {
        return _requests[requestId];
    }

    /// @inheritdoc IPositionLoans
    function loanOf(uint256 loanId) external view returns (Loan memory) {
        return _loans[loanId];
    }

    /// @inheritdoc IPositionLoans
    function tokenCollateralOf(uint256 loanId) external view returns (TokenCollateral memory) {
        return _tokenCollateral[loanId];
    }

    /// @inheritdoc IPositionLoans
    function debtOf(uint256 loanId) external view returns (uint256 debt, uint256 interest) {
        Loan memory l = _accrued(loanId);
        interest = LoanMath.interestDue(l.interestOwed, l.minInterestLeft);
        debt = l.principal + interest;
    }

    /// @inheritdoc IPositionLoans
    function isOfferOpen(uint256 offerId) external view returns (bool) {
        Offer storage o = _offers[offerId];
        return o.lender != address(0) && block.timestamp < o.expiry && o.nonce == _nonces[o.lender];
    }

    /// @inheritdoc IPositionLoans
    function creditOf(address account, address token) external view returns (uint256) {
        return _credits[account][token];
    }

    /// @inheritdoc IPositionLoans
    function lenderNonce(address lender) external view returns (uint32) {
        return _nonces[lender];
    }

    /// @inheritdoc IPositionLoans
    function isCollateralToken(address token) external view returns (bool) {
        return _collateralTokens[token];
    }

    // =================================================================== internals

    /// @dev Starts a loan: locks or escrows the collateral, records the loan, pays the principal.
    function _startLoan(
        Terms memory terms,
        Collateral memory collateral,
        address borrower,
        address lender,
        uint256 tokenId,
        LoanSource source,
        uint256 sourceId
    ) private returns (uint256 loanId) {
        uint256 dueTime = block.timestamp + terms.duration;
        bool tokenLoan = collateral.kind == CollateralKind.Token;
        address collateralToken;
        if (tokenLoan) {
            if (tokenId != 0) revert Loans_CollateralMismatch(sourceId, tokenId);
            collateralToken = address(uint160(collateral.target));
            loanId = TOKEN_LOAN_BASE + ++tokenLoanCount;
            _tokenCollateral[loanId] = TokenCollateral({token: collateralToken, amount: collateral.amount});
        } else {
            PositionState memory st = _lock(tokenId, borrower, LockPayouts.REFUND_TO_LOCKER);
            _checkPosition(sourceId, collateral, tokenId, st, dueTime);
            loanId = tokenId;
        }
        _recordLoan(loanId, terms, borrower, lender, tokenLoan);
        _emitStarted(loanId, source, sourceId, terms);
        if (tokenLoan) emit TokenCollateralEscrowed(loanId, collateralToken, collateral.amount);
        if (tokenLoan) IERC20(collateralToken).safeTransferFrom(borrower, address(this), collateral.amount);
        IERC20(terms.currency).safeTransferFrom(lender, borrower, terms.principal);
    }

    /// @dev Writes a new loan (four slots); interest starts accruing now.
    function _recordLoan(uint256 loanId, Terms memory terms, address borrower, address lender, bool tokenLoan) private {
        Loan memory n;
        n.borrower = borrower;
        n.dueTime = (block.timestamp + terms.duration).toUint32();
        n.lastAccrual = uint32(block.timestamp);
        n.aprBps = terms.aprBps;
        n.feeBps = params.defiFeeBps();
        n.lender = lender;
        n.principal = terms.principal;
        n.currency = terms.currency;
        n.rewardPriceWad = tokenLoan ? 0 : terms.rewardPriceWad;
        n.minInterestLeft = terms.minInterest;
        n.gracePeriod = gracePeriod;
        n.tokenCollateral = tokenLoan;
        _loans[loanId] = n;
    }

    function _emitStarted(uint256 loanId, LoanSource source, uint256 sourceId, Terms memory terms) private {
        Loan storage l = _loans[loanId];
        uint256 dueTime = l.dueTime;
        emit LoanStarted(
            loanId, l.borrower, l.lender, source, sourceId, terms, dueTime, dueTime + l.gracePeriod, l.feeBps
        );
    }

    /// @dev Applies `value` (currency units, at most the debt) to `l` in memory, interest first, and
    /// credits the lender `amount` of `token` less the fee on the interest part. `token` is the currency,
    /// or the reward token of a self-repayment (`amount` of it is worth `value`).
    function _pay(uint256 loanId, Loan memory l, address token, uint256 amount, uint256 value)
        private
        returns (Payment memory p)
    {
        int256 owed;
        uint256 minLeft;
        (p.toInterest, p.toPrincipal, owed, minLeft) = LoanMath.split(value, l.interestOwed, l.minInterestLeft);
        l.interestOwed = int96(owed);
        l.minInterestLeft = uint96(minLeft);
        l.principal -= uint96(p.toPrincipal);
        p.fee = LoanMath.fee(p.toInterest, l.feeBps);
        if (token != l.currency && p.fee != 0) p.fee = p.fee * LoanMath.PRICE_SCALE / l.rewardPriceWad;
        _credit(l.lender, token, amount - p.fee, loanId);
        if (p.fee != 0) _accrueFee(token, p.fee);
        emit LoanPayment(loanId, msg.sender, token, amount, p.toInterest, p.toPrincipal, p.fee, l.principal);
    }

    /// @dev What `claimed` reward tokens pay of the debt: the value applied, the tokens used for it, and
    /// whether it clears the debt (then only the tokens worth the debt, rounded up, are used).
    function _rewardPayment(Loan memory l, uint256 claimed)
        private
        pure
        returns (uint256 value, uint256 used, bool full)
    {
        value = LoanMath.rewardValue(claimed, l.rewardPriceWad);
        if (value == 0) return (0, 0, false);
        uint256 debt = l.principal + LoanMath.interestDue(l.interestOwed, l.minInterestLeft);
        if (value < debt) return (value, claimed, false);
        return (debt, LoanMath.rewardsFor(debt, l.rewardPriceWad), true);
    }

    /// @dev Credits the current lender with the whole debt (less the fee on its interest part) before a
    /// new lender takes the loan; returns what the old lender was credited.
    function _payOff(uint256 loanId, Loan memory l, uint256 debt) private returns (uint256 toLender) {
        toLender = debt - _pay(loanId, l, l.currency, debt, debt).fee;
    }

    /// @dev Ends a repaid loan: the collateral is the borrower's again.
    function _close(uint256 loanId, Loan memory l) private {
        delete _loans[loanId];
        emit LoanRepaid(loanId, l.borrower, l.lender);
        if (l.tokenCollateral) {
            TokenCollateral memory c = _tokenCollateral[loanId];
            delete _tokenCollateral[loanId];
            _credit(l.borrower, c.token, c.amount, loanId);
        } else {
            _unlock(loanId);
        }
    }

    function _credit(address account, address token, uint256 amount, uint256 loanId) private {
        if (amount == 0) return;
        _credits[account][token] += amount;
        emit Credited(account, token, amount, loanId);
    }

    /// @dev The loan with its interest accrued to now (never past the due date), in memory.
    function _accrued(uint256 loanId) private view returns (Loan memory l) {
        l = _loans[loanId];
        if (l.borrower == address(0)) revert Loans_UnknownLoan(loanId);
        uint256 until = block.timestamp < l.dueTime ? block.timestamp : l.dueTime;
        if (until > l.lastAccrual) {
            uint256 accrued = LoanMath.interest(l.principal, l.aprBps, until - l.lastAccrual);
            l.interestOwed = (int256(l.interestOwed) + accrued.toInt256()).toInt96();
            l.lastAccrual = uint32(until);
        }
    }

    function _requireRepayable(uint256 loanId, Loan memory l) private view {
        uint256 graceEnd = uint256(l.dueTime) + l.gracePeriod;
        if (block.timestamp >= graceEnd) revert Loans_RepaymentClosed(loanId, graceEnd);
    }

    /// @dev The offer, reverting unless it can be used now.
    function _openOffer(uint256 offerId) private view returns (Offer memory o) {
        o = _offers[offerId];
        if (o.lender == address(0)) revert Loans_UnknownOffer(offerId);
        if (block.timestamp >= o.expiry) revert Loans_OfferExpired(offerId, o.expiry);
        uint32 nonce = _nonces[o.lender];
        if (o.nonce != nonce) revert Loans_OfferNonceCancelled(offerId, o.nonce, nonce);
    }

    /// @dev Counts one fill; the last fill deletes the offer.
    function _useOffer(uint256 offerId, Offer memory o) private {
        if (o.fills + 1 >= o.maxFills) delete _offers[offerId];
        else _offers[offerId].fills = o.fills + 1;
    }

    /// @dev A position may back a loan from `sourceId` when it matches the collateral description, its
    /// offering is active, and the due date leaves the required term days.
    function _checkPosition(
        uint256 sourceId,
        Collateral memory c,
        uint256 tokenId,
        PositionState memory st,
        uint256 dueTime
    ) private view {
        if (st.status != OfferingStatus.Active) revert Loans_OfferingNotActive(st.offeringId);
        CollateralKind kind = c.kind;
        bool matches = kind == CollateralKind.Position
            ? c.target == tokenId
            : kind == CollateralKind.Offering
                ? c.target == st.offeringId
                : kind == CollateralKind.Asset && c.target == _exchange().getOffering(st.offeringId).assetId;
        if (!matches) revert Loans_CollateralMismatch(sourceId, tokenId);
        if (st.units < c.minUnits) revert Loans_TooFewUnits(st.units, c.minUnits);
        _checkDueInTerm(dueTime, st.termEndDay, c.minDaysLeft);
    }

    function _checkDueInTerm(uint256 dueTime, uint256 termEndDay, uint256 minDaysLeft) private pure {
        uint256 termEnd = termEndDay * 1 days;
        if (dueTime + minDaysLeft * 1 days > termEnd) revert Loans_TermTooShort(dueTime, termEnd, minDaysLeft);
    }

    function _exchange() private view returns (IHashpowerExchange) {
        return IHashpowerExchange(address(positions));
    }

    function _setGracePeriod(uint32 grace) private {
        if (grace < MIN_GRACE || grace > MAX_GRACE) revert Loans_InvalidGracePeriod(grace);
        emit GracePeriodSet(gracePeriod, grace);
        gracePeriod = grace;
    }

    function _emitRefinanced(
        uint256 loanId,
        address oldLender,
        uint256 offerId,
        uint256 toOldLender,
        int256 borrowerReceived,
        Terms memory t
    ) private {
        Loan storage l = _loans[loanId];
        emit LoanRefinanced(
            loanId,
            oldLender,
            l.lender,
            offerId,
            toOldLender,
            borrowerReceived,
            t.principal,
            t.aprBps,
            t.minInterest,
            l.dueTime,
            uint256(l.dueTime) + l.gracePeriod,
            l.feeBps,
            t.rewardPriceWad
        );
    }
}
