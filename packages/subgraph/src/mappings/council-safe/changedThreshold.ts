import { ChangedThreshold } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange } from "../../utils/council";

export function handleChangedThreshold(event: ChangedThreshold): void {
  const c = getOrCreateCouncil(event.address);
  c.threshold = event.params.threshold.toI32();
  c.save();
  const change = newCouncilChange(event, c.id, "ThresholdChanged");
  change.threshold = c.threshold;
  change.save();
}
