import { Bytes } from "@graphprotocol/graph-ts";

import { SafeSetup } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange } from "../../utils/council";

/** Emitted last by setup(): the timelock module was enabled just before (EnabledModule). */
export function handleSafeSetup(event: SafeSetup): void {
  const c = getOrCreateCouncil(event.address);
  c.owners = changetype<Bytes[]>(event.params.owners);
  c.threshold = event.params.threshold.toI32();
  c.save();
  const change = newCouncilChange(event, c.id, "Setup");
  change.threshold = c.threshold;
  change.save();
}
