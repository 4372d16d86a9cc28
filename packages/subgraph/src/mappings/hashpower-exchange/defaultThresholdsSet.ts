import { DefaultThresholdsSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateProtocol } from "../../utils/loaders";
import { EXCHANGE, setIntParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

export function handleDefaultThresholdsSet(event: DefaultThresholdsSet): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  protocol.missedDaysThreshold = params.missedDaysThreshold.toI32();
  protocol.lowStreakThreshold = params.lowStreakThreshold.toI32();
  protocol.minRewardRatioBps = params.minRewardRatioBps.toI32();
  protocol.save();

  const change = newParameterChange(event, "DefaultThresholds");
  change.missedDaysThreshold = protocol.missedDaysThreshold;
  change.lowStreakThreshold = protocol.lowStreakThreshold;
  change.minRewardRatioBps = protocol.minRewardRatioBps;
  change.save();
  setIntParameter(event, EXCHANGE, "missedDaysThreshold", params.missedDaysThreshold);
  setIntParameter(event, EXCHANGE, "lowStreakThreshold", params.lowStreakThreshold);
  setIntParameter(event, EXCHANGE, "minRewardRatioBps", params.minRewardRatioBps);
}
