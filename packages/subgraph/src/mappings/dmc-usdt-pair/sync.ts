import { Sync } from "../../../generated/DmcUsdtPair/UniswapV2Pair";
import { onSync } from "../../utils/pairs";
import { pair } from "./pair";

/** The reserves after a mint, burn, swap or sync: the DMC price and its candles. */
export function handleSync(event: Sync): void {
  onSync(event, pair(event), event.params.reserve0, event.params.reserve1);
}
