import { UnstakeRequested } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool, loadUnderwriter } from "../../utils/insurance";

/** An exit request (replacing any earlier one): shares withdrawable in [readyAt, expiresAt). */
export function handleUnstakeRequested(event: UnstakeRequested): void {
  const p = event.params;
  const pool = insurancePool(event);
  const u = loadUnderwriter(pool, p.account, event);
  u.requestShares = p.shares;
  u.requestReadyAt = p.readyAt;
  u.requestExpiresAt = p.expiresAt;
  u.save();
  pool.save();
}
