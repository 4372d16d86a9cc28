import { RendererSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateProtocol } from "../../utils/loaders";
import { newParameterChange } from "../../utils/parameters";

export function handleRendererSet(event: RendererSet): void {
  const protocol = getOrCreateProtocol(event.address);
  protocol.renderer = event.params.renderer;
  protocol.save();

  const change = newParameterChange(event, "Renderer");
  change.address = event.params.renderer;
  change.save();
}
