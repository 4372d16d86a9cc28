import { ethereum } from "@graphprotocol/graph-ts";

import { StakingPool } from "../../../generated/schema";
import { KIND_POSITION_STAKING, loadPool } from "../../utils/emission";

/** This data source's pool (PositionStaking), created at its first event. */
export function pool(event: ethereum.Event): StakingPool {
  return loadPool(event, "PositionStaking", KIND_POSITION_STAKING, "PositionStaking");
}
