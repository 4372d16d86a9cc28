import { LoanForeclosed } from "../../../generated/PositionLoans/PositionLoans";
import { Foreclosure } from "../../../generated/schema";
import { getOrCreateProtocolDay } from "../../utils/loaders";
import { accrue, activeLoan, closeLoan, eventKey, LOAN_FORECLOSED } from "../../utils/loans";
import { tradingAccount } from "../../utils/trading";

/** foreclose: the grace period ended unpaid, the collateral went to the lender. */
export function handleLoanForeclosed(event: LoanForeclosed): void {
  const params = event.params;
  const loan = activeLoan(params.loanId);
  if (loan == null) return;
  const now = event.block.timestamp;
  accrue(loan, now);

  const f = new Foreclosure(eventKey(event));
  f.loan = loan.id;
  f.lender = tradingAccount(params.lender, event.block).id;
  f.by = tradingAccount(params.by, event.block).id;
  f.principalLeft = params.principalLeft;
  f.interestOwed = params.interestOwed;
  f.timestamp = now;
  f.transactionHash = event.transaction.hash;
  f.save();

  loan.principal = params.principalLeft;
  loan.foreclosure = f.id;
  closeLoan(loan, LOAN_FORECLOSED, event);
  loan.save();

  const day = getOrCreateProtocolDay(now);
  day.foreclosures += 1;
  day.save();
}
