import { UnstakeCancelled } from "../../../generated/MutualInsurance/MutualInsurance";
import { ZERO } from "../../utils/constants";
import { insurancePool, loadUnderwriter } from "../../utils/insurance";

/** The underwriter cancelled its exit request. */
export function handleUnstakeCancelled(event: UnstakeCancelled): void {
  const pool = insurancePool(event);
  const u = loadUnderwriter(pool, event.params.account, event);
  u.requestShares = ZERO;
  u.requestReadyAt = null;
  u.requestExpiresAt = null;
  u.save();
  pool.save();
}
