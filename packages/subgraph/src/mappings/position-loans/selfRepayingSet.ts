import { SelfRepayingSet } from "../../../generated/PositionLoans/PositionLoans";
import { activeLoan } from "../../utils/loans";

/** setSelfRepaying (or a rollover to an offer without a reward price): rewards routed to the loan or not. */
export function handleSelfRepayingSet(event: SelfRepayingSet): void {
  const loan = activeLoan(event.params.loanId);
  if (loan == null) return;
  loan.selfRepaying = event.params.on;
  loan.updatedAtTimestamp = event.block.timestamp;
  loan.save();
}
