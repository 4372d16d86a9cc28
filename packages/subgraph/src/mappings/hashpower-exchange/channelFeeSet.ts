import { ChannelFeeSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateProtocol } from "../../utils/loaders";
import { EXCHANGE, setIntParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

export function handleChannelFeeSet(event: ChannelFeeSet): void {
  const protocol = getOrCreateProtocol(event.address);
  protocol.channelFeeBps = event.params.newFeeBps.toI32();
  protocol.save();

  const change = newParameterChange(event, "ChannelFee");
  change.oldFeeBps = event.params.oldFeeBps.toI32();
  change.newFeeBps = event.params.newFeeBps.toI32();
  change.save();
  setIntParameter(event, EXCHANGE, "channelFeeBps", event.params.newFeeBps);
}
