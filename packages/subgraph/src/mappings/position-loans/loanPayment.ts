import { LoanPayment } from "../../../generated/PositionLoans/PositionLoans";
import { Repayment } from "../../../generated/schema";
import { getOrCreateProtocolDay, getOrCreateToken } from "../../utils/loaders";
import { accrue, activeLoan, eventKey, holdPayoff, payInterest } from "../../utils/loans";
import { tradingAccount } from "../../utils/trading";

/**
 * repay, applyRewards (amount in the reward token, the split in currency value) and the payoff of the
 * old lender in a refinancing. The loan's interest state follows the contract: accrue to now (never
 * past the due time, rounded up), then the payment pays interest first. A payment leaving nothing is
 * written as a Repayment by the LoanRepaid or LoanRefinanced right after it (which tells which it was).
 */
export function handleLoanPayment(event: LoanPayment): void {
  const params = event.params;
  const loan = activeLoan(params.loanId);
  if (loan == null) return;
  const now = event.block.timestamp;
  accrue(loan, now);
  payInterest(loan, params.interestPaid);
  loan.principal = params.principalLeft;
  loan.interestPaid = loan.interestPaid.plus(params.interestPaid);
  loan.principalPaid = loan.principalPaid.plus(params.principalPaid);
  loan.repaid = loan.repaid.plus(params.interestPaid).plus(params.principalPaid);
  const selfRepayment = !params.token.equals(loan.currency);
  if (selfRepayment) loan.rewardsApplied = loan.rewardsApplied.plus(params.amount);
  loan.updatedAtTimestamp = now;
  loan.save();

  const payer = tradingAccount(params.payer, event.block).id;
  const token = getOrCreateToken(params.token).id;
  const id = eventKey(event);
  if (params.principalLeft.isZero()) {
    holdPayoff(loan, id, payer, token, params.amount, params.interestPaid, params.principalPaid, params.fee, event);
  } else {
    const r = new Repayment(id);
    r.loan = loan.id;
    r.payer = payer;
    r.token = token;
    r.amount = params.amount;
    r.interestPaid = params.interestPaid;
    r.principalPaid = params.principalPaid;
    r.fee = params.fee;
    r.principalLeft = params.principalLeft;
    r.selfRepayment = selfRepayment;
    r.refinancing = false;
    r.timestamp = now;
    r.blockNumber = event.block.number;
    r.transactionHash = event.transaction.hash;
    r.save();
  }

  const day = getOrCreateProtocolDay(now);
  day.lendingInterest = day.lendingInterest.plus(params.interestPaid);
  day.lendingFees = day.lendingFees.plus(params.fee);
  day.save();
}
