import { TokenCollateralEscrowed } from "../../../generated/PositionLoans/PositionLoans";
import { getOrCreateToken } from "../../utils/loaders";
import { activeLoan } from "../../utils/loans";

/** A token loan's collateral, escrowed in the same transaction as its LoanStarted. */
export function handleTokenCollateralEscrowed(event: TokenCollateralEscrowed): void {
  const loan = activeLoan(event.params.loanId);
  if (loan == null) return;
  loan.collateralToken = getOrCreateToken(event.params.token).id;
  loan.collateralAmount = event.params.amount;
  loan.updatedAtTimestamp = event.block.timestamp;
  loan.save();
}
