import { BucketsFunded } from "../../../generated/MiningReserve/MiningReserve";
import { remainingName } from "../../utils/reserve";
import { RESERVE, setIntParameter } from "../../utils/governance";

/** Genesis sizes: parameters reserve-remaining.<Bucket>, lowered by every draw. */
export function handleBucketsFunded(event: BucketsFunded): void {
  setIntParameter(event, RESERVE, remainingName(0), event.params.behaviour);
  setIntParameter(event, RESERVE, remainingName(1), event.params.liquidity);
  setIntParameter(event, RESERVE, remainingName(2), event.params.nodeStaking);
}
