import { OwnershipTransferred } from "../../../generated/InsuranceFund/InsuranceFund";
import { INSURANCE, recordOwner } from "../../utils/governance";

export function handleOwnershipTransferred(event: OwnershipTransferred): void {
  recordOwner(event, INSURANCE, "insuranceFund", event.params.newOwner);
}
