import { Referral } from "../../../generated/schema";
import { CommissionRecorded } from "../../../generated/PromotionNodes/PromotionNodes";
import { ZERO_ADDRESS } from "../../utils/constants";
import { eventId } from "../../utils/ids";
import { loadCommission, loadLedger, loadNode, nodeProgram } from "../../utils/nodes";
import { stamp } from "../../utils/records";

/** A purchase through a node's referral earned commission (a share of it to the light node's main node). */
export function handleCommissionRecorded(event: CommissionRecorded): void {
  const p = event.params;
  const n = loadNode(p.node);
  n.referrals = p.referrals.toI32();
  n.save();
  const own = loadCommission(n.id, p.token);
  own.earned = p.nodeEarned;
  own.earnedAsReferrer = own.earnedAsReferrer.plus(p.commission.minus(p.mainShare));
  own.save();
  if (!p.mainNode.equals(ZERO_ADDRESS)) {
    const main = loadCommission(p.mainNode, p.token);
    main.earned = p.mainEarned;
    main.earnedAsMain = main.earnedAsMain.plus(p.mainShare);
    main.save();
  }
  const program = nodeProgram(event);
  program.referralCount += 1;
  program.save();
  const ledger = loadLedger(program, p.token);
  ledger.recorded = ledger.recorded.plus(p.commission);
  ledger.save();
  const r = new Referral(eventId(event));
  r.node = n.id;
  r.buyer = p.buyer;
  r.token = p.token;
  r.fee = p.fee;
  r.commission = p.commission;
  r.mainNode = p.mainNode.equals(ZERO_ADDRESS) ? null : p.mainNode;
  r.mainShare = p.mainShare;
  stamp(r, event);
  r.save();
}
