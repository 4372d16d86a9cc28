import { InsuranceClaim, InsurancePoolPayout } from "../../../generated/schema";
import { PayoutExecuted } from "../../../generated/MutualInsurance/MutualInsurance";
import { ZERO } from "../../utils/constants";
import { insurancePool, loadSlashedStake, PAYOUT_CLAIM_PERIOD } from "../../utils/insurance";

/** The DAO paid a halted offering's holders: taken from its slashed stake, then the pot, then the fund. */
export function handlePayoutExecuted(event: PayoutExecuted): void {
  const p = event.params;
  const pool = insurancePool(event);
  pool.openClaims -= 1;
  pool.payoutCount += 1;
  pool.slashed = pool.slashed.minus(p.fromSlashed);
  pool.pot = pool.pot.minus(p.fromPot);
  pool.fund = pool.fund.minus(p.fromFund);
  pool.unclaimed = pool.unclaimed.plus(p.total);
  pool.save();
  if (!p.fromSlashed.isZero()) {
    const s = loadSlashedStake(p.offeringId);
    s.amount = s.amount.minus(p.fromSlashed);
    s.paidOut = s.paidOut.plus(p.fromSlashed);
    s.save();
  }
  const id = p.payoutId.toString();
  const c = InsuranceClaim.load(id);
  if (c == null) throw new Error("PayoutExecuted: unknown claim " + id);
  c.status = "Executed";
  c.endedAt = event.block.timestamp;
  c.payout = id;
  c.save();
  const payout = new InsurancePoolPayout(id);
  payout.payoutId = p.payoutId;
  payout.pool = pool.id;
  payout.claim = id;
  payout.offering = p.offeringId.toString();
  payout.requested = p.requested;
  payout.total = p.total;
  payout.perUnit = p.perUnit;
  payout.units = p.units;
  payout.fromSlashed = p.fromSlashed;
  payout.fromPot = p.fromPot;
  payout.fromFund = p.fromFund;
  payout.claimed = ZERO;
  payout.claimCount = 0;
  payout.claimDeadline = event.block.timestamp.plus(PAYOUT_CLAIM_PERIOD);
  payout.expired = false;
  payout.returnedToFund = ZERO;
  payout.executedAt = event.block.timestamp;
  payout.executedAtBlock = event.block.number;
  payout.save();
}
