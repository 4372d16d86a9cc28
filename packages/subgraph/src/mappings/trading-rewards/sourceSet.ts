import { SourceSet } from "../../../generated/TradingRewards/TradingRewards";
import { setParameter } from "../../utils/governance";
import { REWARDS } from "../../utils/rewards";

/** setSource: a contract allowed (or not) to credit fees. */
export function handleSourceSet(event: SourceSet): void {
  setParameter(event, REWARDS, "source." + event.params.source.toHexString(), event.params.allowed ? "true" : "false");
}
