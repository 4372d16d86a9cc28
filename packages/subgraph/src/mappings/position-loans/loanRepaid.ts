import { LoanRepaid } from "../../../generated/PositionLoans/PositionLoans";
import { activeLoan, closeLoan, LOAN_REPAID, releasePayoff } from "../../utils/loans";

/** The debt was paid in full: the payoff just before is a plain repayment; the position is free again. */
export function handleLoanRepaid(event: LoanRepaid): void {
  const loan = activeLoan(event.params.loanId);
  if (loan == null) return;
  releasePayoff(loan.id, false);
  closeLoan(loan, LOAN_REPAID, event);
  loan.save();
}
