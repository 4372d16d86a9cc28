import { ScheduleSet } from "../../../generated/TradingRewards/TradingRewards";
import { setIntParameter } from "../../utils/governance";
import { recordGenesis, REWARDS } from "../../utils/rewards";

/** setSchedule (and the constructor's, from epoch 0): applies from fromEpoch, never retroactively. */
export function handleScheduleSet(event: ScheduleSet): void {
  const params = event.params;
  if (params.fromEpoch.isZero()) recordGenesis(event);
  setIntParameter(event, REWARDS, "scheduleFromEpoch", params.fromEpoch);
  setIntParameter(event, REWARDS, "dmcPerEpoch", params.dmcPerEpoch);
  setIntParameter(event, REWARDS, "capDmcPerFeeUnit", params.capDmcPerFeeUnit);
}
