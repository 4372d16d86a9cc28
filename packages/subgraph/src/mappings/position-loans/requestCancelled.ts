import { RequestCancelled } from "../../../generated/PositionLoans/PositionLoans";
import { LoanRequest } from "../../../generated/schema";
import { REQUEST_CANCELLED, REQUEST_OPEN } from "../../utils/loans";

/** cancelRequest. */
export function handleRequestCancelled(event: RequestCancelled): void {
  const request = LoanRequest.load(event.params.requestId.toString());
  if (request == null || request.status != REQUEST_OPEN) return;
  request.status = REQUEST_CANCELLED;
  request.updatedAtTimestamp = event.block.timestamp;
  request.save();
}
