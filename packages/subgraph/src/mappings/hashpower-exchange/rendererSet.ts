import { RendererSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateProtocol } from "../../utils/loaders";
import { EXCHANGE, setAddressParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

export function handleRendererSet(event: RendererSet): void {
  const protocol = getOrCreateProtocol(event.address);
  protocol.renderer = event.params.renderer;
  protocol.save();

  const change = newParameterChange(event, "Renderer");
  change.address = event.params.renderer;
  change.save();
  setAddressParameter(event, EXCHANGE, "renderer", event.params.renderer);
}
