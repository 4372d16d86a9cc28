import { EnabledModule } from "../../../generated/CouncilSafe/CouncilSafe";
import { getOrCreateCouncil, newCouncilChange, prepend } from "../../utils/council";

export function handleEnabledModule(event: EnabledModule): void {
  const c = getOrCreateCouncil(event.address);
  c.modules = prepend(c.modules, event.params.module);
  c.save();
  const change = newCouncilChange(event, c.id, "ModuleEnabled");
  change.account = event.params.module;
  change.save();
}
