import { LpStaked } from "../../../generated/LiquidityMiningDmcIfil/LiquidityMining";
import { onLpStaked } from "../../utils/staking";
import { pool } from "./pool";

/** LP staked (the amount that arrived); the WeightChanged that follows moves the pool. */
export function handleLpStaked(event: LpStaked): void {
  onLpStaked(event, pool(event), event.params.account, event.params.amount, event.params.staked);
}
