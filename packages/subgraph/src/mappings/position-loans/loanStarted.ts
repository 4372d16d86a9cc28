import { LoanStarted } from "../../../generated/PositionLoans/PositionLoans";
import { Loan, LoanOffer, LoanRequest, Position } from "../../../generated/schema";
import { ZERO } from "../../utils/constants";
import { getOrCreateProtocolDay, getOrCreateToken } from "../../utils/loaders";
import {
  isTokenLoan,
  LOAN_ACTIVE,
  nextLoanId,
  REQUEST_FILLED,
  smallInt,
  SOURCE_OFFER,
  useOffer,
} from "../../utils/loans";
import { tradingAccount } from "../../utils/trading";

/**
 * acceptOffer / fillRequest: a new Loan `loanId-n` (a position's loan id is its token id, reused by
 * its later loans). A token loan's collateral comes with the TokenCollateralEscrowed right after.
 */
export function handleLoanStarted(event: LoanStarted): void {
  const params = event.params;
  const terms = params.terms;
  const now = event.block.timestamp;
  const tokenLoan = isTokenLoan(params.loanId);
  const id = nextLoanId(params.loanId);

  const loan = new Loan(id);
  loan.loanId = params.loanId;
  loan.status = LOAN_ACTIVE;
  loan.borrower = tradingAccount(params.borrower, event.block).id;
  loan.lender = tradingAccount(params.lender, event.block).id;
  loan.originalLender = loan.lender;
  loan.currency = getOrCreateToken(terms.currency).id;
  if (!tokenLoan) {
    const position = Position.load(params.loanId.toString());
    if (position != null) {
      loan.position = position.id;
      loan.offering = position.offering;
      position.loan = id;
      position.save();
    }
  }
  loan.collateralAmount = ZERO;
  if (params.source == SOURCE_OFFER) {
    const offer = LoanOffer.load(params.sourceId.toString());
    if (offer != null) {
      loan.offer = offer.id;
      useOffer(offer, event);
    }
  } else {
    const request = LoanRequest.load(params.sourceId.toString());
    if (request != null) {
      loan.request = request.id;
      request.status = REQUEST_FILLED;
      request.loan = id;
      request.updatedAtTimestamp = now;
      request.save();
    }
  }
  loan.principalOriginal = terms.principal;
  loan.principal = terms.principal;
  loan.aprBps = terms.aprBps;
  loan.minInterest = terms.minInterest;
  // The contract keeps no reward price for a token loan (no rewards to route).
  loan.rewardPriceWad = tokenLoan ? ZERO : terms.rewardPriceWad;
  loan.feeBps = smallInt(params.feeBps);
  loan.startTime = now;
  loan.lastAccrualTime = now;
  loan.dueTime = params.dueTime;
  loan.graceEnd = params.graceEnd;
  loan.gracePeriod = params.graceEnd.minus(params.dueTime);
  loan.interestOwed = ZERO;
  loan.minInterestLeft = terms.minInterest;
  loan.repaid = ZERO;
  loan.interestPaid = ZERO;
  loan.principalPaid = ZERO;
  loan.selfRepaying = false;
  loan.rewardsApplied = ZERO;
  loan.createdAtTimestamp = now;
  loan.createdAtBlock = event.block.number;
  loan.updatedAtTimestamp = now;
  loan.save();

  const day = getOrCreateProtocolDay(now);
  day.lendingVolume = day.lendingVolume.plus(terms.principal);
  day.loansStarted += 1;
  day.save();
}
