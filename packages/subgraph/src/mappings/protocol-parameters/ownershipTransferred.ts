import { OwnershipTransferred } from "../../../generated/ProtocolParameters/ProtocolParameters";
import { PROTOCOL, recordOwner } from "../../utils/governance";

export function handleOwnershipTransferred(event: OwnershipTransferred): void {
  recordOwner(event, PROTOCOL, "parameters", event.params.newOwner);
}
