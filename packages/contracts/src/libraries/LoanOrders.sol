// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPositionLockerErrors} from "../errors/LockErrors.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {IPositionLoans} from "../interfaces/IPositionLoans.sol";
import {IPositionLoansErrors} from "../errors/LendingErrors.sol";
import {LoanMath} from "./LoanMath.sol";

/// @title LoanOrders
/// @notice The order book side of `PositionLoans`: validating and storing lenders' offers and
/// borrowers' requests. A linked library like PrimaryAuctionSales: posting an order is rare next to
/// the loan paths, so this code lives outside the loans contract's size limit.
library LoanOrders {
    uint32 internal constant MIN_DURATION = 1 hours;
    uint32 internal constant MAX_DURATION = 365 days;
    uint16 internal constant MAX_APR_BPS = 20_000;

    /// @notice Validates and stores an offer. Emits {IPositionLoans.OfferMade}.
    function placeOffer(
        mapping(uint256 => IPositionLoans.Offer) storage offers,
        mapping(address => bool) storage collateralTokens,
        IHashpowerExchange exchange,
        uint256 offerId,
        uint32 nonce,
        IPositionLoans.Terms calldata terms,
        IPositionLoans.Collateral calldata collateral,
        uint32 expiry,
        uint16 maxFills
    ) public {
        checkTerms(exchange, terms, expiry);
        IPositionLoans.CollateralKind kind = collateral.kind;
        if (kind == IPositionLoans.CollateralKind.Position ? maxFills != 1 : maxFills == 0) {
            revert IPositionLoansErrors.Loans_InvalidMaxFills(maxFills);
        }
        checkCollateral(collateralTokens, collateral, true);
        offers[offerId] = IPositionLoans.Offer({
            terms: terms,
            collateral: collateral,
            lender: msg.sender,
            expiry: expiry,
            maxFills: maxFills,
            fills: 0,
            nonce: nonce
        });
        emit IPositionLoans.OfferMade(offerId, msg.sender, terms, collateral, expiry, maxFills, nonce);
    }

    /// @notice Validates and stores a request (Position or Token collateral). A position must be the
    /// caller's now; it is locked only when a lender fills the request. Emits {IPositionLoans.RequestMade}.
    function placeRequest(
        mapping(uint256 => IPositionLoans.Request) storage requests,
        mapping(address => bool) storage collateralTokens,
        IHashpowerExchange exchange,
        uint256 requestId,
        IPositionLoans.Terms calldata terms,
        IPositionLoans.Collateral calldata collateral,
        uint32 expiry
    ) public {
        checkTerms(exchange, terms, expiry);
        checkCollateral(collateralTokens, collateral, false);
        if (collateral.kind == IPositionLoans.CollateralKind.Position) {
            address owner = exchange.positionState(collateral.target).owner;
            if (owner != msg.sender) {
                revert IPositionLockerErrors.PositionLocker_NotPositionOwner(collateral.target, msg.sender, owner);
            }
        }
        requests[requestId] =
            IPositionLoans.Request({terms: terms, collateral: collateral, borrower: msg.sender, expiry: expiry});
        emit IPositionLoans.RequestMade(requestId, msg.sender, terms, collateral, expiry);
    }

    function checkTerms(IHashpowerExchange exchange, IPositionLoans.Terms calldata t, uint32 expiry) private view {
        if (!exchange.isPaymentToken(t.currency)) revert IPositionLoansErrors.Loans_CurrencyNotListed(t.currency);
        if (t.principal == 0) revert IPositionLoansErrors.Loans_InvalidPrincipal(t.principal);
        if (t.duration < MIN_DURATION || t.duration > MAX_DURATION) {
            revert IPositionLoansErrors.Loans_InvalidDuration(t.duration, MIN_DURATION, MAX_DURATION);
        }
        if (t.aprBps > MAX_APR_BPS) revert IPositionLoansErrors.Loans_InvalidApr(t.aprBps, MAX_APR_BPS);
        // A loan records its interest in an int96: a principal whose interest over the longest a loan can
        // run (refinancing included) would not fit could never be repaid nor foreclosed.
        if (LoanMath.interest(t.principal, t.aprBps, MAX_DURATION) > uint96(type(int96).max)) {
            revert IPositionLoansErrors.Loans_InvalidPrincipal(t.principal);
        }
        uint256 maxInterest = LoanMath.interest(t.principal, t.aprBps, t.duration);
        if (t.minInterest > maxInterest) {
            revert IPositionLoansErrors.Loans_MinInterestAboveMax(t.minInterest, maxInterest);
        }
        if (expiry <= block.timestamp) revert IPositionLoansErrors.Loans_InvalidExpiry(expiry, block.timestamp);
    }

    /// @dev Offers take any kind; requests only a position or a token amount.
    function checkCollateral(
        mapping(address => bool) storage collateralTokens,
        IPositionLoans.Collateral calldata c,
        bool isOffer
    ) private view {
        IPositionLoans.CollateralKind kind = c.kind;
        bool positionOrToken =
            kind == IPositionLoans.CollateralKind.Position || kind == IPositionLoans.CollateralKind.Token;
        if (kind == IPositionLoans.CollateralKind.None || (!isOffer && !positionOrToken)) {
            revert IPositionLoansErrors.Loans_InvalidCollateral();
        }
        if (kind == IPositionLoans.CollateralKind.Token) {
            if (c.target > type(uint160).max || !collateralTokens[address(uint160(c.target))] || c.amount == 0) {
                revert IPositionLoansErrors.Loans_InvalidCollateral();
            }
        }
    }
}
