import { PremiumDeposit } from "../../../generated/schema";
import { PremiumDeposited } from "../../../generated/MutualInsurance/MutualInsurance";
import { eventId } from "../../utils/ids";
import { insurancePool, loadPremiumToken } from "../../utils/insurance";
import { stamp } from "../../utils/records";

/** A premium shared among the shares staked now (accPerShare after it), the rest carried to the next one. */
export function handlePremiumDeposited(event: PremiumDeposited): void {
  const p = event.params;
  const pool = insurancePool(event);
  pool.save();
  const t = loadPremiumToken(pool, p.token);
  t.accPerShare = p.accPerShare;
  t.carry = p.carried;
  t.deposited = t.deposited.plus(p.amount);
  t.save();
  const r = new PremiumDeposit(eventId(event));
  r.token = t.id;
  r.from = p.from;
  r.amount = p.amount;
  r.distributed = p.distributed;
  r.carried = p.carried;
  r.totalShares = p.totalShares;
  r.accPerShare = p.accPerShare;
  stamp(r, event);
  r.save();
}
