import { CommissionClaim } from "../../../generated/schema";
import { CommissionClaimed } from "../../../generated/PromotionNodes/PromotionNodes";
import { eventId } from "../../utils/ids";
import { loadCommission, loadLedger, loadNode, nodeProgram } from "../../utils/nodes";
import { stamp } from "../../utils/records";

/** A node pulled its funded commission in a token. */
export function handleCommissionClaimed(event: CommissionClaimed): void {
  const p = event.params;
  const n = loadNode(p.node);
  const c = loadCommission(n.id, p.token);
  c.claimed = p.claimed;
  c.save();
  const program = nodeProgram(event);
  program.save();
  const ledger = loadLedger(program, p.token);
  ledger.paid = ledger.paid.plus(p.amount);
  ledger.save();
  const r = new CommissionClaim(eventId(event));
  r.node = n.id;
  r.token = p.token;
  r.to = p.to;
  r.amount = p.amount;
  stamp(r, event);
  r.save();
}
