import { LpWithdrawn } from "../../../generated/LiquidityMiningDmcUsdt/LiquidityMining";
import { onLpWithdrawn } from "../../utils/staking";
import { pool } from "./pool";

/** LP withdrawn (withdraw or exit); the WeightChanged that follows moves the pool. */
export function handleLpWithdrawn(event: LpWithdrawn): void {
  onLpWithdrawn(event, pool(event), event.params.account, event.params.amount, event.params.staked);
}
