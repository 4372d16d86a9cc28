import { OwnershipTransferred } from "../../../generated/MiningReserve/MiningReserve";
import { recordOwner, RESERVE } from "../../utils/governance";

export function handleOwnershipTransferred(event: OwnershipTransferred): void {
  recordOwner(event, RESERVE, "miningReserve", event.params.newOwner);
}
