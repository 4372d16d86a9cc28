import { ParamsSet } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool } from "../../utils/insurance";

/**
 * New parameters, in force from effectiveAt (the constructor's: at once). As setParams does, the values in force
 * now become the current ones first (the previous next* once their effectiveAt has passed).
 */
export function handleParamsSet(event: ParamsSet): void {
  const p = event.params;
  const pool = insurancePool(event);
  if (!pool.paramsEffectiveAt.isZero() && event.block.timestamp >= pool.paramsEffectiveAt) {
    pool.cooldown = pool.nextCooldown;
    pool.window = pool.nextWindow;
    pool.claimDuration = pool.nextClaimDuration;
    pool.maxPotShareBps = pool.nextMaxPotShareBps;
  }
  pool.nextCooldown = p.cooldown;
  pool.nextWindow = p.window;
  pool.nextClaimDuration = p.claimDuration;
  pool.nextMaxPotShareBps = p.maxPotShareBps.toI32();
  pool.paramsEffectiveAt = p.effectiveAt;
  if (p.effectiveAt.le(event.block.timestamp)) {
    pool.cooldown = p.cooldown;
    pool.window = p.window;
    pool.claimDuration = p.claimDuration;
    pool.maxPotShareBps = p.maxPotShareBps.toI32();
  }
  pool.save();
}
