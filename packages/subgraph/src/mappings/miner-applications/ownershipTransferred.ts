import { OwnershipTransferred } from "../../../generated/MinerApplications/MinerApplications";
import { APPLICATIONS, recordOwner } from "../../utils/governance";

export function handleOwnershipTransferred(event: OwnershipTransferred): void {
  recordOwner(event, APPLICATIONS, "applications", event.params.newOwner);
}
