// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFeeVault} from "./IFeeVault.sol";
import {IPositionLoansErrors} from "../errors/LendingErrors.sol";

/// @title IPositionLoans
/// @notice Stablecoin loans against hashpower positions and reward tokens (IFIL, WBTC).
/// Lenders post offers (for one position, for any position of an offering or an asset, or for an
/// amount of a reward token); borrowers post requests. A filled offer or request starts a loan: the
/// principal goes to the borrower and the collateral is locked in place (a position: REFUND_TO_LOCKER,
/// so it keeps earning for the borrower but a halted offering's refund can only reach the loan) or
/// escrowed here (tokens). See docs/decisions/0018-lending.md.
/// @dev Interest is pro-rata by the second on the outstanding principal, rounded up, from the start to
/// the due date, never after it; a stated minimum applies to early repayment. Payments pay interest
/// first, then principal. Repayment is open to anyone until `dueTime + gracePeriod` (exclusive), and
/// foreclosure from that second on, so the two are never both valid. Every payment is credited here for
/// its receiver to pull ({claim}): a lender that cannot receive tokens cannot block repayment, and
/// nothing can pause it. The DeFi fee (ProtocolParameters.defiFeeBps) is snapshotted per loan and
/// charged on the interest the lender receives. A position loan's id is the position's token id (one
/// loan per position at a time: the lock); a token loan's id is `TOKEN_LOAN_BASE + n`.
interface IPositionLoans is IPositionLoansErrors, IFeeVault {
    /// @notice What an offer or a request accepts as collateral.
    enum CollateralKind {
        None,
        /// @dev One position: `target` is its token id.
        Position,
        /// @dev Any position of offering `target` with at least `minUnits` units (collection offer).
        Offering,
        /// @dev Any position of an offering of asset `target` with at least `minUnits` (collection offer).
        Asset,
        /// @dev `amount` of the ERC-20 at address `target` (a collateral token governance lists).
        Token
    }

    /// @notice How a loan came to be.
    enum LoanSource {
        Offer,
        Request
    }

    /// @notice The money terms of an offer, a request or a loan.
    struct Terms {
        address currency; // a stablecoin the exchange lists
        uint96 principal; // currency base units
        uint16 aprBps; // yearly rate, basis points, pro-rata by the second (365-day year)
        uint32 duration; // seconds from the start to the due date
        uint96 minInterest; // interest owed even if repaid at once; at most the interest of the whole duration
        // currency base units paid down per 1e18 reward-token base units the loan receives when
        // self-repaying; 0: the lender does not take rewards (self-repayment unavailable)
        uint96 rewardPriceWad;
    }

    /// @notice The collateral side of an offer or a request.
    struct Collateral {
        uint256 target; // token id, offering id, asset id, or the collateral token's address
        CollateralKind kind;
        uint40 minUnits; // collection offers: least units of the position
        uint16 minDaysLeft; // collection offers: least term days left after the due date
        uint96 amount; // Token: the collateral amount
    }

    /// @notice A lender's standing offer. Backed by the lender's allowance, not escrowed.
    struct Offer {
        Terms terms;
        Collateral collateral;
        address lender;
        uint32 expiry; // void from this second on
        uint16 maxFills; // 1 for a single position; collection offers up to 65,535
        uint16 fills;
        uint32 nonce; // void once the lender's nonce moves past it ({cancelAllOffers})
    }

    /// @notice A borrower's request: the collateral it pledges and the terms it wants.
    struct Request {
        Terms terms;
        Collateral collateral; // Position or Token
        address borrower;
        uint32 expiry;
    }

    /// @notice A live loan, in four storage slots.
    struct Loan {
        address borrower;
        uint32 dueTime;
        uint32 lastAccrual; // interest is accrued up to this second (never past dueTime)
        uint16 aprBps;
        uint16 feeBps; // DeFi fee on the lender's interest, snapshotted at origination
        address lender;
        uint96 principal; // outstanding
        address currency;
        uint96 rewardPriceWad;
        int96 interestOwed; // accrued minus paid; negative when the minimum was paid ahead of accrual
        uint96 minInterestLeft; // part of the stated minimum not yet paid
        uint32 gracePeriod; // snapshotted at origination
        bool selfRepaying; // the position's rewards are routed to the loan
        bool tokenCollateral;
    }

    /// @notice How a payment was split (currency units), and the fee taken (in the paid token).
    struct Payment {
        uint256 toInterest;
        uint256 toPrincipal;
        uint256 fee;
    }

    /// @notice A token loan's escrowed collateral.
    struct TokenCollateral {
        address token;
        uint96 amount;
    }

    // ------------------------------------------------------------------ events

