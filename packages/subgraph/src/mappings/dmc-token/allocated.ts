import { Allocated } from "../../../generated/DMCToken/DMCToken";
import { DmcAllocation } from "../../../generated/schema";
import { eventId } from "../../utils/ids";

export function handleAllocated(event: Allocated): void {
  const allocation = new DmcAllocation(eventId(event));
  allocation.recipient = event.params.recipient;
  allocation.amount = event.params.amount;
  allocation.label = event.params.label;
  allocation.save();
}
