import { FeesSwept } from "../../../generated/PositionLoans/PositionLoans";
import { LoanFeeSweep } from "../../../generated/schema";
import { eventId } from "../../utils/ids";
import { getOrCreateToken } from "../../utils/loaders";

/** sweepFees: the DeFi fees collected in a token went to the fee recipient (counted at payment: ProtocolDay.lendingFees). */
export function handleFeesSwept(event: FeesSwept): void {
  const sweep = new LoanFeeSweep(eventId(event));
  sweep.token = getOrCreateToken(event.params.token).id;
  sweep.to = event.params.to;
  sweep.amount = event.params.amount;
  sweep.blockNumber = event.block.number;
  sweep.timestamp = event.block.timestamp;
  sweep.transactionHash = event.transaction.hash;
  sweep.save();
}
