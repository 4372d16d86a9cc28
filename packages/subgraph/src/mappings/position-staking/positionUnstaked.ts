import { PositionUnstaked } from "../../../generated/PositionStaking/PositionStaking";
import { onPositionUnstaked } from "../../utils/staking";
import { pool } from "./pool";

/** A stake ended: unstaked by its staker, or poked once the exchange no longer held the lock for the pool. */
export function handlePositionUnstaked(event: PositionUnstaked): void {
  onPositionUnstaked(event, pool(event), event.params.tokenId);
}