    /// @notice `lender` posted an offer.
    event OfferMade(
        uint256 indexed offerId,
        address indexed lender,
        Terms terms,
        Collateral collateral,
        uint256 expiry,
        uint256 maxFills,
        uint256 nonce
    );
    /// @notice The lender cancelled one offer.
    event OfferCancelled(uint256 indexed offerId, address indexed lender);
    /// @notice The lender voided every offer it made with a nonce below `nonce`.
    event AllOffersCancelled(address indexed lender, uint256 nonce);
    /// @notice `borrower` posted a request.
    event RequestMade(
        uint256 indexed requestId, address indexed borrower, Terms terms, Collateral collateral, uint256 expiry
    );
    /// @notice The borrower cancelled its request.
    event RequestCancelled(uint256 indexed requestId, address indexed borrower);
    /// @notice A loan started: the borrower received `terms.principal`, the collateral is pledged.
    /// `sourceId` is the offer's or the request's id. A position loan's collateral is position `loanId`;
    /// a token loan's is told by {TokenCollateralEscrowed} in the same transaction.
    event LoanStarted(
        uint256 indexed loanId,
        address indexed borrower,
        address indexed lender,
        LoanSource source,
        uint256 sourceId,
        Terms terms,
        uint256 dueTime,
        uint256 graceEnd,
        uint256 feeBps
    );
    /// @notice A token loan's collateral was escrowed here.
    event TokenCollateralEscrowed(uint256 indexed loanId, address indexed token, uint256 amount);
    /// @notice A payment reduced a loan's debt, interest first. `amount` is in `token`: the currency, or
    /// the reward token for a self-repayment (then `interestPaid` and `principalPaid` are its value in the
    /// currency at the loan's reward price). `fee` is the DeFi fee, in `token`; the lender was credited
    /// `amount - fee`.
    event LoanPayment(
        uint256 indexed loanId,
        address indexed payer,
        address token,
        uint256 amount,
        uint256 interestPaid,
        uint256 principalPaid,
        uint256 fee,
        uint256 principalLeft
    );
    /// @notice The debt was paid in full: the collateral is the borrower's again.
    event LoanRepaid(uint256 indexed loanId, address indexed borrower, address indexed lender);
    /// @notice A lender took over the loan (`offerId` 0) or the borrower rolled it over to offer `offerId`.
    /// The old lender was credited `paidToOldLender` (its fee already taken); `borrowerReceived` is what
    /// the borrower got (positive) or paid (negative) on a rollover.
    event LoanRefinanced(
        uint256 indexed loanId,
        address indexed oldLender,
        address indexed newLender,
        uint256 offerId,
        uint256 paidToOldLender,
        int256 borrowerReceived,
        uint256 principal,
        uint256 aprBps,
        uint256 minInterest,
        uint256 dueTime,
        uint256 graceEnd,
        uint256 feeBps,
        uint256 rewardPriceWad
    );
    /// @notice The grace period ended unpaid: the collateral went to the lender.
    event LoanForeclosed(
        uint256 indexed loanId, address indexed lender, address indexed by, uint256 principalLeft, uint256 interestOwed
    );
    /// @notice The borrower turned the routing of its position's rewards to the loan on or off.
    event SelfRepayingSet(uint256 indexed loanId, bool on);
    /// @notice `amount` of `token` became claimable by `account` ({claim}).
    event Credited(address indexed account, address indexed token, uint256 amount, uint256 indexed loanId);
    /// @notice `account` pulled its credit.
    event Claimed(address indexed account, address indexed token, address to, uint256 amount);
    /// @notice Governance changed the grace period of loans started from now on.
    event GracePeriodSet(uint256 previous, uint256 grace);
    /// @notice Governance listed or delisted a collateral token (live loans are not affected).
    event CollateralTokenSet(address indexed token, bool listed);

    // ------------------------------------------------------------------ lenders

    /// @notice Posts an offer. The lender must approve this contract for the principal (times the fills
    /// it wants) in the currency: the principal moves only when a borrower accepts. Emits {OfferMade}.
    /// @param collateral Position (maxFills 1), Offering or Asset (collection), or Token.
    /// @param expiry The second from which the offer is void.
    function makeOffer(Terms calldata terms, Collateral calldata collateral, uint32 expiry, uint16 maxFills)
        external
        returns (uint256 offerId);

    /// @notice Cancels one of the caller's offers. Emits {OfferCancelled}.
    function cancelOffer(uint256 offerId) external;

    /// @notice Voids every offer the caller made so far. Emits {AllOffersCancelled}.
    function cancelAllOffers() external;

    /// @notice Fills a borrower's request: the caller lends its principal. Emits {LoanStarted}.
    function fillRequest(uint256 requestId) external returns (uint256 loanId);

