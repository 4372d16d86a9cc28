import { DisabledModule } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange, without } from "../../utils/council";

export function handleDisabledModule(event: DisabledModule): void {
  const c = getOrCreateCouncil(event.address);
  c.modules = without(c.modules, event.params.module);
  c.save();
  const change = newCouncilChange(event, c.id, "ModuleDisabled");
  change.account = event.params.module;
  change.save();
}
