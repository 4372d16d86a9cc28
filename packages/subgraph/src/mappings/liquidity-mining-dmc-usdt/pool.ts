import { ethereum } from "@graphprotocol/graph-ts";

import { StakingPool } from "../../../generated/schema";
import { KIND_LIQUIDITY_MINING, loadPool } from "../../utils/emission";

/** This data source's pool (LiquidityMiningDmcUsdt), created at its first event. */
export function pool(event: ethereum.Event): StakingPool {
  return loadPool(event, "LiquidityMining", KIND_LIQUIDITY_MINING, "LiquidityMiningDmcUsdt");
}
