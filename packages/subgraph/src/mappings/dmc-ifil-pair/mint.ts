import { Mint } from "../../../generated/DmcIfilPair/UniswapV2Pair";
import { onLiquidity } from "../../utils/pairs";
import { pair } from "./pair";

/** Liquidity added. */
export function handleMint(event: Mint): void {
  onLiquidity(event, pair(event), "Mint", event.params.sender, null, event.params.amount0, event.params.amount1);
}
