import { Credited } from "../../../generated/PositionLoans/PositionLoans";
import { getOrCreateToken } from "../../utils/loaders";
import { getOrCreateCredit } from "../../utils/loans";

/** A payment, collateral or spare rewards became claimable by the account. */
export function handleCredited(event: Credited): void {
  const params = event.params;
  const token = getOrCreateToken(params.token).id;
  const credit = getOrCreateCredit(params.account, token, event.block);
  credit.amount = credit.amount.plus(params.amount);
  credit.totalCredited = credit.totalCredited.plus(params.amount);
  credit.updatedAtTimestamp = event.block.timestamp;
  credit.save();
}
