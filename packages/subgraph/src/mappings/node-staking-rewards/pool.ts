import { ethereum } from "@graphprotocol/graph-ts";

import { StakingPool } from "../../../generated/schema";
import { KIND_NODE_STAKING, loadPool } from "../../utils/emission";

/** This data source's pool (NodeStakingRewards), created at its first event. */
export function pool(event: ethereum.Event): StakingPool {
  return loadPool(event, "NodeStakingRewards", KIND_NODE_STAKING, "NodeStakingRewards");
}
