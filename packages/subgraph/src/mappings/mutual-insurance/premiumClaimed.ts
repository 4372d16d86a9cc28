import { PremiumClaimed } from "../../../generated/MutualInsurance/MutualInsurance";
import { ZERO } from "../../utils/constants";
import {
  insurancePool,
  loadPremiumToken,
  loadUnderwriter,
  loadUnderwriterPremium,
  settle,
} from "../../utils/insurance";

/** An underwriter pulled its premiums in one token (settled at its shares, then paid in full). */
export function handlePremiumClaimed(event: PremiumClaimed): void {
  const p = event.params;
  const pool = insurancePool(event);
  pool.save();
  const t = loadPremiumToken(pool, p.token);
  t.paid = t.paid.plus(p.amount);
  t.save();
  const u = loadUnderwriter(pool, p.account, event);
  u.save();
  const s = loadUnderwriterPremium(u.id, t.id);
  settle(s, t.accPerShare, u.shares);
  s.owed = ZERO;
  s.claimed = s.claimed.plus(p.amount);
  s.save();
}
