import { FeeRecipientSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateProtocol } from "../../utils/loaders";
import { EXCHANGE, setAddressParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

export function handleFeeRecipientSet(event: FeeRecipientSet): void {
  const protocol = getOrCreateProtocol(event.address);
  protocol.feeRecipient = event.params.newRecipient;
  protocol.save();

  const change = newParameterChange(event, "FeeRecipient");
  change.oldAddress = event.params.oldRecipient;
  change.address = event.params.newRecipient;
  change.save();
  setAddressParameter(event, EXCHANGE, "feeRecipient", event.params.newRecipient);
}
