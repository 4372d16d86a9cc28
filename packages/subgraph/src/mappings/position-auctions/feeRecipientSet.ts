import { FeeRecipientSet } from "../../../generated/PositionAuctions/PositionAuctions";
import { AUCTIONS } from "../../utils/auctions";
import { setAddressParameter } from "../../utils/governance";

/** setFeeRecipient: where swept auction fees go. */
export function handleFeeRecipientSet(event: FeeRecipientSet): void {
  setAddressParameter(event, AUCTIONS, "feeRecipient", event.params.recipient);
}
