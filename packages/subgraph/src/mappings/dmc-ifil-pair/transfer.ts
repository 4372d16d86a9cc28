import { Transfer } from "../../../generated/DmcIfilPair/UniswapV2Pair";
import { onTransfer } from "../../utils/pairs";
import { pair } from "./pair";

/** A transfer of the LP token: mints and burns change its supply. */
export function handleTransfer(event: Transfer): void {
  onTransfer(event, pair(event), event.params.from, event.params.to, event.params.value);
}
