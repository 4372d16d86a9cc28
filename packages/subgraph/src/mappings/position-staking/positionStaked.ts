import { PositionStaked } from "../../../generated/PositionStaking/PositionStaking";
import { onPositionStaked } from "../../utils/staking";
import { pool } from "./pool";

/** A position was staked in place (the exchange's PositionLocked came just before). */
export function handlePositionStaked(event: PositionStaked): void {
  const p = event.params;
  onPositionStaked(event, pool(event), p.tokenId, p.staker, p.units, p.daysLeft, p.weight);
}
