import { Withdrawn } from "../../../generated/MutualInsurance/MutualInsurance";
import { ZERO } from "../../utils/constants";
import { insurancePool, loadUnderwriter, setShares, settleAll } from "../../utils/insurance";

/** The requested shares were burnt for their DMC; the premiums were settled at the shares before. */
export function handleWithdrawn(event: Withdrawn): void {
  const p = event.params;
  const pool = insurancePool(event);
  const u = loadUnderwriter(pool, p.account, event);
  settleAll(pool, u);
  setShares(pool, u, u.shares.minus(p.shares));
  u.withdrawn = u.withdrawn.plus(p.amount);
  u.requestShares = ZERO;
  u.requestReadyAt = null;
  u.requestExpiresAt = null;
  u.save();
  pool.totalShares = p.totalShares;
  pool.pot = p.pot;
  pool.save();
}
