import { Claimed } from "../../../generated/PositionLoans/PositionLoans";
import { ZERO } from "../../utils/constants";
import { getOrCreateToken } from "../../utils/loaders";
import { getOrCreateCredit } from "../../utils/loans";

/** claim pulls the whole credit in the token. */
export function handleClaimed(event: Claimed): void {
  const params = event.params;
  const token = getOrCreateToken(params.token).id;
  const credit = getOrCreateCredit(params.account, token, event.block);
  credit.amount = ZERO;
  credit.totalClaimed = credit.totalClaimed.plus(params.amount);
  credit.updatedAtTimestamp = event.block.timestamp;
  credit.save();
}
