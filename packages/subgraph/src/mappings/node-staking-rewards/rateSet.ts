import { RateSet } from "../../../generated/NodeStakingRewards/NodeStakingRewards";
import { onRateSet } from "../../utils/emission";
import { pool } from "./pool";

/** The DAO set the emission rate (the constructor's first RateSet creates the pool). */
export function handleRateSet(event: RateSet): void {
  const p = event.params;
  onRateSet(event, pool(event), p.oldRate, p.newRate, p.effectiveFrom, p.emittedToDate);
}
