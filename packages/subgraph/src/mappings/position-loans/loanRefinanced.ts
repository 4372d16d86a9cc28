import { LoanRefinanced } from "../../../generated/PositionLoans/PositionLoans";
import { LoanOffer, Refinancing } from "../../../generated/schema";
import { ZERO } from "../../utils/constants";
import { activeLoan, eventKey, releasePayoff, smallInt, useOffer } from "../../utils/loans";
import { tradingAccount } from "../../utils/trading";

/**
 * refinance (a new lender takes over, offerId 0) or rollover (to offer offerId): the payoff just
 * before paid the old lender; the loan goes on with the new lender and terms, accruing from now.
 */
export function handleLoanRefinanced(event: LoanRefinanced): void {
  const params = event.params;
  const loan = activeLoan(params.loanId);
  if (loan == null) return;
  const now = event.block.timestamp;
  releasePayoff(loan.id, true);
  const newLender = tradingAccount(params.newLender, event.block).id;

  const r = new Refinancing(eventKey(event));
  r.loan = loan.id;
  r.oldLender = tradingAccount(params.oldLender, event.block).id;
  r.newLender = newLender;
  if (!params.offerId.isZero()) {
    const offer = LoanOffer.load(params.offerId.toString());
    if (offer != null) {
      r.offer = offer.id;
      useOffer(offer, event);
    }
  }
  r.paidToOldLender = params.paidToOldLender;
  r.borrowerReceived = params.borrowerReceived;
  r.principal = params.principal;
  r.aprBps = smallInt(params.aprBps);
  r.minInterest = params.minInterest;
  r.dueTime = params.dueTime;
  r.graceEnd = params.graceEnd;
  r.oldAprBps = loan.aprBps;
  r.oldDueTime = loan.dueTime;
  r.timestamp = now;
  r.transactionHash = event.transaction.hash;
  r.save();

  loan.lender = newLender;
  loan.principalOriginal = params.principal;
  loan.principal = params.principal;
  loan.aprBps = r.aprBps;
  loan.minInterest = params.minInterest;
  loan.minInterestLeft = params.minInterest;
  loan.interestOwed = ZERO;
  loan.lastAccrualTime = now;
  loan.dueTime = params.dueTime;
  loan.graceEnd = params.graceEnd;
  loan.gracePeriod = params.graceEnd.minus(params.dueTime);
  loan.feeBps = smallInt(params.feeBps);
  loan.rewardPriceWad = params.rewardPriceWad;
  // A rollover to an offer without a reward price ends self-repayment (its SelfRepayingSet came first).
  loan.selfRepaying = loan.selfRepaying && !params.rewardPriceWad.isZero();
  loan.updatedAtTimestamp = now;
  loan.save();
}
