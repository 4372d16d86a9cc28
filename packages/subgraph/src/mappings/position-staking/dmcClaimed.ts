import { DmcClaimed } from "../../../generated/PositionStaking/PositionStaking";
import { onDmcClaimed } from "../../utils/emission";
import { pool } from "./pool";

/** An account claimed its DMC, drawn from the pool's MiningReserve bucket. */
export function handleDmcClaimed(event: DmcClaimed): void {
  const p = event.params;
  onDmcClaimed(event, pool(event), p.account, p.to, p.amount, p.stillEarned);
}
