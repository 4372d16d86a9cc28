import { ethereum } from "@graphprotocol/graph-ts";

import { Pair } from "../../../generated/schema";
import { loadPair } from "../../utils/pairs";

/** This data source's pair (DmcIfilPair), created at its first event. */
export function pair(event: ethereum.Event): Pair {
  return loadPair(event, "DmcIfilPair");
}
