import { PremiumTokenSet } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool, loadPremiumToken } from "../../utils/insurance";

/** The DAO listed or delisted a premium token; a token listed for the first time joins the settled list. */
export function handlePremiumTokenSet(event: PremiumTokenSet): void {
  const pool = insurancePool(event);
  const known = pool.premiumTokenAddresses;
  let found = false;
  for (let i = 0; i < known.length; i++) if (known[i].equals(event.params.token)) found = true;
  if (!found) {
    known.push(event.params.token);
    pool.premiumTokenAddresses = known;
  }
  pool.save();
  const t = loadPremiumToken(pool, event.params.token);
  t.listed = event.params.listed;
  t.save();
}
