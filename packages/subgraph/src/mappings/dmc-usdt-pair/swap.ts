import { Swap } from "../../../generated/DmcUsdtPair/UniswapV2Pair";
import { onSwap } from "../../utils/pairs";
import { pair } from "./pair";

/** A swap on the pair (its Sync came just before). */
export function handleSwap(event: Swap): void {
  const p = event.params;
  onSwap(event, pair(event), p.sender, p.to, p.amount0In, p.amount1In, p.amount0Out, p.amount1Out);
}
