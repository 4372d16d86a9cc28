import { InsurancePoolPayout, PayoutClaim } from "../../../generated/schema";
import { PayoutClaimed } from "../../../generated/MutualInsurance/MutualInsurance";
import { eventId } from "../../utils/ids";
import { insurancePool } from "../../utils/insurance";
import { stamp } from "../../utils/records";

/** A position claimed its share of a payout (paid to its owner, or to its lock holder). */
export function handlePayoutClaimed(event: PayoutClaimed): void {
  const p = event.params;
  const id = p.payoutId.toString();
  const payout = InsurancePoolPayout.load(id);
  if (payout == null) throw new Error("PayoutClaimed: unknown payout " + id);
  payout.claimed = payout.claimed.plus(p.amount);
  payout.claimCount += 1;
  payout.save();
  const pool = insurancePool(event);
  pool.unclaimed = pool.unclaimed.minus(p.amount);
  pool.payoutsClaimed = pool.payoutsClaimed.plus(p.amount);
  pool.save();
  const r = new PayoutClaim(eventId(event));
  r.payout = id;
  r.position = p.tokenId.toString();
  r.to = p.to;
  r.amount = p.amount;
  stamp(r, event);
  r.save();
}
