import { TradingRewardsSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { EXCHANGE, setAddressParameter } from "../../utils/governance";

/** setTradingRewards: where the exchange credits primary-sale fees (zero: nowhere). */
export function handleTradingRewardsSet(event: TradingRewardsSet): void {
  setAddressParameter(event, EXCHANGE, "tradingRewards", event.params.rewards);
}
