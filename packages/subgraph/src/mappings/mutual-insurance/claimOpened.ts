import { InsuranceClaim } from "../../../generated/schema";
import { ClaimOpened } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool } from "../../utils/insurance";

/** A payout claim opened for a flagged or halted offering: exits freeze until it ends or expiresAt. */
export function handleClaimOpened(event: ClaimOpened): void {
  const p = event.params;
  const pool = insurancePool(event);
  pool.openClaims += 1;
  pool.claimCount += 1;
  if (p.expiresAt > pool.freezeEnd) pool.freezeEnd = p.expiresAt;
  pool.save();
  const c = new InsuranceClaim(p.claimId.toString());
  c.claimId = p.claimId;
  c.pool = pool.id;
  c.offering = p.offeringId.toString();
  c.openedBy = p.by;
  c.openedAt = event.block.timestamp;
  c.expiresAt = p.expiresAt;
  c.status = "Open";
  c.save();
}
