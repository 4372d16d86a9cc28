import { RewardsSettled } from "../../../generated/TradingRewards/TradingRewards";
import { getOrCreateEpoch, getOrCreateReward } from "../../utils/rewards";
import { tradingAccount } from "../../utils/trading";

/** A finished epoch's reward was computed for the account and became claimable. */
export function handleRewardsSettled(event: RewardsSettled): void {
  const params = event.params;
  const account = tradingAccount(params.account, event.block);
  const epoch = getOrCreateEpoch(params.epoch);
  const reward = getOrCreateReward(account.id, epoch);
  reward.credit = params.credit;
  reward.reward = params.reward;
  reward.settled = true;
  reward.save();
  epoch.save();
}
