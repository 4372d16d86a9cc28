import { FeeRecipientSet } from "../../../generated/PositionListings/PositionListings";
import { setAddressParameter } from "../../utils/governance";
import { LISTINGS } from "./ids";

/** setFeeRecipient: where swept listing fees go. */
export function handleFeeRecipientSet(event: FeeRecipientSet): void {
  setAddressParameter(event, LISTINGS, "feeRecipient", event.params.recipient);
}
