import { ValueKind } from "@graphprotocol/graph-ts";

import { DefaultThresholdsSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Offering } from "../../../generated/schema";
import { dayOf } from "../../utils/ids";
import { getOrCreateOfferingDay, getOrCreateProtocol, saveOfferingWithDay } from "../../utils/loaders";
import { EXCHANGE, setIntParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";
import { refreshWindow } from "../../utils/window";

/**
 * setDefaultThresholds (and the constructor's defaults). The window's sum, average and low flag
 * of every offering are judged with the current windowDays and minRewardRatioBps, so they are
 * recomputed for all offerings (ids 1..offeringCount; threshold changes are rare).
 */
export function handleDefaultThresholdsSet(event: DefaultThresholdsSet): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  protocol.missedDaysThreshold = params.missedDaysThreshold.toI32();
  protocol.windowDays = params.windowDays.toI32();
  protocol.minRewardRatioBps = params.minRewardRatioBps.toI32();
  protocol.minCoverageBps = params.minCoverageBps.toI32();
  protocol.postTermFlagDays = params.postTermFlagDays.toI32();
  protocol.save();

  const change = newParameterChange(event, "DefaultThresholds");
  change.missedDaysThreshold = protocol.missedDaysThreshold;
  change.windowDays = protocol.windowDays;
  change.minRewardRatioBps = protocol.minRewardRatioBps;
  change.minCoverageBps = protocol.minCoverageBps;
  change.postTermFlagDays = protocol.postTermFlagDays;
  change.save();
  setIntParameter(event, EXCHANGE, "missedDaysThreshold", params.missedDaysThreshold);
  setIntParameter(event, EXCHANGE, "windowDays", params.windowDays);
  setIntParameter(event, EXCHANGE, "minRewardRatioBps", params.minRewardRatioBps);
  setIntParameter(event, EXCHANGE, "minCoverageBps", params.minCoverageBps);
  setIntParameter(event, EXCHANGE, "postTermFlagDays", params.postTermFlagDays);

  // Only offerings whose figures change are written (and get a day snapshot).
  const today = dayOf(event.block.timestamp);
  for (let id = 1; id <= protocol.offeringCount; id++) {
    const o = Offering.load(id.toString());
    if (o == null) continue;
    const before = windowKey(o);
    refreshWindow(o, protocol);
    if (windowKey(o) != before) saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, today), event);
  }
}

function windowKey(o: Offering): string {
  const share = o.get("windowShare");
  const shareText = share == null || share.kind == ValueKind.NULL ? "-" : o.windowShare.toString();
  return o.windowSum.toString() + "/" + shareText + "/" + (o.windowLow ? "low" : "ok");
}
