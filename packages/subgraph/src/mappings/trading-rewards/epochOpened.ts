import { EpochOpened } from "../../../generated/TradingRewards/TradingRewards";
import { getOrCreateEpoch } from "../../utils/rewards";

/** An epoch's first credit snapshotted its schedule. */
export function handleEpochOpened(event: EpochOpened): void {
  const epoch = getOrCreateEpoch(event.params.epoch);
  epoch.dmcPerEpoch = event.params.dmcPerEpoch;
  epoch.capDmcPerFeeUnit = event.params.capDmcPerFeeUnit;
  epoch.save();
}