    /// @notice Takes over a live loan before its due date on terms strictly better for the borrower: the
    /// borrower's debt now is carried over unchanged (it becomes the principal), it grows strictly slower
    /// per second, the due date is not earlier (and not after the collateral's term end), no minimum
    /// interest. The caller pays the old lender's debt in full (credited to it). Emits {LoanRefinanced}.
    /// @param maxPayment The most the caller pays (the debt grows by the second).
    function refinance(uint256 loanId, uint16 aprBps, uint32 dueTime, uint256 maxPayment)
        external
        returns (uint256 paid);

    /// @notice After the grace period ends unpaid: the collateral goes to the lender. Anyone may call.
    /// Emits {LoanForeclosed}.
    function foreclose(uint256 loanId) external;

    // ------------------------------------------------------------------ borrowers

    /// @notice Accepts an offer with the caller's position `tokenId` (0 for a Token offer, whose
    /// collateral amount is pulled from the caller). The position must be approved to this contract and
    /// its offering active; the due date must leave `minDaysLeft` term days. Emits {LoanStarted}.
    function acceptOffer(uint256 offerId, uint256 tokenId) external returns (uint256 loanId);

    /// @notice Posts a request. Nothing is locked or escrowed until a lender fills it: the position must
    /// then still be the caller's, free and approved (tokens: the allowance). Emits {RequestMade}.
    function requestLoan(Terms calldata terms, Collateral calldata collateral, uint32 expiry)
        external
        returns (uint256 requestId);

    /// @notice Cancels the caller's request. Emits {RequestCancelled}.
    function cancelRequest(uint256 requestId) external;

    /// @notice Pays up to `amount` of a loan's debt (anyone may pay). Interest first, then principal; when
    /// the debt is paid in full the collateral returns to the borrower. Emits {LoanPayment} and, when
    /// closed, {LoanRepaid}.
    /// @return paid What was taken: `min(amount, debt)`.
    function repay(uint256 loanId, uint256 amount) external returns (uint256 paid);

    /// @notice The borrower moves the loan to an open offer of its choice that accepts the collateral in
    /// the same currency: the offer's lender pays the old lender in full; the borrower receives the
    /// difference, or pays it (at most `maxBorrowerPayment`) if the new principal is below the debt.
    /// Emits {LoanRefinanced}.
    function rollover(uint256 loanId, uint256 offerId, uint256 maxBorrowerPayment) external;

    /// @notice The borrower routes its position's rewards to the loan (on) or back to itself (off).
    /// Only for loans whose terms give a reward price. Emits {SelfRepayingSet}.
    function setSelfRepaying(uint256 loanId, bool on) external;

    /// @notice Claims a self-repaying loan's routed rewards and pays the debt down with them at the loan's
    /// reward price; rewards beyond the debt are credited to the borrower. Anyone may call, until the
    /// grace period ends. Emits {LoanPayment} (and {LoanRepaid} when it clears the debt).
    /// @return claimed Reward tokens claimed from the position.
    function applyRewards(uint256 loanId) external returns (uint256 claimed);

    // ------------------------------------------------------------------ everyone

    /// @notice Pulls the caller's credited `token` (repayments, collateral, spare rewards) to `to`, so an
    /// account a token blacklists can still take its money elsewhere. Emits {Claimed}.
    function claim(address token, address to) external returns (uint256 amount);

    // ------------------------------------------------------------------ governance

    /// @notice Grace period of loans started from now on (live loans keep theirs). Emits {GracePeriodSet}.
    function setGracePeriod(uint32 grace) external;

    /// @notice Lists or delists an ERC-20 as loan collateral. Emits {CollateralTokenSet}.
    function setCollateralToken(address token, bool listed) external;

    // ------------------------------------------------------------------ views

    /// @notice An offer (zeroed once cancelled or filled up).
    function offerOf(uint256 offerId) external view returns (Offer memory);

    /// @notice A request (zeroed once cancelled or filled).
    function requestOf(uint256 requestId) external view returns (Request memory);

    /// @notice A live loan (zeroed once repaid or foreclosed).
    function loanOf(uint256 loanId) external view returns (Loan memory);

    /// @notice A token loan's escrowed collateral.
    function tokenCollateralOf(uint256 loanId) external view returns (TokenCollateral memory);

    /// @notice What it takes to repay a loan in full at this second, and the interest part of it.
    function debtOf(uint256 loanId) external view returns (uint256 debt, uint256 interest);

    /// @notice Whether a live offer could be accepted now (expiry, nonce, fills), ignoring the collateral.
    function isOfferOpen(uint256 offerId) external view returns (bool);

    /// @notice Claimable credit of `account` in `token`.
    function creditOf(address account, address token) external view returns (uint256);

    /// @notice The lender's current offer nonce.
    function lenderNonce(address lender) external view returns (uint32);

    /// @notice Grace period given to loans started now.
    function gracePeriod() external view returns (uint32);

    /// @notice Whether governance lists `token` as collateral.
    function isCollateralToken(address token) external view returns (bool);
}
