import { StakeReweighted } from "../../../generated/PositionStaking/PositionStaking";
import { onStakeReweighted } from "../../utils/staking";

/** poke re-weighted a stake to its days of term left; the WeightChanged before it moved the pool. */
export function handleStakeReweighted(event: StakeReweighted): void {
  const p = event.params;
  onStakeReweighted(event, p.tokenId, p.oldWeight, p.newWeight, p.caller);
}
