import { MinIncrementSet } from "../../../generated/PositionAuctions/PositionAuctions";
import { AUCTIONS } from "../../utils/auctions";
import { setIntParameter } from "../../utils/governance";

/** setMinIncrement: the minimum increment of new auctions (running ones keep theirs). */
export function handleMinIncrementSet(event: MinIncrementSet): void {
  setIntParameter(event, AUCTIONS, "minIncrementBps", event.params.bps);
}
