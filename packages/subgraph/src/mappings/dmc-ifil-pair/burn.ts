import { Burn } from "../../../generated/DmcIfilPair/UniswapV2Pair";
import { onLiquidity } from "../../utils/pairs";
import { pair } from "./pair";

/** Liquidity removed, paid to `to`. */
export function handleBurn(event: Burn): void {
  const p = event.params;
  onLiquidity(event, pair(event), "Burn", p.sender, p.to, p.amount0, p.amount1);
}
