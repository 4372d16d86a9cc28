import { SlashedMovedToFund } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool, loadSlashedStake } from "../../utils/insurance";

/** The DAO moved an offering's slashed stake into the fund. */
export function handleSlashedMovedToFund(event: SlashedMovedToFund): void {
  const p = event.params;
  const s = loadSlashedStake(p.offeringId);
  s.amount = p.slashed;
  s.movedToFund = s.movedToFund.plus(p.amount);
  s.save();
  const pool = insurancePool(event);
  pool.slashed = pool.slashed.minus(p.amount);
  pool.fund = p.fund;
  pool.save();
}
