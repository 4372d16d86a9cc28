import { RewardsClaimed } from "../../../generated/TradingRewards/TradingRewards";
import { tradingAccount } from "../../utils/trading";

/** claim: DMC drawn from the behaviour-mining bucket to `to`. */
export function handleRewardsClaimed(event: RewardsClaimed): void {
  const account = tradingAccount(event.params.account, event.block);
  account.tradingRewardsClaimed = account.tradingRewardsClaimed.plus(event.params.amount);
  account.save();
}
