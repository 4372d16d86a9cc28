import { InsuranceClaim } from "../../../generated/schema";
import { ClaimEnded } from "../../../generated/MutualInsurance/MutualInsurance";
import { claimStatusName, insurancePool } from "../../utils/insurance";

/** A claim ended without a payout: rejected by the DAO, or closed (expired, or its offering resumed). */
export function handleClaimEnded(event: ClaimEnded): void {
  const pool = insurancePool(event);
  pool.openClaims -= 1;
  pool.save();
  const c = InsuranceClaim.load(event.params.claimId.toString());
  if (c == null) throw new Error("ClaimEnded: unknown claim " + event.params.claimId.toString());
  c.status = claimStatusName(event.params.status);
  c.endedAt = event.block.timestamp;
  c.save();
}
