import { FeeRecipientSet } from "../../../generated/PositionLoans/PositionLoans";
import { setAddressParameter } from "../../utils/governance";
import { LOANS } from "../../utils/loans";

/** setFeeRecipient (and the constructor's): where swept lending fees go. */
export function handleFeeRecipientSet(event: FeeRecipientSet): void {
  setAddressParameter(event, LOANS, "feeRecipient", event.params.recipient);
}
