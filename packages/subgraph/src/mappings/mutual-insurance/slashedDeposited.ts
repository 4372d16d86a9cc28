import { SlashedDeposited } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool, loadSlashedStake } from "../../utils/insurance";

/** A miner's slashed stake deposited for its halted offering: it bears that offering's payouts first. */
export function handleSlashedDeposited(event: SlashedDeposited): void {
  const p = event.params;
  const s = loadSlashedStake(p.offeringId);
  s.amount = p.slashed;
  s.deposited = s.deposited.plus(p.amount);
  s.save();
  const pool = insurancePool(event);
  pool.slashed = pool.slashed.plus(p.amount);
  pool.save();
}
