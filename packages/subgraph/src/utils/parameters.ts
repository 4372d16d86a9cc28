import { ethereum } from "@graphprotocol/graph-ts";

import { ParameterChange } from "../../generated/schema";
import { eventId } from "./ids";

/** A ParameterChange record of `kind` for the event; the caller fills the kind's fields and saves. */
export function newParameterChange(event: ethereum.Event, kind: string): ParameterChange {
  const change = new ParameterChange(eventId(event));
  change.kind = kind;
  change.blockNumber = event.block.number;
  change.timestamp = event.block.timestamp;
  change.transactionHash = event.transaction.hash;
  change.logIndex = event.logIndex;
  return change;
}
