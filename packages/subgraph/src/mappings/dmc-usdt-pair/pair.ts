import { ethereum } from "@graphprotocol/graph-ts";

import { Pair } from "../../../generated/schema";
import { loadPair } from "../../utils/pairs";

/** This data source's pair (DmcUsdtPair), created at its first event. */
export function pair(event: ethereum.Event): Pair {
  return loadPair(event, "DmcUsdtPair");
}
