import { ReferralFailure } from "../../../generated/schema";
import { ReferralFailed } from "../../../generated/TradingRewards/TradingRewards";
import { eventId } from "../../utils/ids";
import { stamp } from "../../utils/records";

/** PromotionNodes refused a referral TradingRewards forwarded (the sale went through without commission). */
export function handleReferralFailed(event: ReferralFailed): void {
  const p = event.params;
  const r = new ReferralFailure(eventId(event));
  r.referrer = p.referrer;
  r.account = p.account;
  r.token = p.token;
  r.fee = p.fee;
  stamp(r, event);
  r.save();
}
