import { ReferralsSet } from "../../../generated/TradingRewards/TradingRewards";
import { setAddressParameter } from "../../utils/governance";
import { REWARDS } from "../../utils/rewards";

/** setReferrals: the recorder (PromotionNodes) sales' referrers are forwarded to; zero when none. */
export function handleReferralsSet(event: ReferralsSet): void {
  setAddressParameter(event, REWARDS, "referrals", event.params.recorder);
}
