import { Underwritten } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool, loadUnderwriter, setShares, settleAll } from "../../utils/insurance";

/** DMC staked into the underwriters' pot for shares; the account's premiums were settled first. */
export function handleUnderwritten(event: Underwritten): void {
  const p = event.params;
  const pool = insurancePool(event);
  const u = loadUnderwriter(pool, p.account, event);
  settleAll(pool, u);
  setShares(pool, u, p.accountShares);
  u.deposited = u.deposited.plus(p.amount);
  u.save();
  pool.totalShares = p.totalShares;
  pool.pot = p.pot;
  pool.save();
}
