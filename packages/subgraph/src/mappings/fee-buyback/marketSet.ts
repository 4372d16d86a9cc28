import { MarketSet } from "../../../generated/FeeBuyback/FeeBuyback";
import { ZERO, ZERO_ADDRESS } from "../../utils/constants";
import { buybackProgram, loadBuybackToken } from "../../utils/fees";

/** A fee token listed on its DMC pair (checkpoints reset) or unlisted (pair zero). */
export function handleMarketSet(event: MarketSet): void {
  const program = buybackProgram(event);
  program.save();
  const t = loadBuybackToken(program, event.params.token);
  const listed = !event.params.pair.equals(ZERO_ADDRESS);
  t.listed = listed;
  t.pair = listed ? event.params.pair : null;
  t.prevObservedAt = ZERO;
  t.lastObservedAt = ZERO;
  t.lastPriceCumulative = ZERO;
  t.save();
}
