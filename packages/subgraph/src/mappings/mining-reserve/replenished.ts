import { Replenished } from "../../../generated/MiningReserve/MiningReserve";
import { RESERVE, setIntParameter } from "../../utils/governance";
import { remainingName } from "../../utils/reserve";

/** DMC added back to a bucket (the fee buyback's DMC): the event states what is left to draw after it. */
export function handleReplenished(event: Replenished): void {
  setIntParameter(event, RESERVE, remainingName(event.params.bucket), event.params.remaining);
}
