import { WeightChanged } from "../../../generated/LiquidityMiningDmcUsdt/LiquidityMining";
import { onWeightChanged } from "../../utils/emission";
import { pool } from "./pool";

/** An account's weight changed: the stream is accounted up to now and its earnings settled. */
export function handleWeightChanged(event: WeightChanged): void {
  const p = event.params;
  onWeightChanged(event, pool(event), p.account, p.weight, p.totalWeight, p.settled);
}
