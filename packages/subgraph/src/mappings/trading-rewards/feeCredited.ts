import { FeeCredited } from "../../../generated/TradingRewards/TradingRewards";
import { getOrCreateEpoch, getOrCreateReward } from "../../utils/rewards";
import { tradingAccount } from "../../utils/trading";

/** recordFee: the event carries the account's and the epoch's credit after it (no sums to drift). */
export function handleFeeCredited(event: FeeCredited): void {
  const params = event.params;
  const account = tradingAccount(params.account, event.block);
  const epoch = getOrCreateEpoch(params.epoch);
  const reward = getOrCreateReward(account.id, epoch);
  reward.credit = params.accountCredit;
  reward.fees += 1;
  reward.save();
  epoch.totalCredit = params.epochCredit;
  epoch.save();
}
