import { InsurancePoolPayout } from "../../../generated/schema";
import { PayoutExpired } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool } from "../../utils/insurance";

/** A payout's claim period ended: what was unclaimed returned to the fund. */
export function handlePayoutExpired(event: PayoutExpired): void {
  const p = event.params;
  const id = p.payoutId.toString();
  const payout = InsurancePoolPayout.load(id);
  if (payout == null) throw new Error("PayoutExpired: unknown payout " + id);
  payout.expired = true;
  payout.returnedToFund = p.amount;
  payout.save();
  const pool = insurancePool(event);
  pool.unclaimed = pool.unclaimed.minus(p.amount);
  pool.fund = p.fund;
  pool.save();
}
