import { GracePeriodSet } from "../../../generated/PositionLoans/PositionLoans";
import { setIntParameter } from "../../utils/governance";
import { LOANS } from "../../utils/loans";

/** setGracePeriod (and the constructor's): the grace period of loans started from now on, in seconds. */
export function handleGracePeriodSet(event: GracePeriodSet): void {
  setIntParameter(event, LOANS, "gracePeriod", event.params.grace);
}
